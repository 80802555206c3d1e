/**
 * The hostile-input corpus for the loader (test/fixtures/hostile/datasets): every case with the exact
 * issues it must produce. Large or pathological inputs are generated here rather than committed.
 */
import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import type { LoadIssue } from "../../src/load/issues.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { loadDataset } from "../../src/load/read.ts";

const CORPUS = "test/fixtures/hostile/datasets";

function describeIssue(issue: LoadIssue): string {
  const place = `${path.relative(CORPUS, issue.file)}${issue.pointer ? `:${issue.pointer}` : ""}${issue.line ? ` @${issue.line}:${issue.column}` : ""}`;
  return `${place} ${issue.severity}: ${issue.message}`;
}

const EXPECTED: Record<string, string[]> = {
  "bidi-controls.json": [
    "bidi-controls.json:/entities/0/name @2:38 error: name contains a bidirectional control character (U+202E) at position 5; remove it",
    "bidi-controls.json:/entities/1/aliases/0 @3:69 error: alias contains a bidirectional control character (U+2066) at position 0; remove it",
  ],
  "bom.json": [
    "bom.json @1:1 warning: the file starts with a byte-order mark (BOM); it was ignored, but save the file as UTF-8 without BOM",
  ],
  "dangling-references.json": [
    'dangling-references.json:/relations/0/target @3:81 error: target entity "ghost-vendor" is not defined: no entity has this id',
    'dangling-references.json:/relations/0/evidence/0/source @3:153 error: cited source "missing-source" is not defined: no source has this id',
    'dangling-references.json:/sources/0/id @5:17 warning: source "src" is never cited by a relation',
  ],
  "duplicate-across-files": [
    'duplicate-across-files/b.json:/entities/0/id @2:5 error: duplicate id "huawei": already used by the entity at test/fixtures/hostile/datasets/duplicate-across-files/a.json#/entities/0',
  ],
  "empty-strings.json": [
    'empty-strings.json:/entities/0/id @2:7 error: malformed id "": ids are lowercase letters and digits joined by single hyphens, at most 100 characters (e.g. "bell-canada")',
    "empty-strings.json:/entities/1/name @3:40 error: name must not be empty",
    'empty-strings.json:/entities/2/kind @4:21 error: unknown entity kind ""; expected one of: government, agency, person, carrier, vendor, organization, bloc, agreement, policy, legal_case',
  ],
  "empty.json": ["empty.json @1:1 error: the file is empty; a dataset file holds a JSON object"],
  "impossible-dates.json": [
    'impossible-dates.json:/relations/0/start @3:102 error: impossible date "2019-13-45": no such month or day',
    'impossible-dates.json:/relations/1/start @4:91 error: malformed date "yesterday": use YYYY, YYYY-MM or YYYY-MM-DD',
    'impossible-dates.json:/relations/2/end @5:114 error: end "2021-12-31" is before start "2022-05"',
  ],
  "invalid-utf8.json": ["invalid-utf8.json error: the file is not valid UTF-8 (first bad byte at offset 58); save it as UTF-8"],
  "markup-in-names.json": [],
  "prototype-ids.json": [
    'prototype-ids.json:/entities/0/id @2:7 error: malformed id "__proto__": ids are lowercase letters and digits joined by single hyphens, at most 100 characters (e.g. "bell-canada")',
    'prototype-ids.json:/relations/1/target @8:80 error: malformed id "__proto__": ids are lowercase letters and digits joined by single hyphens, at most 100 characters (e.g. "bell-canada")',
    // The relation's target is malformed, its citation is checked in the same run (it names an entity, not a source).
    'prototype-ids.json:/relations/1/evidence/0/source @8:149 error: cited source "constructor" is an entity (at test/fixtures/hostile/datasets/prototype-ids.json#/entities/1), not a source',
    'prototype-ids.json:/__proto__ @11:3 error: unknown top-level field "__proto__"; a dataset file holds $schema, dataset, entities, relations, sources',
  ],
  "trailing-commas.json": [
    "trailing-commas.json @3:54 error: trailing comma: remove this ',' before the closing bracket or brace",
    "trailing-commas.json @3:57 error: trailing comma: remove this ',' before the closing bracket or brace",
    "trailing-commas.json @4:4 error: trailing comma: remove this ',' before the closing bracket or brace",
  ],
  "truncated.json": ["truncated.json @2:52 error: unexpected end of file: the JSON is truncated (expected '}' to close the object)"],
  "unknown-kinds.json": [
    'unknown-kinds.json:/entities/0/kind @2:23 error: unknown entity kind "supplier"; expected one of: government, agency, person, carrier, vendor, organization, bloc, agreement, policy, legal_case',
    'unknown-kinds.json:/relations/0/kind @5:45 error: unknown relation kind "buys_from"; expected one of: pressures, threatens, restricts, bans, sanctions, reviews, charges, detains, retaliates, criticizes, lobbies, uses_equipment_from, contracts_with, removes_equipment_from, supplies, shares_intelligence_with, funds, member_of, party_to, leads, represents, part_of, owns, regulates, issues, related_to',
  ],
  "unsafe-urls.json": [
    'unsafe-urls.json:/entities/1/url @1:123 error: url "data:text/html,<script>alert(1)</script>" is not an http(s) URL; only http:// and https:// links are accepted',
    'unsafe-urls.json:/sources/0/url @4:19 error: url "javascript:alert(document.cookie)" is not an http(s) URL; only http:// and https:// links are accepted',
    'unsafe-urls.json:/sources/1/url @5:19 error: url " JaVaScRiPt:alert(1)" is not an http(s) URL; only http:// and https:// links are accepted',
  ],
  "wrong-types.json": [
    'wrong-types.json:/entities @1:3 error: entities must be a list, got a string ("all of them")',
    "wrong-types.json:/relations/0 @2:17 error: each item of relations must be an object, got a number (42)",
    "wrong-types.json:/relations/1 @2:21 error: each item of relations must be an object, got null",
    "wrong-types.json:/relations/2 @2:27 error: each item of relations must be an object, got a list",
    "wrong-types.json:/sources/0/url @3:30 error: url must be a string (an http or https URL), got a number (7)",
    "wrong-types.json:/sources/0/publisher @3:40 error: publisher must be a string, got a boolean (true)",
    "wrong-types.json:/sources/0/title @3:59 error: title must be a string, got a list",
    'wrong-types.json:/sources/0/published @3:75 error: published must be a date string like "2019-11-22", got a number (2020)',
  ],
};

