import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { parseTree, type Node } from "jsonc-parser";
import { describe, expect, it } from "vitest";
import { applyRecordEdit, applyRecordEdits, type RecordCollection, type RecordEdit } from "../../src/formats/json/edit.ts";

type Json = Record<string, unknown>;
type Document = Partial<Record<RecordCollection, Json[]>> & Json;

const DATA_FILES = [
  ...readdirSync("data")
    .filter((name) => name.endsWith(".json"))
    .map((name) => path.join("data", name)),
  ...readdirSync("data/sources").map((name) => path.join("data/sources", name)),
].sort();

function edited(text: string, edit: RecordEdit): string {
  const outcome = applyRecordEdit(text, edit);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.text;
}

/** The document the edit means: what parsing the edited text must give. */
function intended(document: Document, edit: RecordEdit): Document {
  const copy = structuredClone(document);
  const list = (copy[edit.collection] ??= []);
  const index = list.findIndex((record) => record.id === edit.id);
  if (edit.op === "add") {
    const before = edit.before === undefined ? -1 : list.findIndex((record) => record.id === edit.before);
    list.splice(before < 0 ? list.length : before, 0, edit.record);
  } else if (edit.op === "replace") list[index] = edit.record;
  else list.splice(index, 1);
  return copy;
}

/** Lines of the original that the edit changed: between the longest common first and last lines of both texts. */
function changedLines(before: string, after: string): { removed: [number, number]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix += 1;
  return { removed: [prefix, a.length - suffix], added: b.slice(prefix, b.length - suffix) };
}

/** The 0-based lines a record spans in a text. */
function recordLines(text: string, collection: RecordCollection, id: string): [number, number] {
  const root = parseTree(text) as Node;
  const list = root.children?.find((property) => property.children?.[0]?.value === collection)?.children?.[1];
  const node = list?.children?.find((record) =>
    record.children?.some((field) => field.children?.[0]?.value === "id" && field.children[1]?.value === id),
  );
  if (!node) throw new Error(`no ${id}`);
  const lineOf = (offset: number): number => text.slice(0, offset).split("\n").length - 1;
  return [lineOf(node.offset), lineOf(node.offset + node.length)];
}

/**
 * What the edit may change: only the edited record's lines; a record added at the end or a last record
 * deleted also changes the comma at the end of the line before it (JSON has no other way).
 */
function expectOnlyTheRecordsLines(before: string, after: string, edit: RecordEdit, document: Document): void {
  const a = before.split("\n");
  const b = after.split("\n");
  const list = document[edit.collection] ?? [];
  if (edit.op === "add") {
    const [first, last] = recordLines(after, edit.collection, edit.id);
    const added = b.slice(first, last + 1);
    if (list.length === 0) {
      // A new or empty collection: the lines around it are the file's, bar a comma or the empty list's brackets.
      const { removed } = changedLines(before, after);
      expect(removed[1] - removed[0]).toBeLessThanOrEqual(1);
      return;
    }
    if (edit.before !== undefined) expect(b).toEqual([...a.slice(0, first), ...added, ...a.slice(first)]);
    else expect(b).toEqual([...a.slice(0, first - 1), `${a[first - 1]},`, ...added, ...a.slice(first)]);
    return;
  }
  const [first, last] = recordLines(before, edit.collection, edit.id);
  const position = list.findIndex((record) => record.id === edit.id);
  if (edit.op === "replace") {
    expect(b.slice(0, first)).toEqual(a.slice(0, first));
    expect(b.slice(b.length - (a.length - last - 1))).toEqual(a.slice(last + 1));
  } else if (position < list.length - 1) expect(b).toEqual([...a.slice(0, first), ...a.slice(last + 1)]);
  else if (position > 0) expect(b).toEqual([...a.slice(0, first - 1), a[first - 1]?.replace(/,$/, ""), ...a.slice(last + 1)]);
}

