import { describe, expect, it } from "vitest";
import { exposure } from "../../../src/analysis/exposure.ts";
import { LeverageContext } from "../../../src/analysis/leverage.ts";
import { defaultGovernment, leverageView, pressedParties } from "../../../src/app/model/leverage-view.ts";
import { computeView } from "../../../src/app/model/view.ts";
import {
  KEPT_LEVERAGE_VIEWS,
  addToSelection,
  chooseChain,
  clearSelection,
  clickEntity,
  deselect,
  focusEntity,
  hoverEntity,
  layoutProgressed,
  layoutStatusChanged,
  leverageAnswered,
  leverageFailed,
  leverageRanked,
  clearFilters,
  dismissNotice,
  filterTable,
  keepDismissedNotices,
  moveCursor,
  openTable,
  select,
  setDepth,
  setEntitiesInTime,
  setFilters,
  setLabels,
  setPanelOpen,
  setPath,
  setPathMode,
  setRange,
  setTime,
  showEverything,
  showLeverageView,
  showOnlySelected,
  showTablePage,
  sortTable,
} from "../../../src/app/state/actions.ts";
import { defaultViewState, queryString, writeViewState } from "../../../src/app/state/address.ts";
import { createDeriver, derive, leverageKey, leverageWanted } from "../../../src/app/state/derive.ts";
import { initialState, isPanelOpen, type ExplorerState } from "../../../src/app/state/state.ts";
import { Store } from "../../../src/app/state/store.ts";
import type { AtlasGraph } from "../../../src/graph/types.ts";
import { ENTITY_KINDS, RELATION_FAMILIES } from "../../../src/model/ontology.ts";
import { entity, relation, world } from "../../analysis/world.ts";
import { fixtureGraph } from "../fixture.ts";

const graph = fixtureGraph();
const opened = (): Store<ExplorerState> => new Store(initialState(defaultViewState(), { notices: [], warnings: [] }));
const address = (state: ExplorerState): string => queryString(writeViewState(new URLSearchParams(), state.view));
const sorted = (items: Iterable<string>): string[] => [...items].sort();

describe("filters, time and labels, as actions", () => {
  it("changes some filters and leaves the others, then clears them or shows everything", () => {
    const store = opened();
    store.dispatch(setFilters, { countries: ["CA"], confidence: ["confirmed"] });
    store.dispatch(setFilters, { isolated: "hide" });
    store.dispatch(setTime, "2019-11");
    store.dispatch(setRange, { from: "2018-01", to: "2020-12" });
    store.dispatch(setEntitiesInTime, "all");
    store.dispatch(setPathMode, "directed");
    expect(address(store.get())).toBe(
      "?at=2019-11&countries=CA&confidence=confirmed&isolated=hide&range=2018-01,2020-12&entities=all&paths=directed",
    );
    store.dispatch(clearFilters);
    expect(address(store.get())).toBe("?at=2019-11&range=2018-01,2020-12&entities=all&paths=directed");
    store.dispatch(focusEntity, "bell");
    store.dispatch(setDepth, 1);
    store.dispatch(setFilters, { kinds: ["person"] });
    store.dispatch(showEverything);
    expect(address(store.get())).toBe("?focus=bell&paths=directed");
  });

  it("keeps the state when an action changes nothing, so nothing is redrawn", () => {
    const store = opened();
    const before = store.get();
    store.dispatch(setFilters, { families: [...RELATION_FAMILIES] });
    store.dispatch(setRange, null);
    store.dispatch(setLabels, { density: "some" });
    expect(store.get()).toBe(before);
    store.dispatch(setLabels, { density: "all", size: "large" });
    expect(store.get().labels).toEqual({ density: "all", size: "large" });
    expect(store.get().view).toBe(before.view);
  });
});

