/**
 * Invented names for synthetic datasets: made-up words, common given names and surnames, publishers.
 * Some carry diacritics, apostrophes and dashes so generated data exercises Unicode like real data does.
 */
import type { EntityKind, RelationKind } from "../model/ontology.ts";
import type { Random } from "./random.ts";

const SYLLABLES = [
  "ka",
  "lo",
  "ri",
  "ven",
  "to",
  "sa",
  "mar",
  "el",
  "no",
  "vi",
  "dra",
  "qu",
  "an",
  "tel",
  "or",
  "bi",
  "sen",
  "ta",
  "li",
  "mo",
  "zor",
  "ne",
  "fa",
  "ru",
  "pel",
  "ka",
  "dan",
  "is",
  "we",
  "ho",
  "ly",
  "cor",
  "ast",
  "um",
  "ber",
  "gi",
  "len",
  "os",
  "tra",
  "vo",
] as const;

const GIVEN_NAMES = [
  "Alex",
  "Maria",
  "Wei",
  "Fatima",
  "John",
  "Zoë",
  "José",
  "Aiko",
  "Ngozi",
  "Søren",
  "Małgorzata",
  "Olivier",
  "Priya",
  "Kwame",
  "Hélène",
  "Dmitri",
  "Sun-hee",
  "Liam",
  "Amira",
  "Mateus",
  "Chloé",
  "Raj",
  "Ingrid",
  "Tomás",
  "Yuki",
  "Élodie",
  "Omar",
  "Anna",
] as const;

const SURNAMES = [
  "Tremblay",
  "Nguyen",
  "Müller",
  "O'Brien",
  "Okafor",
  "Zhang",
  "Haddad",
  "Kowalski",
  "Dubois",
  "Sato",
  "Singh",
  "García",
  "Andersen",
  "Kim",
  "Rossi",
  "Novák",
  "Fischer",
  "Petrov",
  "Mensah",
  "Lefèvre",
  "Côté",
  "Ivanova",
  "Yılmaz",
  "Costa",
  "Chen",
] as const;

const TOPICS = [
  "5G Security",
  "Network Security",
  "Telecommunications",
  "Critical Infrastructure",
  "Export Controls",
  "Cyber Security",
  "Spectrum",
  "Supply Chain Security",
  "Foreign Investment",
  "Data Protection",
  "Public Safety",
  "Trade",
] as const;

export const PUBLISHERS = [
  "The Daily Wire Service",
  "Globe Herald",
  "Le Courrier du Nord",
  "Financial Ledger",
  "Reuters-style Newswire",
  "Telecom Review",
  "Policy Monitor",
  "Official Gazette",
  "Parliamentary Record",
  "Security Affairs Weekly",
  "Pacific Times",
  "Der Netzbote",
  "Evening Chronicle",
  "Tech Insider",
  "Public Broadcaster",
  "Court Records Office",
  "Trade Journal",
  "Asia Network Daily",
] as const;

/** Country codes with a valid ISO 3166-1 name, the most frequent first. */
export const COUNTRIES = [
  "US",
  "CN",
  "CA",
  "GB",
  "DE",
  "FR",
  "JP",
  "KR",
  "AU",
  "IN",
  "SE",
  "FI",
  "NL",
  "IT",
  "ES",
  "BR",
  "NZ",
  "PL",
  "TW",
  "SG",
  "IE",
  "BE",
  "CH",
  "AT",
  "NO",
  "DK",
  "CZ",
  "RO",
  "HU",
  "PT",
  "GR",
  "TR",
  "IL",
  "AE",
  "SA",
  "ZA",
  "NG",
  "KE",
  "EG",
  "MY",
  "ID",
  "TH",
  "VN",
  "PH",
  "MX",
  "AR",
  "CL",
  "CO",
  "PE",
  "UA",
  "EE",
  "LV",
  "LT",
  "SK",
  "SI",
  "HR",
  "BG",
  "RS",
  "PK",
  "EU",
] as const;