describe("applyRecordEdit on the data files' own style", () => {
  const canada = readFileSync("data/canada.json", "utf8");
  const document = JSON.parse(canada) as Required<Document>;

  it("adds an entity as one line after the last, like its neighbours", () => {
    const record = { id: "new-agency", kind: "agency", name: "A new agency", aliases: ["NA"], country: "CA" };
    const after = edited(canada, { op: "add", collection: "entities", id: "new-agency", record });
    const last = document.entities[document.entities.length - 1] as Json;
    const line = after.split("\n").find((candidate) => candidate.includes('"new-agency"'));
    expect(line).toBe('    {"id": "new-agency", "kind": "agency", "name": "A new agency", "aliases": ["NA"], "country": "CA"}');
    expect(
      after
        .split("\n")
        .find((candidate) => candidate.includes(`"id": "${String(last.id)}"`))
        ?.endsWith("},"),
    ).toBe(true);
  });

  it("adds a relation over several lines, grouping keys the way the file does", () => {
    const record = {
      id: "new-pressure",
      kind: "pressures",
      source: "gov-canada",
      target: "ised",
      about: "huawei",
      start: "2025-06-18",
      end: null,
      claim: "Canada introduced Bill C-8.",
      evidence: [{ source: "s", locator: "para 1" }],
      confidence: "confirmed",
    };
    const after = edited(canada, { op: "add", collection: "relations", id: "new-pressure", record });
    const lines = after.split("\n");
    const first = lines.findIndex((line) => line.includes('"new-pressure"')) - 1;
    expect(lines.slice(first, first + 8)).toEqual([
      "    {",
      '      "id": "new-pressure", "kind": "pressures", "source": "gov-canada", "target": "ised", "about": "huawei",',
      '      "start": "2025-06-18", "end": null,',
      '      "claim": "Canada introduced Bill C-8.",',
      '      "evidence": [{"source": "s", "locator": "para 1"}],',
      '      "confidence": "confirmed"',
      "    }",
      "  ]",
    ]);
  });

  it("replaces a relation's end date by rewriting that value only", () => {
    const relation = document.relations[2] as Json;
    const after = edited(canada, {
      op: "replace",
      collection: "relations",
      id: String(relation.id),
      record: { ...relation, end: "2024-05" },
    });
    const { removed, added } = changedLines(canada, after);
    expect(removed[1] - removed[0]).toBe(1);
    expect(added).toEqual([canada.split("\n")[removed[0]]?.replace('"end": null', '"end": "2024-05"')]);
  });

  it("keeps the bytes of values that did not change, escapes included, and puts a new key after the one before it", () => {
    const text =
      '{\n  "entities": [\n    {"id": "a", "kind": "vendor", "name": "Caf\\u00e9"},\n    {"id": "b", "kind": "vendor", "name": "B"}\n  ]\n}\n';
    const after = edited(text, {
      op: "replace",
      collection: "entities",
      id: "a",
      record: { id: "a", kind: "vendor", name: "Café", country: "FR" },
    });
    expect(after).toBe(
      '{\n  "entities": [\n    {"id": "a", "kind": "vendor", "name": "Caf\\u00e9", "country": "FR"},\n    {"id": "b", "kind": "vendor", "name": "B"}\n  ]\n}\n',
    );
  });

  it("puts a new key on a line of its own after a line that ends the record", () => {
    const text = '{"relations": [\n  {\n    "id": "r", "kind": "supplies",\n    "start": "2020", "end": null\n  }\n]}';
    const record = { id: "r", kind: "supplies", note: "n", start: "2020", end: null };
    expect(edited(text, { op: "replace", collection: "relations", id: "r", record })).toBe(
      '{"relations": [\n  {\n    "id": "r", "kind": "supplies",\n    "note": "n",\n    "start": "2020", "end": null\n  }\n]}',
    );
    expect(
      edited(text, { op: "replace", collection: "relations", id: "r", record: { id: "r", kind: "supplies", note: "n", claim: "c" } }),
    ).toBe('{"relations": [\n  {\n    "id": "r", "kind": "supplies",\n    "note": "n",\n    "claim": "c"\n  }\n]}');
  });

  it("removes a relation's key with its line, and a last key with the comma before it", () => {
    const relation = document.relations[0] as Json;
    const rest = Object.fromEntries(Object.entries(relation).filter(([key]) => key !== "confidence" && key !== "claim"));
    const after = edited(canada, { op: "replace", collection: "relations", id: String(relation.id), record: rest });
    const [first, last] = recordLines(after, "relations", String(relation.id));
    expect(after.split("\n").slice(first, last + 1)).toEqual(
      canada
        .split("\n")
        .slice(first, last + 3)
        .filter((line) => !line.includes('"claim"') && !line.includes('"confidence"'))
        .map((line) => (line.includes('"evidence"') ? line.replace(/,$/, "") : line)),
    );
  });

  it("deletes a record's lines and nothing else; before: adds without touching any line", () => {
    const entity = document.entities[3] as Json;
    const deleted = edited(canada, { op: "delete", collection: "entities", id: String(entity.id) });
    expect(deleted).toBe(
      canada
        .split("\n")
        .filter((line) => !line.includes(`{"id": "${String(entity.id)}"`))
        .join("\n"),
    );
    const record = { id: "inserted", kind: "agency", name: "Inserted" };
    const inserted = edited(canada, { op: "add", collection: "entities", id: "inserted", record, before: String(entity.id) });
    const { removed, added } = changedLines(canada, inserted);
    expect(removed[1] - removed[0]).toBe(0);
    expect(added).toEqual(['    {"id": "inserted", "kind": "agency", "name": "Inserted"},']);
  });

  it("starts a missing collection and fills an empty one in the data files' style; keeps CRLF and tabs", () => {
    const sources = '{\n  "sources": [\n    {"id": "s", "url": "https://example.org/", "publisher": "P", "title": "T"}\n  ]\n}\n';
    const relation = {
      id: "r",
      kind: "supplies",
      source: "a",
      target: "b",
      start: "2020",
      claim: "c",
      evidence: [{ source: "s" }],
      confidence: "reported",
    };
    expect(edited(sources, { op: "add", collection: "relations", id: "r", record: relation })).toBe(
      '{\n  "sources": [\n    {"id": "s", "url": "https://example.org/", "publisher": "P", "title": "T"}\n  ],\n  "relations": [\n    {\n      "id": "r", "kind": "supplies", "source": "a", "target": "b",\n      "start": "2020",\n      "claim": "c",\n      "evidence": [{"source": "s"}],\n      "confidence": "reported"\n    }\n  ]\n}\n',
    );
    expect(
      edited('{\n  "entities": []\n}', { op: "add", collection: "entities", id: "a", record: { id: "a", kind: "vendor", name: "A" } }),
    ).toBe('{\n  "entities": [\n    {"id": "a", "kind": "vendor", "name": "A"}\n  ]\n}');
    const crlf = '{\r\n\t"entities": [\r\n\t\t{"id": "a", "kind": "vendor", "name": "A"}\r\n\t]\r\n}\r\n';
    expect(edited(crlf, { op: "add", collection: "entities", id: "b", record: { id: "b", kind: "vendor", name: "B" } })).toBe(
      '{\r\n\t"entities": [\r\n\t\t{"id": "a", "kind": "vendor", "name": "A"},\r\n\t\t{"id": "b", "kind": "vendor", "name": "B"}\r\n\t]\r\n}\r\n',
    );
    expect(edited(crlf, { op: "delete", collection: "entities", id: "a" })).toBe('{\r\n\t"entities": []\r\n}\r\n');
  });

  it("says why an edit cannot be applied, and then changes nothing", () => {
    const entity = { id: "gov-canada", kind: "government", name: "Canada" };
    expect(
      applyRecordEdits(canada, [
        { op: "delete", collection: "entities", id: "cse" },
        { op: "add", collection: "entities", id: "gov-canada", record: entity },
      ]),
    ).toEqual({
      ok: false,
      problem: 'the file already has an entity with the id "gov-canada"',
    });
    expect(applyRecordEdit(canada, { op: "delete", collection: "sources", id: "nope" })).toEqual({
      ok: false,
      problem: 'the file has no source with the id "nope"',
    });
    expect(applyRecordEdit('{"entities": {}}', { op: "delete", collection: "entities", id: "a" })).toEqual({
      ok: false,
      problem: '"entities" is not a list',
    });
    expect(applyRecordEdit('{"entities": [}', { op: "delete", collection: "entities", id: "a" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^the file is not valid JSON \(\w+ at line 1, column 15\)$/) as unknown,
    });
    const twice = '{"entities": [{"id": "a"}, {"id": "a"}]}';
    expect(applyRecordEdit(twice, { op: "delete", collection: "entities", id: "a" })).toEqual({
      ok: false,
      problem: 'the file has 2 entities with the id "a"',
    });
    expect(applyRecordEdit("{}", { op: "add", collection: "entities", id: "a", record: { id: "b" } })).toEqual({
      ok: false,
      problem: 'the new entity\'s id is "b", not "a"',
    });
  });
});

