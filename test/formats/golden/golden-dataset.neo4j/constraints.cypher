// Id constraints for the imported graph (Neo4j 5 or later): cypher-shell -d <database> -f constraints.cypher
CREATE CONSTRAINT atlas_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT atlas_source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT atlas_relation_id IF NOT EXISTS FOR (n:Relation) REQUIRE n.id IS UNIQUE;