describe("the explorer's state, driven by actions", () => {
  it("derives the address and the view from the actions taken", () => {
    const store = opened();
    store.dispatch(focusEntity, "bell");
    store.dispatch(setDepth, 2);
    store.dispatch(setFilters, { families: ["pressure", "dependency"], kinds: [...ENTITY_KINDS] });
    store.dispatch(setTime, "2020-03");
    store.dispatch(setPath, { from: "bell", to: "gov-united-states" });
    const state = store.get();
    expect(address(state)).toBe("?focus=bell&depth=2&families=pressure,dependency&at=2020-03&path=bell,gov-united-states");

    const derived = derive(graph, state);
    const expected = computeView(graph, state.view);
    expect(sorted(derived.view.nodes)).toEqual(sorted(expected.nodes));
    expect(sorted(derived.view.edges)).toEqual(sorted(expected.edges));
    expect(derived.view.nodes.has("huawei")).toBe(true);
    expect(derived.view.nodes.has("five-eyes")).toBe(false);
    expect(derived.sigma).toMatchObject({ focus: "bell", path: { nodes: ["bell", "huawei", "gov-canada", "gov-united-states"] } });
    expect(derived.sigma.nodes).toBe(derived.view.nodes);
    expect(derived.shown.families.structure).toBe(0);

    // Closing the details leaves the neighbourhood too; the path and the filters stay.
    store.dispatch(focusEntity, null);
    expect(store.get().view.depth).toBeNull();
    expect(address(store.get())).toBe("?families=pressure,dependency&at=2020-03&path=bell,gov-united-states");
    expect(derive(graph, store.get()).sigma.focus).toBeNull();
    store.dispatch(setPath, null);
    store.dispatch(setTime, null);
    store.dispatch(setFilters, { families: [...RELATION_FAMILIES], kinds: [...ENTITY_KINDS] });
    expect(address(store.get())).toBe("");
    expect(derive(graph, store.get()).view.edges.size).toBe(graph.size);
  });

  it("keeps the state when an action changes nothing, so nothing is redrawn", () => {
    const store = opened();
    store.dispatch(focusEntity, "bell");
    store.dispatch(select, ["bell", "huawei"]);
    let changes = 0;
    store.subscribe(() => (changes += 1));
    const before = store.get();
    store.dispatch(focusEntity, "bell");
    store.dispatch(setTime, null);
    store.dispatch(setFilters, { families: [...RELATION_FAMILIES], kinds: [...ENTITY_KINDS] });
    store.dispatch(select, ["bell", "huawei"]);
    store.dispatch(hoverEntity, null);
    store.dispatch(setPanelOpen, { id: "legend", open: true });
    store.dispatch(layoutStatusChanged, "running");
    expect(changes).toBe(0);
    expect(store.get()).toBe(before);
  });

  it("selects with clicks and shift-clicks, adds, removes and clears, in the order chosen", () => {
    const store = opened();
    store.dispatch(clickEntity, { id: "bell", additive: false });
    expect([...store.get().selection]).toEqual(["bell"]);
    expect(store.get().view.focus).toBe("bell");
    store.dispatch(clickEntity, { id: "huawei", additive: true });
    store.dispatch(addToSelection, ["telus", "bell"]);
    expect([...store.get().selection]).toEqual(["bell", "huawei", "telus"]);
    // Shift-click on a selected entity deselects it, and leaves the focus as it was.
    store.dispatch(clickEntity, { id: "huawei", additive: true });
    expect([...store.get().selection]).toEqual(["bell", "telus"]);
    expect(store.get().view.focus).toBe("bell");
    store.dispatch(deselect, "bell");
    expect([...store.get().selection]).toEqual(["telus"]);
    expect(derive(graph, store.get()).sigma.selected).toBe(store.get().selection);
    store.dispatch(clearSelection);
    expect(store.get().selection.size).toBe(0);
    // The selection is not part of the address.
    expect(address(store.get())).toBe("?focus=bell");
  });

  it("recomputes only the hovered neighbourhood when the pointer moves, never the view", () => {
    const store = opened();
    const deriver = createDeriver(graph);
    const before = deriver(store.get());
    store.dispatch(hoverEntity, "huawei");
    const hovered = deriver(store.get());
    expect(hovered.view).toBe(before.view);
    expect(hovered.shown).toBe(before.shown);
    expect(sorted(hovered.sigma.active?.nodes ?? [])).toEqual(sorted(["huawei", ...graph.neighbors("huawei")]));
    expect(sorted(hovered.sigma.active?.edges ?? [])).toEqual(sorted(graph.edges("huawei")));
    store.dispatch(hoverEntity, null);
    expect(deriver(store.get()).sigma.active).toBeNull();
    // A change of view is a new view.
    store.dispatch(setTime, "2019-11");
    expect(deriver(store.get()).view).not.toBe(before.view);
  });

  it("opens and closes panels, each open until closed", () => {
    const store = opened();
    expect(isPanelOpen(store.get(), "legend")).toBe(true);
    store.dispatch(setPanelOpen, { id: "legend", open: false });
    expect(isPanelOpen(store.get(), "legend")).toBe(false);
    expect(isPanelOpen(store.get(), "details")).toBe(true);
    store.dispatch(setPanelOpen, { id: "legend", open: true });
    expect(isPanelOpen(store.get(), "legend")).toBe(true);
  });

  it("follows the layout: running with its progress, then settled once, restarted from zero", () => {
    const store = opened();
    expect(store.get().layout).toMatchObject({ status: "running", settledOnce: false });
    expect(derive(graph, store.get()).sigma.layingOut).toBe(false); // a small graph's relations never wait
    store.dispatch(layoutProgressed, { iterations: 120, iterationsPerSecond: 600 });
    store.dispatch(layoutStatusChanged, "settled");
    expect(store.get().layout).toEqual({ status: "settled", iterations: 120, iterationsPerSecond: 600, settledOnce: true, saved: null });
    store.dispatch(layoutStatusChanged, "running");
    expect(store.get().layout).toEqual({ status: "running", iterations: 0, iterationsPerSecond: 0, settledOnce: true, saved: null });
  });

  it("opens in place with a saved layout that places every entity, and runs ForceAtlas2 from one that does not", () => {
    const complete = initialState(defaultViewState(), { notices: [], warnings: [] }, undefined, { name: "default", complete: true });
    expect(complete.layout).toEqual({ status: "settled", iterations: 0, iterationsPerSecond: 0, settledOnce: true, saved: "default" });
    expect(derive(graph, complete).sigma.layingOut).toBe(false);
    const partial = initialState(defaultViewState(), { notices: [], warnings: [] }, undefined, { name: "overview", complete: false });
    expect(partial.layout).toMatchObject({ status: "running", settledOnce: false, saved: "overview" });
    // Running the layout again keeps the name, so "Save layout" saves under it.
    const store = new Store(complete);
    store.dispatch(layoutStatusChanged, "running");
    expect(store.get().layout).toMatchObject({ status: "running", saved: "default" });
  });
});