export const RELATION_VERBS: Readonly<Record<RelationKind, string>> = {
  pressures: "pressed",
  threatens: "threatened consequences against",
  restricts: "restricted",
  bans: "banned the equipment of",
  sanctions: "sanctioned",
  reviews: "opened a security review of",
  charges: "brought charges against",
  detains: "detained",
  retaliates: "retaliated against",
  criticizes: "publicly criticized",
  lobbies: "lobbied",
  uses_equipment_from: "runs part of its network on equipment from",
  contracts_with: "signed a contract with",
  removes_equipment_from: "began removing equipment supplied by",
  supplies: "supplied equipment to",
  shares_intelligence_with: "shares intelligence with",
  funds: "funded",
  member_of: "is a member of",
  party_to: "is a party to",
  leads: "leads",
  represents: "represents",
  part_of: "is part of",
  owns: "owns",
  regulates: "regulates",
  issues: "issued",
  related_to: "is tied to",
};

const FOLLOW_UPS = [
  "Officials declined to comment on the details.",
  "The decision followed months of consultations with allies.",
  "Critics called the move disproportionate.",
  "The parties disagreed on the cost of the measure.",
  "Documents released later confirmed the timeline.",
  "The announcement came shortly after a security review.",
] as const;

/** A made-up capitalised word of two or three syllables. */
export function inventedWord(random: Random): string {
  let word = "";
  const count = random.chance(0.6) ? 2 : 3;
  for (let index = 0; index < count; index += 1) word += random.pick(SYLLABLES);
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Country codes skewed towards the head of the list (a few countries appear in most relations). */
export function countryCode(random: Random, allowEu: boolean): string {
  // EU is last in the list: without it, draw from the others.
  const count = allowEu ? COUNTRIES.length : COUNTRIES.length - 1;
  return COUNTRIES[Math.floor(count * random.float() ** 1.8)] as string;
}

export function topic(random: Random): string {
  return random.pick(TOPICS);
}

export function personName(random: Random): string {
  return `${random.pick(GIVEN_NAMES)} ${random.pick(SURNAMES)}`;
}

export function followUp(random: Random): string {
  return random.pick(FOLLOW_UPS);
}

/** A plausible name for an entity of the kind; `country` is the English name of its country, if any. */
export function entityName(kind: EntityKind, random: Random, country: string | undefined): string {
  const place = country ?? inventedWord(random);
  const year = random.between(1995, 2024);
  switch (kind) {
    case "government":
      return random.chance(0.4) ? `Government of ${place}` : `Government of the ${inventedWord(random)} Region (${place})`;
    case "agency":
      return `${random.pick(["Ministry of", "Department of", "Office of", "Agency for", "Directorate of"])} ${topic(random)} (${place})`;
    case "person":
      return personName(random);
    case "carrier":
      return `${inventedWord(random)} ${random.pick(["Telecom", "Mobile", "Communications", "Wireless", "Telekom", "Fibre"])}`;
    case "vendor":
      return `${inventedWord(random)} ${random.pick(["Technologies", "Networks", "Systems", "Electronics", "Radio"])}`;
    case "organization":
      return random.pick([
        `University of ${inventedWord(random)}`,
        `${inventedWord(random)} Institute for ${topic(random)}`,
        `${inventedWord(random)} Industry Association`,
        `${inventedWord(random)} Foundation`,
      ]);
    case "bloc":
      return `${inventedWord(random)} ${random.pick(["Alliance", "Economic Union", "Security Pact", "Group"])}`;
    case "agreement":
      return `${inventedWord(random)}–${inventedWord(random)} Memorandum on ${topic(random)} (${year})`;
    case "policy":
      return random.pick([
        `${topic(random)} Act ${year}`,
        `Order ${year}-${random.between(1, 300)} on ${topic(random)}`,
        `${topic(random)} Toolbox`,
      ]);
    case "legal_case":
      return random.pick([
        `${inventedWord(random)} v. ${inventedWord(random)} (${year})`,
        `Extradition of ${personName(random)}`,
        `In re ${inventedWord(random)} Networks`,
      ]);
  }
}

/** An acronym of a name's capitalised words ("Ministry of Trade" -> "MT"), or undefined when too short. */
export function acronym(name: string): string | undefined {
  const letters = name
    .split(/[\s–-]+/u)
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word.charAt(0))
    .join("");
  return letters.length >= 2 ? letters : undefined;
}
