/**
 * The optimised loader against the loader as it was before the speed work (parse-reference.ts):
 * on valid and broken datasets, split over several files, given as text or as parsed JSON, both
 * must report exactly the same issues (messages, pointers, lines, order) and the same dataset.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDataset, type DatasetInput } from "../../src/load/parse.ts";
import { RELATION_KIND_NAMES } from "../../src/model/ontology.ts";
import { datasetArb, toDocument } from "../support/arbitraries.ts";
import { referenceParseDataset } from "./parse-reference.ts";

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
  relationKind: fc.constantFrom(...RELATION_KIND_NAMES),
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

describe("the optimised loader reports exactly what the reference loader reports", () => {
  it("on valid datasets", () => {
    fc.assert(
      fc.property(datasetArb(), fc.integer({ min: 1, max: 3 }), fc.boolean(), (dataset, files, asText) => {
        const given = inputs(split(toDocument(dataset), files), asText);
        const result = parseDataset(given);
        expect(result).toStrictEqual(referenceParseDataset(given));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it("on broken datasets: every issue, its pointer, line and order", () => {
    fc.assert(
      fc.property(
        datasetArb(),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (dataset, mutations, files, asText) => {
          const document = structuredClone(toDocument(dataset));
          for (const mutation of mutations) mutate(document, mutation);
          // Each side gets its own copy: neither may see the other's objects.
          const ours = inputs(split(structuredClone(document), files), asText);
          const theirs = inputs(split(structuredClone(document), files), asText);
          expect(parseDataset(ours)).toStrictEqual(referenceParseDataset(theirs));
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it("on a list with holes given as parsed JSON", () => {
    const document = toDocument(fc.sample(datasetArb(), { numRuns: 1, seed: 7 })[0] as never);
    const entities = [...(document.entities as unknown[])];
    entities.length += 2; // two holes at the end
    const given: DatasetInput[] = [{ file: "a.json", json: { ...document, entities } }];
    expect(parseDataset(given)).toStrictEqual(referenceParseDataset(given));
  });
});
