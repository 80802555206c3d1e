/**
 * The loader against its recorded answers (test/load/golden/): on valid and broken datasets generated with
 * fixed seeds, split over several files, given as text or as parsed JSON, every issue (message, pointer, line,
 * order), the counts and the dataset must be exactly what was recorded. When the answers change on purpose,
 * `UPDATE_GOLDEN=1 npx vitest run test/load` records them again, and the diff is reviewed.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, it } from "vitest";
import { parseDataset, type DatasetInput } from "../../src/load/parse.ts";
import { CURATED_RELATION_KINDS, datasetArb, toDocument } from "../support/arbitraries.ts";
import { expectGolden } from "../support/golden.ts";
import { goldenJson } from "../support/golden-json.ts";

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), "golden");
/** How many generated datasets each golden records: enough to reach every check of the loader, few enough to review. */
const VALID = 12;
const BROKEN = 80;

type Json = Record<string, unknown>;
const COLLECTIONS = ["entities", "relations", "sources"] as const;

const JUNK: readonly unknown[] = [
  42,
  null,
  true,
  [],
  {},
  "",
  "   ",
  "Bad_ID",
  "2019-13-45",
  "2019-02-30",
  "yesterday",
  "javascript:alert(1)",
  "ftp://example.org/x",
  "https://",
  "x\u0000y",
  "\u202eevil",
  "\ud800",
  "ZZ",
  "USA",
  "probable",
  "supplier",
  "a".repeat(2_100),
  [{ source: "nowhere" }],
  [42],
];
const FIELDS = [
  "id",
  "kind",
  "name",
  "aliases",
  "country",
  "description",
  "url",
  "source",
  "target",
  "about",
  "start",
  "end",
  "claim",
  "evidence",
  "confidence",
  "publisher",
  "title",
  "published",
  "accessed",
  "archive",
];

/** One edit that may break a document; `pick*` values choose the item, field and value. */
const mutationArb = fc.record({
  type: fc.constantFrom(
    "delete",
    "junk",
    "unknown-field",
    "duplicate-id",
    "dangling",
    "not-an-object",
    "not-a-list",
    "top-level",
    "meta",
    "evidence",
    "about",
    "end-before-start",
    "rewire",
    "rekind",
  ),
  collection: fc.constantFrom(...COLLECTIONS),
  item: fc.nat(),
  other: fc.nat(),
  field: fc.constantFrom(...FIELDS),
  junk: fc.constantFrom(...JUNK),
  unknownKey: fc.constantFrom("contry", "colour", "__proto__", "a/b~c", "source "),
  relationKind: fc.constantFrom(...CURATED_RELATION_KINDS),
});
type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

function setOwn(object: Json, key: string, value: unknown): void {
  // defineProperty, so "__proto__" becomes an own field as JSON.parse would make it.
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(document: Json, mutation: Mutation): void {
  const items = document[mutation.collection];
  const list = Array.isArray(items) ? (items as unknown[]) : [];
  const item = list.length > 0 ? (list[mutation.item % list.length] as Json) : undefined;
  const other = list.length > 0 ? (list[mutation.other % list.length] as Json) : undefined;
  const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
  switch (mutation.type) {
    case "delete":
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the mutation deletes a field chosen at random, on purpose
      if (isObject(item)) delete item[mutation.field];
      break;
    case "junk":
      if (isObject(item)) setOwn(item, mutation.field, mutation.junk);
      break;
    case "unknown-field":
      if (isObject(item)) setOwn(item, mutation.unknownKey, mutation.junk);
      break;
    case "duplicate-id":
      if (isObject(item) && isObject(other)) item.id = other.id;
      break;
    case "dangling":
      if (isObject(item)) setOwn(item, mutation.field, "no-such-id");
      break;
    case "not-an-object":
      if (list.length > 0) list[mutation.item % list.length] = mutation.junk;
      break;
    case "not-a-list":
      document[mutation.collection] = isObject(mutation.junk) || !Array.isArray(mutation.junk) ? mutation.junk : {};
      break;
    case "top-level":
      setOwn(document, mutation.unknownKey, mutation.junk);
      break;
    case "meta":
      document.dataset = mutation.junk;
      break;
    case "evidence":
      if (isObject(item)) item.evidence = mutation.junk === null ? [] : [mutation.junk];
      break;
    case "about":
      if (isObject(item) && isObject(other)) item.about = other.id;
      break;
    case "rewire": {
      // Both ends to arbitrary entities: often kinds the relation kind does not allow.
      const entities = Array.isArray(document.entities) ? (document.entities as unknown[]).filter(isObject) : [];
      const relations = Array.isArray(document.relations) ? (document.relations as unknown[]).filter(isObject) : [];
      const relation = relations[mutation.item % Math.max(1, relations.length)];
      if (relation && entities.length > 0) {
        relation.source = (entities[mutation.other % entities.length] as Json).id;
        relation.target = (entities[(mutation.other >> 3) % entities.length] as Json).id;
      }
      break;
    }
    case "rekind": {
      const relations = Array.isArray(document.relations) ? (document.relations as unknown[]).filter(isObject) : [];
      const relation = relations[mutation.item % Math.max(1, relations.length)];
      if (relation) relation.kind = mutation.relationKind;
      break;
    }
    case "end-before-start":
      if (isObject(item)) Object.assign(item, { start: "2020-05", end: "2020-04-30" });
      break;
  }
}

/** Splits a document's collections over one to three files, as a curator might. */
function split(document: Json, files: number): Json[] {
  if (files === 1) return [document];
  const { entities, relations, sources, ...rest } = document;
  if (files === 2)
    return [
      { ...rest, entities },
      { relations, sources },
    ];
  return [{ ...rest, entities }, { relations }, { sources }];
}

function inputs(documents: Json[], asText: boolean): DatasetInput[] {
  return documents.map((document, index) =>
    asText
      ? { file: `data/part-${index}.json`, text: JSON.stringify(document, null, 2) }
      : { file: `data/part-${index}.json`, json: document },
  );
}

/** Each input with the loader's whole answer, recorded in one golden file. */
function expectAnswers(golden: string, cases: readonly DatasetInput[][]): void {
  const answers = cases.map((inputs) => ({ inputs, answer: parseDataset(inputs) }));
  expectGolden(path.join(GOLDEN, golden), goldenJson(answers));
}

describe("the loader answers as recorded", () => {
  it("on valid datasets", () => {
    const validArb = fc
      .tuple(datasetArb(), fc.integer({ min: 1, max: 3 }), fc.boolean())
      .map(([dataset, files, asText]) => inputs(split(toDocument(dataset), files), asText));
    expectAnswers("valid.json", fc.sample(validArb, { seed: 1, numRuns: VALID }));
  });

  it("on broken datasets: every issue, its pointer, line and order", () => {
    const brokenArb = fc
      .tuple(datasetArb(), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
      .map(([dataset, mutations, files, asText]) => {
        const document = structuredClone(toDocument(dataset));
        for (const mutation of mutations) mutate(document, mutation);
        return inputs(split(document, files), asText);
      });
    expectAnswers("broken.json", fc.sample(brokenArb, { seed: 2, numRuns: BROKEN }));
  });

  it("on a list with holes given as parsed JSON", () => {
    const document = toDocument(fc.sample(datasetArb(), { numRuns: 1, seed: 7 })[0] as never);
    const entities = [...(document.entities as unknown[])];
    entities.length += 2; // two holes at the end
    expectAnswers("holes.json", [[{ file: "a.json", json: { ...document, entities } }]]);
  });
});