/** Random edits of a file's records: replacements with changed, removed and added keys, deletions, additions. */
function editArbitrary(document: Document): fc.Arbitrary<RecordEdit> {
  const collections = (["entities", "relations", "sources"] as const).filter((name) => (document[name]?.length ?? 0) > 0);
  const anyCollection = fc.constantFrom<RecordCollection>("entities", "relations", "sources");
  const value = fc.oneof(
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.constant(null),
    fc.integer(),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  );
  const existing = fc
    .constantFrom(...collections)
    .chain((collection) =>
      fc
        .nat({ max: (document[collection]?.length ?? 1) - 1 })
        .map((index) => ({ collection, record: document[collection]?.[index] as Json })),
    );
  const replace = existing.chain(({ collection, record }) =>
    fc
      .record({
        change: fc.subarray(Object.keys(record).filter((key) => key !== "id")),
        drop: fc.subarray(Object.keys(record).filter((key) => key !== "id")),
        add: fc.dictionary(fc.constantFrom("note", "about", "extra", "aliases"), value, { maxKeys: 2 }),
        values: fc.array(value, { minLength: 20, maxLength: 20 }),
      })
      .map(({ change, drop, add, values }): RecordEdit => {
        const next = new Map(Object.entries(record));
        change.forEach((key, index) => next.set(key, values[index]));
        for (const key of drop) next.delete(key);
        return { op: "replace", collection, id: String(record.id), record: { ...Object.fromEntries(next), ...add } };
      }),
  );
  const remove = existing.map(({ collection, record }): RecordEdit => ({ op: "delete", collection, id: String(record.id) }));
  const add = fc
    .record({
      collection: anyCollection,
      like: existing,
      fields: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), value, { maxKeys: 3 }),
      before: fc.boolean(),
    })
    .map(({ collection, like, fields, before }): RecordEdit => {
      const id = "a-new-record";
      // The id first, as the data files put it, and not overwritten by a random field.
      const record: Json = Object.assign({ id }, like.collection === collection ? { ...like.record, ...fields } : fields, { id });
      const target = document[collection]?.[0];
      return {
        op: "add",
        collection,
        id,
        record,
        ...(before && target && like.collection === collection ? { before: String(target.id) } : {}),
      };
    });
  return fc.oneof(replace, remove, add);
}