describe("the hostile-input corpus", () => {
  it("covers every fixture, and nothing else", async () => {
    expect((await readdir(CORPUS)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`answers ${name} with exactly its expected issues`, async () => {
      const result = await loadDataset(path.join(CORPUS, name));
      expect(result.issues.map(describeIssue)).toEqual(expected);
      expect(result.ok).toBe(!expected.some((line) => / error: /.test(line)));
    });
  }

  it("keeps markup in names as plain text, byte for byte", async () => {
    const result = await loadDataset(path.join(CORPUS, "markup-in-names.json"));
    if (!result.ok) throw new Error("expected the markup dataset to load");
    const graph = buildGraph(result.dataset);
    expect(graph.getNodeAttribute("img", "label")).toBe('<img src=x onerror="window.__pwned=1">');
    expect(graph.getNodeAttribute("img", "aliases")).toEqual(["<script>window.__pwned=2</script>"]);
    expect(graph.getAttribute("name")).toBe("<b>Bold</b> dataset");
  });

  it("accepts ids that are names of Object.prototype members without confusing them", () => {
    const result = parseDataset([
      {
        file: "proto.json",
        json: {
          entities: [
            { id: "constructor", kind: "vendor", name: "C" },
            { id: "to-string", kind: "carrier", name: "T" },
          ],
          relations: [
            {
              id: "has-own-property",
              kind: "uses_equipment_from",
              source: "to-string",
              target: "constructor",
              start: "2019",
              claim: "c",
              evidence: [{ source: "value-of" }],
              confidence: "reported",
            },
          ],
          sources: [{ id: "value-of", url: "https://example.org", publisher: "P", title: "T", published: "2020" }],
        },
      },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const graph = buildGraph(result.dataset);
    expect(graph.hasNode("constructor")).toBe(true);
    expect(graph.getAttribute("sources")["constructor"]).toBeUndefined();
    expect(graph.getAttribute("sources")["value-of"]?.publisher).toBe("P");
  });

  it("rejects a 10 MB name without echoing it", () => {
    const huge = "x".repeat(10 * 1024 * 1024);
    const result = parseDataset([{ file: "huge.json", text: JSON.stringify({ entities: [{ id: "a", kind: "vendor", name: huge }] }) }]);
    expect(result.issues.map((issue) => [issue.pointer, issue.message])).toEqual([
      ["/entities/0/name", "name is too long (10,485,760 characters; at most 300)"],
    ]);
  });

  it("quotes at most a short, escaped excerpt of a hostile value in a message", () => {
    const hostile = `evil\u0000\u001b[31m${"y".repeat(500)}`;
    const result = parseDataset([{ file: "q.json", json: { entities: [{ id: "a", kind: hostile, name: "A" }] } }]);
    const message = result.issues[0]?.message ?? "";
    expect(message.length).toBeLessThan(400);
    // eslint-disable-next-line no-control-regex -- control characters are what must not reach the message
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message).toContain("\\u001b");
  });

  it("answers deeply nested junk, valid or truncated, with one located error", () => {
    const depth = 100_000;
    const valid = parseDataset([
      {
        file: "deep.json",
        text: `{"entities": [{"id": "a", "kind": "vendor", "name": "A", "junk": ${"[".repeat(depth)}${"]".repeat(depth)}}]}`,
      },
    ]);
    expect(valid.issues.map((issue) => issue.pointer)).toEqual(["/entities/0/junk"]);
    const truncated = parseDataset([{ file: "deep.json", text: `{"entities": [${"[".repeat(depth)}` }]);
    expect(truncated.ok).toBe(false);
    expect(truncated.issues).toHaveLength(1);
    expect(truncated.issues[0]?.line).toBe(1);
  }, 60_000);

  it("reports every one of thousands of broken items", () => {
    const relations = Array.from({ length: 5_000 }, (_, index) => ({ id: `r-${index}`, kind: "pressures" }));
    const result = parseDataset([{ file: "many.json", json: { relations } }]);
    // Each broken relation misses source, target, start, claim, evidence and confidence.
    expect(result.issues).toHaveLength(5_000 * 6);
  });
});