/** The United States presses Canada about a vendor a Canadian carrier uses (the Leverage panel's subject). */
function leverageWorld(): AtlasGraph {
  return world(
    [
      entity("gov-us", "government", "US"),
      entity("gov-canada", "government", "CA"),
      entity("vendor", "vendor", "CN"),
      entity("carrier", "carrier", "CA"),
    ],
    [
      relation("us-presses", "pressures", "gov-us", "gov-canada", "2019-11-23", "2019-11-23", "vendor"),
      relation("carrier-uses", "uses_equipment_from", "carrier", "vendor", "2008-10"),
      relation("us-shares", "shares_intelligence_with", "gov-us", "gov-canada", "1949"),
    ],
  );
}

describe("the table view, the keyboard and notices in the state", () => {
  it("opens the table view in the address, shows the open table's rows, and keeps the graph's view as it was", () => {
    const store = opened();
    const derive = createDeriver(graph);
    const before = derive(store.get());
    expect(before.table).toBeNull();
    store.dispatch(openTable, "relations");
    expect(address(store.get())).toBe("?table=relations");
    const after = derive(store.get());
    expect(after.view).toBe(before.view);
    expect(after.table?.name).toBe("relations");
    expect(after.table?.rows.length).toBe(graph.size);
    store.dispatch(openTable, null);
    expect(derive(store.get()).table).toBeNull();
  });

  it("sorts, filters, pages and scopes each table on its own, back to the first page on each new query", () => {
    const store = opened();
    store.dispatch(showTablePage, { table: "entities", page: 2 });
    expect(store.get().tables.entities.page).toBe(2);
    store.dispatch(sortTable, { table: "entities", sort: { column: "relations", direction: "descending" } });
    expect(store.get().tables.entities).toMatchObject({ page: 0, sort: { column: "relations", direction: "descending" } });
    store.dispatch(showTablePage, { table: "entities", page: 1 });
    store.dispatch(filterTable, { table: "entities", filter: "canada" });
    expect(store.get().tables.entities).toMatchObject({ page: 0, filter: "canada" });
    store.dispatch(showOnlySelected, { table: "relations", onlySelected: true });
    expect(store.get().tables.relations.onlySelected).toBe(true);
    expect(store.get().tables.entities.onlySelected).toBe(false);
    const state = store.get();
    store.dispatch(filterTable, { table: "entities", filter: "canada" });
    expect(store.get()).toBe(state);
  });

  it("follows the selection in a table of the selection's rows only", () => {
    const store = opened();
    const derive = createDeriver(graph);
    store.dispatch(openTable, "entities");
    store.dispatch(showOnlySelected, { table: "entities", onlySelected: true });
    expect(derive(store.get()).table?.rows).toEqual([]);
    store.dispatch(select, ["huawei", "bell"]);
    const table = derive(store.get()).table;
    expect(table?.rows.map((row) => table.table.ids[row])).toEqual(["bell", "huawei"]);
  });

  it("moves the keyboard's ring, and keeps the state when it stays", () => {
    const store = opened();
    store.dispatch(moveCursor, "bell");
    expect(store.get().cursor).toBe("bell");
    const state = store.get();
    store.dispatch(moveCursor, "bell");
    expect(store.get()).toBe(state);
  });

  it("keeps a closed notice closed while it is raised, and shows it again once raised anew", () => {
    const store = opened();
    const notice = 'Address: ignored unknown relation family "gossip" in the address';
    store.dispatch(dismissNotice, notice);
    expect(store.get().dismissedNotices).toEqual(new Set([notice]));
    store.dispatch(keepDismissedNotices, [notice, "Another"]);
    expect(store.get().dismissedNotices).toEqual(new Set([notice]));
    store.dispatch(keepDismissedNotices, ["Another"]);
    expect(store.get().dismissedNotices).toEqual(new Set());
  });
});

