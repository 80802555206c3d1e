import { describe, expect, it } from "vitest";
import {
  PAGE_SIZE,
  entityRows,
  entityRowView,
  nextSort,
  relationRows,
  relationRowView,
  tablePage,
  type TableRows,
} from "../../src/app/model/table.ts";
import { computeView } from "../../src/app/model/view.ts";
import { defaultViewState } from "../../src/app/state/address.ts";
import { defaultTableQuery, type TableQuery } from "../../src/app/state/state.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { buildGraph } from "../../src/graph/build.ts";
import { fixtureGraph, FIXTURE_DOCUMENT } from "./fixture.ts";

const graph = fixtureGraph();
const everything = computeView(graph, defaultViewState());
const none: ReadonlySet<string> = new Set();

function ids(table: TableRows, rows: readonly number[]): string[] {
  return rows.map((row) => table.ids[row] as string);
}

function query(table: "entities" | "relations", patch: Partial<TableQuery> = {}): TableQuery {
  return { ...defaultTableQuery(table), ...patch };
}

describe("the table view's rows", () => {
  it("lists the entities the view shows by name, and sorts by a column either way with ties by name", () => {
    const table = entityRows(graph);
    const byName = tablePage(table, everything, none, query("entities"));
    expect(byName.inView).toBe(graph.order);
    expect(ids(table, byName.rows).slice(0, 3)).toEqual(["bell", "five-eyes", "champagne"]);
    const byRelations = tablePage(table, everything, none, query("entities", { sort: { column: "relations", direction: "descending" } }));
    expect(ids(table, byRelations.rows)[0]).toBe("gov-canada");
    expect(ids(table, byRelations.rows).at(-1)).toBe("lonely");
    const byKind = tablePage(table, everything, none, query("entities", { sort: { column: "kind", direction: "ascending" } }));
    // Agencies first (none here), then blocs; carriers by name: Bell before Telus.
    expect(ids(table, byKind.rows).slice(0, 3)).toEqual(["five-eyes", "bell", "telus"]);
  });

  it("follows the graph's filters and date: only the relations the view shows", () => {
    const table = relationRows(graph);
    const view = computeView(graph, { ...defaultViewState(), at: "2019-11", families: ["pressure"] });
    const page = tablePage(table, view, none, query("relations"));
    expect(new Set(ids(table, page.rows))).toEqual(view.edges);
    expect(page.inView).toBe(view.edges.size);
    // By start date; relations starting the same day keep the dataset's order.
    expect(ids(table, page.rows)).toEqual(["huawei-lobbies-canada", "us-pressures-canada", "us-threatens-canada", "obrien-pressures-canada"]);
  });

  it("keeps the rows holding every word of the filter, ignoring case and accents, in names, claims and sources", () => {
    const relations = relationRows(graph);
    const claim = tablePage(relations, everything, none, query("relations", { filter: "CLAIM telus-uses" }));
    expect(ids(relations, claim.rows)).toEqual(["telus-uses-huawei"]);
    const entities = entityRows(graph);
    expect(ids(entities, tablePage(entities, everything, none, query("entities", { filter: "francois" })).rows)).toEqual(["champagne"]);
    // An alias, and a country's name.
    expect(ids(entities, tablePage(entities, everything, none, query("entities", { filter: "ottawa" })).rows)).toEqual(["gov-canada"]);
    expect(ids(entities, tablePage(entities, everything, none, query("entities", { filter: "finland" })).rows)).toEqual(["nokia"]);
    // A source's title.
    expect(tablePage(relations, everything, none, query("relations", { filter: "story s2" })).rows.length).toBe(1);
  });

  it("shows only the selection's rows when asked: selected entities, relations between two selected entities", () => {
    const selection = new Set(["bell", "huawei", "telus"]);
    const entities = entityRows(graph);
    const relations = relationRows(graph);
    expect(ids(entities, tablePage(entities, everything, selection, query("entities", { onlySelected: true })).rows)).toEqual([
      "bell",
      "huawei",
      "telus",
    ]);
    expect(ids(relations, tablePage(relations, everything, selection, query("relations", { onlySelected: true })).rows)).toEqual([
      "bell-uses-huawei",
      "telus-uses-huawei",
    ]);
  });

  it("sorts ongoing relations after every end date, ties by start date", () => {
    const relations = relationRows(graph);
    const byEnd = ids(relations, tablePage(relations, everything, none, query("relations", { sort: { column: "end", direction: "ascending" } })).rows);
    expect(byEnd.slice(0, 3)).toEqual(["telus-uses-huawei", "bell-uses-huawei", "canada-member-five-eyes"]);
    expect(relationRowView(graph, byEnd.at(-1) as string).end).toBeNull();
  });

  it("pages big tables PAGE_SIZE rows at a time and clamps a page past the end", () => {
    const big = bigGraph(PAGE_SIZE * 2 + 5);
    const table = entityRows(big);
    const shown = computeView(big, defaultViewState());
    const first = tablePage(table, shown, none, query("entities"));
    expect(first).toMatchObject({ page: 0, pageCount: 3 });
    expect(first.pageRows.length).toBe(PAGE_SIZE);
    const last = tablePage(table, shown, none, query("entities", { page: 7 }));
    expect(last.page).toBe(2);
    expect(ids(table, last.pageRows)).toEqual(ids(table, first.rows.slice(PAGE_SIZE * 2)));
    // Every row is on exactly one page.
    const pages = [0, 1, 2].flatMap((page) => tablePage(table, shown, none, query("entities", { page })).pageRows);
    expect(pages).toEqual(first.rows);
  });

  it("clicks on a header sort by its column, then the other way", () => {
    const current = defaultTableQuery("entities").sort;
    expect(nextSort("entities", current, "name")).toEqual({ column: "name", direction: "descending" });
    expect(nextSort("entities", current, "relations")).toEqual({ column: "relations", direction: "descending" });
    expect(nextSort("relations", defaultTableQuery("relations").sort, "confidence")).toEqual({ column: "confidence", direction: "ascending" });
  });

  it("gives each row's cells: an entity's country and relations, a relation's ends, dates, claim and only http(s) source links", () => {
    expect(entityRowView(graph, "nokia")).toMatchObject({ label: "Nokia", kind: "vendor", country: "Finland", relations: 1 });
    const relation = relationRowView(graph, "us-threatens-canada");
    expect(relation).toMatchObject({
      from: { id: "gov-united-states", label: "Government of the United States" },
      to: { id: "gov-canada" },
      kind: "threatens",
      family: "pressure",
      start: "2019-11-23",
      end: null,
      claim: "Claim of us-threatens-canada.",
    });
    expect(relation.sources.map((source) => source.url)).toEqual(["https://example.org/s1", "https://example.org/s2"]);
  });
});

/** The fixture plus `extra` entities named "Extra 0001"... */
function bigGraph(extra: number): AtlasGraph {
  const entities = [
    ...FIXTURE_DOCUMENT.entities,
    ...Array.from({ length: extra }, (_, index) => ({ id: `extra-${index}`, kind: "organization", name: `Extra ${String(index).padStart(4, "0")}` })),
  ];
  const result = parseDataset([{ file: "big.json", json: { ...FIXTURE_DOCUMENT, entities } }]);
  if (!result.ok) throw new Error("the big fixture is invalid");
  return buildGraph(result.dataset);
}
