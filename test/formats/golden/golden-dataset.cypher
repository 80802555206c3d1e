// Leverage Atlas: Golden fixture: every kind & family <small>
// 13 entities, 12 relations, 3 sources. Written by atlas export --format cypher.
//
// Loads the dataset into Neo4j 5 or later (cypher-shell -d <database> -f <this file>) or Memgraph
// (mgconsole < <this file>, with the three constraints below replaced by Memgraph's). It is idempotent:
// nodes and relationships are MERGEd on their ids only and their other properties SET, so running it
// again changes nothing. Graph: (:Entity:<Kind>) nodes, relationships typed by relation kind, (:Source)
// nodes, and (:Relation)-[:CITES]->(:Source) for each citation (a Relation node has its relationship's id).
//
// Memgraph's constraints:
//   CREATE CONSTRAINT ON (n:Entity) ASSERT n.id IS UNIQUE;
//   CREATE CONSTRAINT ON (n:Source) ASSERT n.id IS UNIQUE;
//   CREATE CONSTRAINT ON (n:Relation) ASSERT n.id IS UNIQUE;

CREATE CONSTRAINT atlas_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT atlas_source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT atlas_relation_id IF NOT EXISTS FOR (n:Relation) REQUIRE n.id IS UNIQUE;

// Sources
UNWIND [
  {id: "s-news", url: "https://example.org/news?id=1&lang=en", publisher: "Example News", title: "Canada & Huawei: a <timeline>", published: "2022-05-19", accessed: "2024-01-02", archive: "https://archive.example.org/news"},
  {id: "s-report", url: "https://example.org/report", publisher: "Example Institute", title: "Security review report", published: "2021"},
  {id: "s-uncited", url: "https://example.org/uncited", publisher: "Example Library", title: "A source no relation cites"}
] AS row
MERGE (n:Source {id: row.id})
SET n = row;