describe("the leverage analysis in the state", () => {
  const atlas = leverageWorld();
  const context = new LeverageContext(atlas);
  const ranking = exposure(atlas, {}, context);
  const answer = (government: string, at: string | null) => leverageView(atlas, context, { government, at, chain: null });

  it("shows the view answered for the wanted government and month, the previous one until then, and lights the chosen chain", () => {
    const store = opened();
    const deriver = createDeriver(atlas);
    expect(leverageWanted(atlas, store.get())).toBeNull();
    expect(deriver(store.get()).leverage).toMatchObject({ pending: "Analysing leverage…", view: null, highlight: null });

    store.dispatch(leverageRanked, { parties: pressedParties(atlas, ranking), defaultGovernment: defaultGovernment(atlas, ranking) });
    const wanted = leverageWanted(atlas, store.get());
    expect(wanted).toEqual({ key: leverageKey("gov-canada", null), government: "gov-canada", at: null });
    store.dispatch(leverageAnswered, { key: leverageKey("gov-canada", null), view: answer("gov-canada", null) });
    // Answered but not yet shown (the analysis client shows it: it is the one wanted).
    expect(deriver(store.get()).leverage.pending).toBe("Analysing leverage…");
    store.dispatch(showLeverageView, leverageKey("gov-canada", null));
    const shown = deriver(store.get()).leverage;
    expect(shown.pending).toBeNull();
    expect(shown.parties.map((party) => party.id)).toContain("gov-canada");
    const chain = shown.view?.chains[0];
    if (!chain) throw new Error("expected a chain");
    expect(chain.id).toBe("us-presses:gov-us:gov-canada");

    // Another month is wanted: the panel keeps the last view until its answer is shown.
    store.dispatch(setTime, "2019-11");
    expect(leverageWanted(atlas, store.get())?.key).toBe(leverageKey("gov-canada", "2019-11"));
    expect(deriver(store.get()).leverage.view?.at).toBeNull();
    store.dispatch(leverageAnswered, { key: leverageKey("gov-canada", "2019-11"), view: answer("gov-canada", "2019-11") });
    store.dispatch(showLeverageView, leverageKey("gov-canada", "2019-11"));
    expect(deriver(store.get()).leverage.view?.at).toBe("2019-11");

    // Choosing the chain lights it up, and keeps it visible when a filter hides its entities.
    store.dispatch(chooseChain, { government: "gov-canada", chain: chain.id });
    expect(address(store.get())).toBe(`?at=2019-11&leverage=gov-canada&chain=${chain.id}`);
    store.dispatch(setFilters, { families: [...RELATION_FAMILIES], kinds: ["vendor"] });
    const lit = deriver(store.get());
    expect(lit.leverage.highlight).toMatchObject({ id: chain.id });
    expect(lit.leverage.view?.chosen?.id).toBe(chain.id);
    expect(lit.sigma.chain).toBe(lit.leverage.highlight);
    for (const node of lit.leverage.highlight?.nodes ?? []) expect(lit.view.nodes.has(node)).toBe(true);
    expect(lit.view.nodes.has("gov-us")).toBe(true);
    // Another answer that lights the same chain leaves the view as it is (no pass over the graph).
    store.dispatch(leverageAnswered, { key: leverageKey("gov-canada", "2020-01"), view: answer("gov-canada", "2020-01") });
    expect(deriver(store.get()).view).toBe(lit.view);

    // Cleared, the chain's entities follow the filters again.
    store.dispatch(chooseChain, { government: "gov-canada", chain: null });
    const cleared = deriver(store.get());
    expect(cleared.leverage.highlight).toBeNull();
    expect(cleared.view.nodes.has("gov-us")).toBe(false);
  });

  it("keeps the last answered views, dropping the oldest, and says plainly when the analysis failed", () => {
    const store = opened();
    store.dispatch(leverageRanked, { parties: [], defaultGovernment: "gov-canada" });
    const view = answer("gov-canada", null);
    for (let month = 0; month < KEPT_LEVERAGE_VIEWS + 5; month += 1)
      store.dispatch(leverageAnswered, { key: `k${month}`, view: { ...view, at: `m${month}` } });
    const analysis = store.get().analysis.leverage;
    if (analysis.status !== "ready") throw new Error("expected ready");
    const keys = Object.keys(analysis.views);
    expect(keys).toHaveLength(KEPT_LEVERAGE_VIEWS);
    expect(keys[0]).toBe("k5");
    expect(keys.at(-1)).toBe(`k${KEPT_LEVERAGE_VIEWS + 4}`);
    store.dispatch(leverageFailed, "out of memory");
    expect(derive(atlas, store.get()).leverage).toMatchObject({ pending: "The leverage analysis failed: out of memory", highlight: null });
    expect(leverageWanted(atlas, store.get())).toBeNull();
  });
});