/** Runs per property; EDIT_RUNS=2000 for a deeper search while working on edit.ts. */
const RUNS = Number(process.env.EDIT_RUNS ?? 40);

describe("applyRecordEdit: random edits of every data file", () => {
  for (const file of DATA_FILES) {
    it(`${file}: the edited text parses to the intended document and only the edited record's lines change`, () => {
      const text = readFileSync(file, "utf8");
      const document = JSON.parse(text) as Document;
      fc.assert(
        fc.property(editArbitrary(document), (edit) => {
          const after = edited(text, edit);
          expect(JSON.parse(after)).toEqual(intended(document, edit));
          expectOnlyTheRecordsLines(text, after, edit, document);
        }),
        { numRuns: RUNS },
      );
    }, 60_000);
  }

  it("a sequence of edits gives the document of the edits applied in turn", () => {
    const text = readFileSync("data/canada.json", "utf8");
    const document = JSON.parse(text) as Document;
    fc.assert(
      fc.property(fc.array(editArbitrary(document), { maxLength: 4 }), (edits) => {
        // Each edit must still apply (the same id is not deleted twice or added twice).
        const applicable: RecordEdit[] = [];
        let expected = document;
        for (const edit of edits) {
          const present = (expected[edit.collection] ?? []).some((record) => record.id === edit.id);
          if (present === (edit.op === "add")) continue;
          if (
            edit.op === "add" &&
            edit.before !== undefined &&
            !(expected[edit.collection] ?? []).some((record) => record.id === edit.before)
          )
            continue;
          applicable.push(edit);
          expected = intended(expected, edit);
        }
        const outcome = applyRecordEdits(text, applicable);
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expect(JSON.parse(outcome.text)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);
});
