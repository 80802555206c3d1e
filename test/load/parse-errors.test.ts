import { describe, expect, it } from "vitest";
import { parseDataset, type LoadResult } from "../../src/load/parse.ts";
import type { LoadIssue } from "../../src/load/issues.ts";
import { textOf, validDocument } from "./fixtures.ts";

function parseOne(document: unknown, file = "data/test.json"): LoadResult {
  return parseDataset([{ file, text: typeof document === "string" ? document : textOf(document) }]);
}

function only(result: LoadResult, severity: LoadIssue["severity"] = "error"): LoadIssue[] {
  return result.issues.filter((issue) => issue.severity === severity);
}

function singleError(result: LoadResult): LoadIssue {
  expect(result.ok).toBe(false);
  const errors = only(result);
  expect(errors, JSON.stringify(errors, null, 2)).toHaveLength(1);
  return errors[0] as LoadIssue;
}

describe("parseDataset reports each class of problem at its exact place", () => {
  it("accepts the valid fixture with no issue at all", () => {
    const result = parseOne(validDocument());
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("reports a JSON syntax error with its line and column", () => {
    const issue = singleError(parseOne('{\n  "entities": [\n    { "id": "a" "kind": "vendor" }\n  ]\n}'));
    expect(issue).toMatchObject({ file: "data/test.json", pointer: "", line: 3, column: 17 });
    expect(issue.message).toMatch(/expected ','/);
  });

  it("names a trailing comma as such", () => {
    const issue = singleError(parseOne('{ "entities": [],\n}'));
    expect(issue).toMatchObject({ pointer: "", line: 1, column: 17 });
    expect(issue.message).toMatch(/trailing comma/);
  });

  it("says a GEXF (or any XML) file is not JSON and where it belongs", () => {
    const issue = singleError(parseOne('\n  <?xml version="1.0"?><gexf/>'));
    expect(issue).toMatchObject({ line: 2, column: 3 });
    expect(issue.message).toMatch(/not JSON: it starts with '<'.*atlas import/);
  });

  it("reports an empty file and a truncated file", () => {
    expect(singleError(parseOne("")).message).toMatch(/empty/);
    expect(singleError(parseOne('{ "entities": [')).message).toMatch(/truncated|expected/);
  });

  it("reports an unknown field at the field's pointer and suggests the known one", () => {
    const document = validDocument();
    Object.assign(document.entities[0] as object, { contry: "US" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/entities/0/contry");
    expect(issue.message).toBe('unknown field "contry"; did you mean "country"?');
  });

  it("reports an unknown top-level field", () => {
    const issue = singleError(parseOne({ ...validDocument(), relatons: [] }));
    expect(issue.pointer).toBe("/relatons");
    expect(issue.message).toMatch(/unknown top-level field "relatons"; did you mean "relations"\?/);
  });

  it("reports a wrong type", () => {
    const document = validDocument();
    Object.assign(document.entities[1] as object, { name: 42 });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/entities/1/name");
    expect(issue.message).toBe("name must be a string, got a number (42)");
  });

  it("reports a list where a list is expected but something else is given", () => {
    const document = validDocument();
    Object.assign(document.entities[1] as object, { aliases: "Canada" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/entities/1/aliases");
    expect(issue.message).toBe('aliases must be a list, got a string ("Canada")');
  });

  it("reports a missing field at the pointer where it belongs", () => {
    const document = validDocument();
    delete (document.relations[0] as Record<string, unknown>).claim;
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/relations/0/claim");
    expect(issue.message).toBe('missing required field "claim"');
  });

  it("reports a malformed id", () => {
    const document = validDocument();
    document.sources[0] = { ...document.sources[0], id: "News_2019" };
    (document.relations[0] as { evidence: unknown }).evidence = [{ source: "News_2019" }];
    const result = parseOne(document);
    const issues = only(result);
    expect(issues.map((issue) => issue.pointer)).toEqual(["/relations/0/evidence/0/source", "/sources/0/id"]);
    expect(issues[1]?.message).toMatch(/^malformed id "News_2019": ids are lowercase/);
  });

  it("reports a duplicate id naming both places, across files", () => {
    const first = validDocument();
    const second = { entities: [{ id: "huawei", kind: "vendor", name: "Huawei again" }] };
    const result = parseDataset([
      { file: "data/a.json", text: textOf(first) },
      { file: "data/b.json", text: textOf(second) },
    ]);
    const issue = singleError(result);
    expect(issue).toMatchObject({ file: "data/b.json", pointer: "/entities/0/id" });
    expect(issue.message).toBe('duplicate id "huawei": already used by the entity at data/a.json#/entities/2');
  });

  it("treats ids as one namespace across entities, relations and sources", () => {
    const document = validDocument();
    document.sources[0] = { ...document.sources[0], id: "huawei" };
    (document.relations[0] as { evidence: unknown }).evidence = [{ source: "huawei" }];
    const errors = only(parseOne(document));
    expect(errors.map((issue) => [issue.pointer, issue.message])).toEqual([
      ["/relations/0/evidence/0/source", 'cited source "huawei" is an entity (at data/test.json#/entities/2), not a source'],
      ["/sources/0/id", 'duplicate id "huawei": already used by the entity at data/test.json#/entities/2'],
    ]);
  });

  it("reports a reference to a missing entity", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { target: "gov-canda" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/relations/0/target");
    expect(issue.message).toBe('target entity "gov-canda" is not defined: no entity has this id');
  });

  it("reports a reference to a missing source", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { evidence: [{ source: "news-2020" }] });
    const result = parseOne(document);
    const issue = singleError(result);
    expect(issue.pointer).toBe("/relations/0/evidence/0/source");
    expect(issue.message).toBe('cited source "news-2020" is not defined: no source has this id');
  });

  it("reports a missing `about` entity", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { about: "zte" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/relations/0/about");
  });

  it("reports an endpoint kind the relation kind does not allow", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { source: "huawei", about: undefined });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/relations/0/source");
    expect(issue.message).toBe(
      'a "pressures" relation cannot start at a vendor ("huawei"); allowed source kinds: government, agency, person, bloc',
    );
  });

  it("reports `about` on a relation family that does not take one", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { kind: "member_of", target: "huawei" });
    const errors = only(parseOne(document));
    expect(errors.map((issue) => issue.pointer)).toContain("/relations/0/about");
  });

  it("reports an impossible date and a malformed one", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { start: "2019-13-45", end: "yesterday" });
    const errors = only(parseOne(document));
    expect(errors.map((issue) => [issue.pointer, issue.message])).toEqual([
      ["/relations/0/start", 'impossible date "2019-13-45": no such month or day'],
      ["/relations/0/end", 'malformed date "yesterday": use YYYY, YYYY-MM or YYYY-MM-DD'],
    ]);
  });

  it("rejects 30 February but accepts 29 February in a leap year", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { start: "2019-02-29" });
    expect(singleError(parseOne(document)).message).toMatch(/impossible date "2019-02-29"/);
    Object.assign(document.relations[0] as object, { start: "2020-02-29" });
    expect(parseOne(document).ok).toBe(true);
  });

  it("reports an end before its start, comparing partial dates by the days they cover", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { start: "2019-11", end: "2019-10-31" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/relations/0/end");
    expect(issue.message).toBe('end "2019-10-31" is before start "2019-11"');
    Object.assign(document.relations[0] as object, { start: "2019-11-23", end: "2019" });
    expect(parseOne(document).ok).toBe(true);
  });

  it("reports an unknown confidence", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { confidence: "probable" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/relations/0/confidence");
    expect(issue.message).toBe('unknown confidence "probable"; expected one of: confirmed, reported, alleged');
  });

  it("reports an unknown entity kind and an unknown relation kind", () => {
    const document = validDocument();
    Object.assign(document.entities[2] as object, { kind: "supplier" });
    Object.assign(document.relations[0] as object, { kind: "pressurizes" });
    const errors = only(parseOne(document));
    expect(errors.map((issue) => issue.pointer)).toEqual(["/entities/2/kind", "/relations/0/kind"]);
    expect(errors[0]?.message).toMatch(/^unknown entity kind "supplier"; expected one of: government, agency/);
  });

  it("reports a URL that is not http(s)", () => {
    for (const url of ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/x", "example.org/page"]) {
      const document = validDocument();
      Object.assign(document.sources[0] as object, { url });
      const issue = singleError(parseOne(document));
      expect(issue.pointer).toBe("/sources/0/url");
      expect(issue.message).toMatch(/is not an http\(s\) URL/);
    }
  });

  it("reports an unknown country code", () => {
    const document = validDocument();
    Object.assign(document.entities[0] as object, { country: "USA" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/entities/0/country");
  });

  it("warns, without failing, about an entity with no relation and a source never cited", () => {
    const document = validDocument();
    document.entities.push({ id: "nokia", kind: "vendor", name: "Nokia" });
    document.sources.push({ id: "unused", url: "https://example.org/u", publisher: "P", title: "T", published: "2020" });
    const result = parseOne(document);
    expect(result.ok).toBe(true);
    expect(only(result, "warning").map((issue) => [issue.pointer, issue.message])).toEqual([
      ["/entities/3/id", 'entity "nokia" has no relation: link it or remove it'],
      ["/sources/1/id", 'source "unused" is never cited by a relation'],
    ]);
  });

  it("reports every problem at once, across files, in file order with line numbers", () => {
    const broken = validDocument();
    Object.assign(broken.entities[0] as object, { kind: "supplier", colour: "red" });
    Object.assign(broken.relations[0] as object, { confidence: "maybe", start: "2019-02-30" });
    const result = parseDataset([
      { file: "data/a.json", text: '{ "entities": [ }' },
      { file: "data/b.json", text: textOf(broken) },
    ]);
    expect(result.ok).toBe(false);
    const places = only(result).map((issue) => `${issue.file}:${issue.pointer}`);
    expect(places).toEqual([
      "data/a.json:",
      "data/b.json:/entities/0/kind",
      "data/b.json:/entities/0/colour",
      "data/b.json:/relations/0/start",
      "data/b.json:/relations/0/confidence",
    ]);
    for (const issue of only(result)) expect(issue.line).toBeGreaterThan(0);
  });

  it("points line numbers at the offending field, and at the parent object for a missing one", () => {
    const document = validDocument();
    delete (document.relations[0] as Record<string, unknown>).claim;
    Object.assign(document.relations[0] as object, { confidence: "maybe" });
    const text = textOf(document);
    const lines = text.split("\n");
    const errors = only(parseDataset([{ file: "f.json", text }]));
    const missing = errors.find((issue) => issue.pointer === "/relations/0/claim");
    const wrong = errors.find((issue) => issue.pointer === "/relations/0/confidence");
    expect(lines[(wrong?.line ?? 0) - 1]).toContain('"confidence": "maybe"');
    expect(lines[(missing?.line ?? 0) - 1]?.trim()).toBe("{");
  });

  it("does not cascade: a relation pointing at an entity that is itself broken reports only the entity", () => {
    const document = validDocument();
    Object.assign(document.entities[1] as object, { name: "" });
    const issue = singleError(parseOne(document));
    expect(issue.pointer).toBe("/entities/1/name");
    expect(issue.message).toBe("name must not be empty");
  });

  it("reports a file that is not an object, and a collection that is not a list", () => {
    expect(singleError(parseOne("[1, 2]")).message).toMatch(/must hold a JSON object/);
    const issue = singleError(parseOne({ entities: { id: "x" } }));
    expect(issue.pointer).toBe("/entities");
    expect(issue.message).toBe("entities must be a list, got an object");
  });

  it("reports a dataset period that ends before it starts", () => {
    const result = parseDataset([
      { file: "a.json", json: { dataset: { name: "A", period: { from: "2024", to: "2018" } }, ...validDocument() } },
    ]);
    const issue = singleError(result);
    expect(issue).toMatchObject({ pointer: "/dataset/period/to", message: 'period ends ("2018") before it starts ("2024")' });
  });

  it("reports dataset metadata given twice", () => {
    const result = parseDataset([
      { file: "a.json", json: { dataset: { name: "A" }, ...validDocument() } },
      { file: "b.json", json: { dataset: { name: "B" } } },
    ]);
    const issue = singleError(result);
    expect(issue).toMatchObject({ file: "b.json", pointer: "/dataset" });
    expect(issue.message).toMatch(/given twice: also at a.json#\/dataset/);
  });

  it("escapes JSON pointer segments (RFC 6901)", () => {
    const document = validDocument();
    Object.assign(document.entities[0] as object, { "a/b~c": 1 });
    expect(singleError(parseOne(document)).pointer).toBe("/entities/0/a~1b~0c");
  });

  it("accepts a byte-order mark with a warning", () => {
    const result = parseOne(`\ufeff${textOf(validDocument())}`);
    expect(result.ok).toBe(true);
    expect(only(result, "warning")[0]?.message).toMatch(/byte-order mark/);
  });

  it("uses dataset metadata when given, and a default name otherwise", () => {
    const named = parseDataset([{ file: "a.json", json: { dataset: { name: "Named" }, ...validDocument() } }]);
    expect(named.dataset?.meta).toEqual({ name: "Named" });
    const unnamed = parseDataset([{ file: "a.json", json: validDocument() }], { defaultName: "data" });
    expect(unnamed.dataset?.meta).toEqual({ name: "data" });
  });
});

describe("parseDataset reports a problem once, not its consequences", () => {
  /** The fixture split as a curator would: entities with the relation in one file, sources in another. */
  function split(): { people: string; sources: string } {
    const { entities, relations, sources } = validDocument();
    return { people: textOf({ entities, relations }), sources: textOf({ sources }) };
  }

  it("stops at a file's syntax error: ids it defines are not missing, sources it cites are not unused", () => {
    const { people, sources } = split();
    const trailingComma = people.replace('"confidence": "reported"', '"confidence": "reported",');
    const more = {
      relations: [{ ...(validDocument().relations[0] as object), id: "canada-pressed-again", start: "2020" }],
    };
    const result = parseDataset([
      { file: "data/people.json", text: trailingComma },
      { file: "data/more.json", text: textOf(more) },
      { file: "data/sources.json", text: sources },
    ]);
    expect(result.issues.map((issue) => `${issue.file}:${issue.line}:${issue.column}: ${issue.severity}: ${issue.message}`)).toEqual([
      "data/people.json:38:31: error: trailing comma: remove this ',' before the closing bracket or brace",
    ]);
  });

  it("still reports, in the same run, a reference that no file defines, readable or not", () => {
    const { people, sources } = split();
    const trailingComma = people.replace('"confidence": "reported"', '"confidence": "reported",');
    const typo = { relations: [{ ...(validDocument().relations[0] as object), id: "typo", target: "gov-canda" }] };
    const result = parseDataset([
      { file: "data/people.json", text: trailingComma },
      { file: "data/typo.json", text: textOf(typo) },
      { file: "data/sources.json", text: sources },
    ]);
    expect(only(result).map((issue) => [issue.file, issue.pointer, issue.message])).toEqual([
      ["data/people.json", "", "trailing comma: remove this ',' before the closing bracket or brace"],
      ["data/typo.json", "/relations/0/target", 'target entity "gov-canda" is not defined: no entity has this id'],
    ]);
  });

  it("checks a broken relation's references in the same run as its other problems", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, {
      confidence: "maybe",
      target: "gov-canda",
      evidence: [{ source: "news-2020" }],
    });
    const errors = only(parseOne(document));
    expect(errors.map((issue) => [issue.pointer, issue.message])).toEqual([
      ["/relations/0/target", 'target entity "gov-canda" is not defined: no entity has this id'],
      ["/relations/0/evidence/0/source", 'cited source "news-2020" is not defined: no source has this id'],
      ["/relations/0/confidence", 'unknown confidence "maybe"; expected one of: confirmed, reported, alleged'],
    ]);
  });

  it("checks a broken relation's endpoint kinds and dates, but not a field its own error is about", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { claim: "", source: "huawei", start: "2020", end: "2019", about: "Huawei_Tech" });
    const errors = only(parseOne(document));
    expect(errors.map((issue) => issue.pointer)).toEqual([
      "/relations/0/source",
      "/relations/0/about",
      "/relations/0/end",
      "/relations/0/claim",
    ]);
    expect(errors[0]?.message).toMatch(/^a "pressures" relation cannot start at a vendor/);
    expect(errors[1]?.message).toMatch(/^malformed id "Huawei_Tech"/);
  });

  it("does not report references to ids defined in a collection that is not a list, or an item that is not an object", () => {
    const { entities, relations, sources } = validDocument();
    const asMap = Object.fromEntries(entities.map((entity) => [entity.id, entity] as const));
    const result = parseDataset([
      { file: "data/entities.json", json: { entities: asMap } },
      { file: "data/rest.json", json: { relations, sources } },
    ]);
    expect(only(result).map((issue) => [issue.file, issue.pointer])).toEqual([["data/entities.json", "/entities"]]);
    expect(only(result, "warning")).toEqual([]);
  });

  it("does not warn that sources are never cited when the relations citing them are broken", () => {
    const document = validDocument();
    Object.assign(document.relations[0] as object, { confidence: "maybe" });
    const result = parseOne(document);
    expect(result.issues.map((issue) => issue.pointer)).toEqual(["/relations/0/confidence"]);
  });
});

describe("parseDataset does not guess at ids it cannot see", () => {
  it("does not report references to entities while an entity has no usable id, nor cited sources while a source is not an object", () => {
    const document = validDocument();
    delete (document.entities[1] as Record<string, unknown>).id;
    (document as { sources: unknown[] }).sources = ["news-2019"];
    const errors = only(parseOne(document));
    expect(errors.map((issue) => [issue.pointer, issue.message])).toEqual([
      ["/entities/1/id", 'missing required field "id"'],
      ["/sources/0", 'each item of sources must be an object, got a string ("news-2019")'],
    ]);
  });

  it("does not report references to entities when the entities are not a list", () => {
    const document = { ...validDocument(), entities: "gov-canada, huawei" };
    expect(only(parseOne(document)).map((issue) => issue.pointer)).toEqual(["/entities"]);
  });

  it("still reports a reference to an undefined entity while every entity and source is identified", () => {
    const document = validDocument();
    Object.assign(document.entities[0] as object, { name: "" });
    Object.assign(document.relations[0] as object, { target: "gov-canda" });
    expect(only(parseOne(document)).map((issue) => issue.pointer)).toEqual(["/entities/0/name", "/relations/0/target"]);
  });
});
