import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { entityRows, relationRows, tablePage } from "../../src/app/model/table.ts";
import { tableCsv } from "../../src/app/model/table-csv.ts";
import { computeView } from "../../src/app/model/view.ts";
import { defaultViewState } from "../../src/app/state/address.ts";
import { defaultTableQuery } from "../../src/app/state/state.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { FIXTURE_DOCUMENT } from "./fixture.ts";

/**
 * The fixture with text a spreadsheet program would run (a formula in a name, a claim and a source title),
 * and a javascript: URL put into the graph behind the loader's back (it refuses one), for defence in depth.
 */
function hostileGraph() {
  const document = structuredClone(FIXTURE_DOCUMENT) as typeof FIXTURE_DOCUMENT & {
    entities: { id: string; name: string; url?: string }[];
    relations: { id: string; claim: string }[];
    sources: { id: string; title: string; url: string }[];
  };
  const nokia = document.entities.find((entity) => entity.id === "nokia");
  if (nokia) nokia.name = '=HYPERLINK("https://evil.example","Nokia")';
  const relation = document.relations.find((item) => item.id === "telus-contracts-nokia");
  if (relation) relation.claim = "+1 contract, @SUM(A1:A9)";
  const source = document.sources[0];
  if (source) source.title = "-2 steps back";
  const result = parseDataset([{ file: "hostile.json", json: document }]);
  if (!result.ok) throw new Error(`the hostile fixture is invalid: ${JSON.stringify(result.issues)}`);
  const graph = buildGraph(result.dataset);
  const s1 = graph.getAttribute("sources").s1;
  if (s1) s1.url = "javascript:alert(1)";
  return graph;
}

describe("the table view's CSV", () => {
  it("writes the relations shown, in the table's order, with ids, dates, confidence, claim, http(s) source links only, and a ' before formulas", () => {
    const graph = hostileGraph();
    const table = relationRows(graph);
    const view = computeView(graph, { ...defaultViewState(), families: ["dependency"] });
    const page = tablePage(table, view, new Set(), defaultTableQuery("relations"));
    const records = parse<Record<string, string>>(tableCsv(graph, table, page.rows), { columns: true });
    expect(records.map((record) => record.id)).toEqual(page.rows.map((row) => table.ids[row]));
    const contract = records.find((record) => record.id === "telus-contracts-nokia");
    expect(contract).toMatchObject({
      from_id: "telus",
      from: "Telus",
      relation: "contracts with",
      family: "Dependency",
      to_id: "nokia",
      to: `'=HYPERLINK("https://evil.example","Nokia")`,
      start: "2020-06-02",
      end: "",
      confidence: "reported",
      claim: "'+1 contract, @SUM(A1:A9)",
      source_ids: "s1",
      sources: "'-2 steps back, Example News, 2019-11-24",
      source_urls: "",
    });
  });

  it("writes the entities with their kind, country, relation count and aliases, one header row first", () => {
    const graph = hostileGraph();
    const table = entityRows(graph);
    const page = tablePage(table, computeView(graph, defaultViewState()), new Set(), defaultTableQuery("entities"));
    const text = tableCsv(graph, table, page.rows);
    expect(text.split("\r\n")[0]).toBe("id,name,kind,country_code,country,relations,aliases,description,url");
    const records = parse<Record<string, string>>(text, { columns: true });
    expect(records).toHaveLength(graph.order);
    expect(records.find((record) => record.id === "gov-canada")).toMatchObject({
      name: "Government of Canada",
      kind: "Government",
      country_code: "CA",
      country: "Canada",
      relations: "6",
      aliases: "Canada; Ottawa",
    });
  });
});