// Entities: Government
UNWIND [
  {id: "gov-canada", name: "Government of Canada", kind: "government", aliases: ["Canada", "Ottawa"], country: "CA"},
  {id: "gov-united-states", name: "Government of the United States", kind: "government", aliases: ["U.S."], country: "US", description: "Federal government; \"quoted\" & <angled> text.", url: "https://www.usa.gov/"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Agency:Person:Carrier:Vendor:Organization:Bloc:Agreement:Policy:LegalCase
SET n:Government;

// Entities: Agency
UNWIND [
  {id: "cse", name: "Communications Security Establishment", kind: "agency", aliases: ["CSE"], country: "CA"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Person:Carrier:Vendor:Organization:Bloc:Agreement:Policy:LegalCase
SET n:Agency;

// Entities: Person
UNWIND [
  {id: "champagne", name: "François-Philippe Champagne", kind: "person", country: "CA"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Carrier:Vendor:Organization:Bloc:Agreement:Policy:LegalCase
SET n:Person;

// Entities: Carrier
UNWIND [
  {id: "bell", name: "Bell Canada", kind: "carrier", aliases: ["BCE", "Bell"], country: "CA"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Person:Vendor:Organization:Bloc:Agreement:Policy:LegalCase
SET n:Carrier;

// Entities: Vendor
UNWIND [
  {id: "huawei", name: "Huawei 华为", kind: "vendor", aliases: ["Huawei Technologies"], country: "CN"},
  {id: "nokia", name: "Nokia", kind: "vendor", country: "FI"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Person:Carrier:Organization:Bloc:Agreement:Policy:LegalCase
SET n:Vendor;

// Entities: Organization
UNWIND [
  {id: "gsma", name: "GSM Association", kind: "organization", description: "Industry group.\nTwo lines."},
  {id: "lonely", name: "Lonely Institute ￿ (a character XML 1.0 cannot carry)", kind: "organization"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Person:Carrier:Vendor:Bloc:Agreement:Policy:LegalCase
SET n:Organization;

// Entities: Bloc
UNWIND [
  {id: "five-eyes", name: "Five Eyes", kind: "bloc"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Person:Carrier:Vendor:Organization:Agreement:Policy:LegalCase
SET n:Bloc;

// Entities: Agreement
UNWIND [
  {id: "prague-proposals", name: "Prague Proposals", kind: "agreement"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Person:Carrier:Vendor:Organization:Bloc:Policy:LegalCase
SET n:Agreement;

// Entities: Policy
UNWIND [
  {id: "bill-c-26", name: "Bill C-26", kind: "policy", country: "CA"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Person:Carrier:Vendor:Organization:Bloc:Agreement:LegalCase
SET n:Policy;

// Entities: LegalCase
UNWIND [
  {id: "meng-extradition", name: "Extradition of Meng Wanzhou", kind: "legal_case", country: "CA"}
] AS row
MERGE (n:Entity {id: row.id})
SET n = row
REMOVE n:Government:Agency:Person:Carrier:Vendor:Organization:Bloc:Agreement:Policy
SET n:LegalCase;

// Relations: PRESSURES
UNWIND [
  {source: "gov-united-states", target: "gov-canada", properties: {id: "us-pressures-canada", kind: "pressures", family: "pressure", start: "2019-11-23", startDay: date("2019-11-23"), claim: "The U.S. urged Canada to exclude Huawei from 5G.", confidence: "reported", about: "huawei", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\",\"locator\":\"paragraph 3\"},{\"source\":\"s-report\",\"url\":\"https://example.org/report\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:PRESSURES {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: BANS
UNWIND [
  {source: "gov-canada", target: "huawei", properties: {id: "canada-bans-huawei", kind: "bans", family: "pressure", start: "2022-05-19", startDay: date("2022-05-19"), claim: "Canada excluded Huawei & ZTE from its 5G networks.", confidence: "confirmed", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:BANS {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: REVIEWS
UNWIND [
  {source: "cse", target: "huawei", properties: {id: "cse-reviews-huawei", kind: "reviews", family: "pressure", start: "2018", startDay: date("2018-01-01"), end: "2022-05", endDay: date("2022-05-31"), claim: "CSE ran a security review of Huawei's equipment.", confidence: "reported", evidence: "[{\"source\":\"s-report\",\"url\":\"https://example.org/report\",\"locator\":\"p. 12\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:REVIEWS {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: CRITICIZES
UNWIND [
  {source: "champagne", target: "huawei", properties: {id: "champagne-criticizes-huawei", kind: "criticizes", family: "pressure", start: "2022-05", startDay: date("2022-05-01"), claim: "Minister Champagne said the ban protects Canadians.", confidence: "confirmed", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:CRITICIZES {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: LOBBIES
UNWIND [
  {source: "gsma", target: "gov-united-states", properties: {id: "gsma-lobbies-us", kind: "lobbies", family: "pressure", start: "2020", startDay: date("2020-01-01"), claim: "The GSMA lobbied for  open standards.", confidence: "alleged", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:LOBBIES {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: USES_EQUIPMENT_FROM
UNWIND [
  {source: "bell", target: "huawei", properties: {id: "bell-uses-huawei", kind: "uses_equipment_from", family: "dependency", start: "2012", startDay: date("2012-01-01"), end: "2023", endDay: date("2023-12-31"), claim: "Bell ran parts of its network on Huawei radio equipment.", confidence: "confirmed", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:USES_EQUIPMENT_FROM {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: CONTRACTS_WITH
UNWIND [
  {source: "bell", target: "nokia", properties: {id: "bell-contracts-nokia", kind: "contracts_with", family: "dependency", start: "2020-02", startDay: date("2020-02-01"), claim: "Bell chose Nokia for its 5G radio network.", confidence: "confirmed", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:CONTRACTS_WITH {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: SHARES_INTELLIGENCE_WITH
UNWIND [
  {source: "gov-canada", target: "five-eyes", properties: {id: "canada-shares-intelligence", kind: "shares_intelligence_with", family: "dependency", start: "1946", startDay: date("1946-01-01"), claim: "Canada shares signals intelligence with its Five Eyes partners.", confidence: "confirmed", evidence: "[{\"source\":\"s-report\",\"url\":\"https://example.org/report\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:SHARES_INTELLIGENCE_WITH {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: MEMBER_OF
UNWIND [
  {source: "gov-canada", target: "five-eyes", properties: {id: "canada-member-five-eyes", kind: "member_of", family: "structure", start: "1946", startDay: date("1946-01-01"), claim: "Canada is a member of the Five Eyes.", confidence: "confirmed", evidence: "[{\"source\":\"s-report\",\"url\":\"https://example.org/report\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:MEMBER_OF {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: PARTY_TO
UNWIND [
  {source: "gov-united-states", target: "prague-proposals", properties: {id: "us-party-prague", kind: "party_to", family: "structure", start: "2019-05", startDay: date("2019-05-01"), claim: "The U.S. endorsed the Prague Proposals.", confidence: "reported", evidence: "[{\"source\":\"s-report\",\"url\":\"https://example.org/report\"}]"}},
  {source: "gov-canada", target: "meng-extradition", properties: {id: "canada-party-meng", kind: "party_to", family: "structure", start: "2018-12", startDay: date("2018-12-01"), end: "2021-09", endDay: date("2021-09-30"), claim: "Canada was a party to the extradition proceedings.", confidence: "confirmed", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:PARTY_TO {id: row.properties.id}]->(b)
SET r = row.properties;

// Relations: ISSUES
UNWIND [
  {source: "gov-canada", target: "bill-c-26", properties: {id: "canada-issues-c26", kind: "issues", family: "structure", start: "2022-06-14", startDay: date("2022-06-14"), claim: "Canada tabled Bill C-26 on critical cyber systems.", confidence: "confirmed", evidence: "[{\"source\":\"s-news\",\"url\":\"https://example.org/news?id=1&lang=en\"}]"}}
] AS row
MATCH (a:Entity {id: row.source})
MATCH (b:Entity {id: row.target})
MERGE (a)-[r:ISSUES {id: row.properties.id}]->(b)
SET r = row.properties;

// Relation nodes (for their citations; each has its relationship's id)
UNWIND [
  {id: "us-pressures-canada", kind: "pressures"},
  {id: "canada-bans-huawei", kind: "bans"},
  {id: "cse-reviews-huawei", kind: "reviews"},
  {id: "champagne-criticizes-huawei", kind: "criticizes"},
  {id: "bell-uses-huawei", kind: "uses_equipment_from"},
  {id: "bell-contracts-nokia", kind: "contracts_with"},
  {id: "canada-shares-intelligence", kind: "shares_intelligence_with"},
  {id: "canada-member-five-eyes", kind: "member_of"},
  {id: "us-party-prague", kind: "party_to"},
  {id: "canada-issues-c26", kind: "issues"},
  {id: "canada-party-meng", kind: "party_to"},
  {id: "gsma-lobbies-us", kind: "lobbies"}
] AS row
MERGE (n:Relation {id: row.id})
SET n = row;

// Citations
UNWIND [
  {relation: "us-pressures-canada", source: "s-news", properties: {position: 1, locator: "paragraph 3"}},
  {relation: "us-pressures-canada", source: "s-report", properties: {position: 2}},
  {relation: "canada-bans-huawei", source: "s-news", properties: {position: 1}},
  {relation: "cse-reviews-huawei", source: "s-report", properties: {position: 1, locator: "p. 12"}},
  {relation: "champagne-criticizes-huawei", source: "s-news", properties: {position: 1}},
  {relation: "bell-uses-huawei", source: "s-news", properties: {position: 1}},
  {relation: "bell-contracts-nokia", source: "s-news", properties: {position: 1}},
  {relation: "canada-shares-intelligence", source: "s-report", properties: {position: 1}},
  {relation: "canada-member-five-eyes", source: "s-report", properties: {position: 1}},
  {relation: "us-party-prague", source: "s-report", properties: {position: 1}},
  {relation: "canada-issues-c26", source: "s-news", properties: {position: 1}},
  {relation: "canada-party-meng", source: "s-news", properties: {position: 1}},
  {relation: "gsma-lobbies-us", source: "s-news", properties: {position: 1}}
] AS row
MATCH (r:Relation {id: row.relation})
MATCH (s:Source {id: row.source})
MERGE (r)-[c:CITES {position: row.properties.position}]->(s)
SET c = row.properties;
