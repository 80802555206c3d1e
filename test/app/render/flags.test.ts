import { describe, expect, it } from "vitest";
import { applyFlagChanges, type FlagSink, type SigmaView } from "../../../src/app/render/flags.ts";
import { focusEntity, hoverEntity, moveCursor, openTable, select, setFilters, setPath, setTime } from "../../../src/app/state/actions.ts";
import { defaultViewState } from "../../../src/app/state/address.ts";
import { createDeriver } from "../../../src/app/state/derive.ts";
import { initialState, type ExplorerState } from "../../../src/app/state/state.ts";
import { Store } from "../../../src/app/state/store.ts";
import { ENTITY_KINDS } from "../../../src/model/ontology.ts";
import { fixtureGraph } from "../fixture.ts";

const graph = fixtureGraph();

/** Every flag change, as "node bell isFocus=true" lines in the order sent. */
function recorder(): { sink: FlagSink; calls: string[] } {
  const calls: string[] = [];
  const line = (what: string, id: string, flags: object): string[] =>
    Object.entries(flags).map(([name, value]) => `${what} ${id} ${name}=${String(value)}`);
  return {
    calls,
    sink: {
      node: (id, flags) => calls.push(...line("node", id, flags)),
      edge: (id, flags) => calls.push(...line("edge", id, flags)),
      waiting: (on) => calls.push(`every edge isWaiting=${String(on)}`),
    },
  };
}

/** Applies each state's flags in turn, as the explorer does; returns the changes each step sent. */
function follow(store: Store<ExplorerState>, steps: ((store: Store<ExplorerState>) => void)[]): string[][] {
  const derive = createDeriver(graph);
  let shown: SigmaView | null = null;
  const apply = (): string[] => {
    const { sink, calls } = recorder();
    const next = derive(store.get()).sigma;
    applyFlagChanges(graph, shown, next, sink);
    shown = next;
    return calls;
  };
  return [apply(), ...steps.map((step) => (step(store), apply()))];
}

const opened = (): Store<ExplorerState> => new Store(initialState(defaultViewState(), { notices: [], warnings: [] }));

/** The isDimmed lines that fade (or, with `on` false, bring back) every item but those kept. */
function fadedAllBut(keep: { nodes: string[]; edges: string[] }, on = true): string[] {
  return [
    ...graph.filterNodes((node) => !keep.nodes.includes(node)).map((node) => `node ${node} isDimmed=${String(on)}`),
    ...graph.filterEdges((edge) => !keep.edges.includes(edge)).map((edge) => `edge ${edge} isDimmed=${String(on)}`),
  ];
}

const dimmingOf = (calls: string[] | undefined): string[] => (calls ?? []).filter((call) => call.includes("isDimmed"));
const withoutDimming = (calls: string[] | undefined): string[] => (calls ?? []).filter((call) => !call.includes("isDimmed"));

describe("sigma's flags, derived from the state", () => {
  it("starts from the renderer as created: hides what the view hides and flags the focus, the path and the selection", () => {
    const store = opened();
    store.dispatch(focusEntity, "bell");
    store.dispatch(setPath, { from: "bell", to: "huawei" });
    store.dispatch(select, ["telus"]);
    store.dispatch(setFilters, { families: ["dependency"], kinds: ENTITY_KINDS.filter((kind) => kind !== "person") });
    const [first] = follow(store, []);
    const hidden = (first ?? []).filter((call) => call.endsWith("isHidden=true"));
    expect(hidden).toContain("node champagne isHidden=true");
    expect(hidden).toContain("edge us-pressures-canada isHidden=true");
    expect(hidden).not.toContain("node bell isHidden=true");
    expect(first).toContain("node bell isFocus=true");
    expect(first).toContain("node huawei isOnPath=true");
    expect(first).toContain("edge bell-uses-huawei isOnPath=true");
    expect(first).toContain("node telus isSelected=true");
    expect((first ?? []).some((call) => call.endsWith("=false"))).toBe(false);
    // Off the path everything fades, whether the view shows it or not (a filter may show it later).
    expect(dimmingOf(first)).toEqual(fadedAllBut({ nodes: ["bell", "huawei"], edges: ["bell-uses-huawei"] }));
  });

  it("lights the hovered neighbourhood and fades every other item when the pointer moves over an entity, and undoes both off it", () => {
    const [, over, off, still] = follow(opened(), [
      (store) => store.dispatch(hoverEntity, "bell"),
      (store) => store.dispatch(hoverEntity, null),
      (store) => store.dispatch(hoverEntity, null),
    ]);
    const neighbourhood = { nodes: ["bell", "huawei"], edges: ["bell-uses-huawei"] };
    expect(over).toEqual([
      "node bell isActive=true",
      "node huawei isActive=true",
      "edge bell-uses-huawei isActive=true",
      ...fadedAllBut(neighbourhood),
    ]);
    expect(off).toEqual([
      "node bell isActive=false",
      "node huawei isActive=false",
      "edge bell-uses-huawei isActive=false",
      ...fadedAllBut(neighbourhood, false),
    ]);
    expect(still).toEqual([]);
  });

  it("fades and brings back only the items whose fading changes when the pointer moves from an entity to another", () => {
    const derive = createDeriver(graph);
    const store = opened();
    store.dispatch(hoverEntity, "bell");
    const overBell = derive(store.get()).sigma;
    store.dispatch(hoverEntity, "telus");
    const overTelus = derive(store.get()).sigma;
    const { sink, calls } = recorder();
    applyFlagChanges(graph, overBell, overTelus, sink);
    const lit = (view: SigmaView): Set<string> => new Set([...(view.active?.nodes ?? []), ...(view.active?.edges ?? [])]);
    const before = lit(overBell);
    const after = lit(overTelus);
    // Only what enters or leaves the lit neighbourhood changes: every item faded under both stays as it is.
    const expected = [
      ...graph.filterNodes((node) => before.has(node) !== after.has(node)).map((node) => `node ${node} isDimmed=${String(before.has(node))}`),
      ...graph.filterEdges((edge) => before.has(edge) !== after.has(edge)).map((edge) => `edge ${edge} isDimmed=${String(before.has(edge))}`),
    ];
    expect(expected.length).toBeGreaterThan(0);
    expect(dimmingOf(calls)).toEqual(expected);
    expect(dimmingOf(calls).length).toBeLessThan(graph.order + graph.size - before.size);
  });

  it("hides and shows only the items whose visibility changed when the time moves", () => {
    const [, november, october] = follow(opened(), [
      (store) => store.dispatch(setTime, "2019-11"),
      (store) => store.dispatch(setTime, "2019-10"),
    ]);
    expect(november).not.toContain("edge us-pressures-canada isHidden=true");
    expect(november).toContain("edge telus-uses-huawei isHidden=true");
    // In October 2019 the pressure has not started; Telus's equipment was hidden already, so it is not touched again.
    expect(october).toContain("edge us-pressures-canada isHidden=true");
    expect(october).not.toContain("edge telus-uses-huawei isHidden=true");
    expect((october ?? []).every((call) => call.includes("isHidden"))).toBe(true);
  });

  it("moves the focus and the path flags from the old items to the new, and says when a path appears and goes", () => {
    const [, focused, pathed, moved, cleared] = follow(opened(), [
      (store) => store.dispatch(focusEntity, "bell"),
      (store) => store.dispatch(setPath, { from: "bell", to: "huawei" }),
      (store) => store.dispatch(focusEntity, "telus"),
      (store) => store.dispatch(setPath, null),
    ]);
    expect(focused).toEqual(["node bell isFocus=true"]);
    const onPath = { nodes: ["bell", "huawei"], edges: ["bell-uses-huawei"] };
    expect(pathed).toEqual([
      "node bell isOnPath=true",
      "node huawei isOnPath=true",
      "edge bell-uses-huawei isOnPath=true",
      ...fadedAllBut(onPath),
    ]);
    expect(moved).toEqual(["node bell isFocus=false", "node telus isFocus=true"]);
    expect(cleared).toEqual([
      "node bell isOnPath=false",
      "node huawei isOnPath=false",
      "edge bell-uses-huawei isOnPath=false",
      ...fadedAllBut(onPath, false),
    ]);
  });

  it("rings the keyboard's entity and lights its neighbourhood as a hover does, then moves both with the keyboard", () => {
    const [, ringed, moved, left] = follow(opened(), [
      (store) => store.dispatch(moveCursor, "bell"),
      (store) => store.dispatch(moveCursor, "huawei"),
      (store) => store.dispatch(moveCursor, null),
    ]);
    expect(ringed).toContain("node bell isCursor=true");
    expect(ringed).toContain("edge bell-uses-huawei isActive=true");
    expect(ringed).toContain("node telus isDimmed=true");
    expect(ringed).not.toContain("node bell isDimmed=true");
    expect(moved).toContain("node bell isCursor=false");
    expect(moved).toContain("node huawei isCursor=true");
    expect(left).toContain("node huawei isCursor=false");
    // Nothing is lit any more: whatever was faded comes back, nothing fades.
    expect(dimmingOf(left).length).toBeGreaterThan(0);
    expect(dimmingOf(left).every((call) => call.endsWith("isDimmed=false"))).toBe(true);
  });

  it("leaves the ring off an entity the view hides", () => {
    const store = opened();
    store.dispatch(setFilters, { families: ["pressure", "dependency", "structure"], kinds: ENTITY_KINDS.filter((kind) => kind !== "person") });
    store.dispatch(moveCursor, "champagne");
    expect(createDeriver(graph)(store.get()).sigma.cursor).toBeNull();
  });

  it("sends no flag when the table view opens or changes table: the graph shows the same", () => {
    const [, openedTable, switched] = follow(opened(), [
      (store) => store.dispatch(openTable, "entities"),
      (store) => store.dispatch(openTable, "relations"),
    ]);
    expect(openedTable).toEqual([]);
    expect(switched).toEqual([]);
  });

  it("makes every relation wait while a big graph's layout runs, and brings them back when it rests", () => {
    const view = createDeriver(graph)(opened().get()).sigma;
    const record = (previous: SigmaView, next: SigmaView): string[] => {
      const { sink, calls } = recorder();
      applyFlagChanges(graph, previous, next, sink);
      return calls;
    };
    const running = { ...view, layingOut: true };
    expect(record(view, running)).toEqual(["every edge isWaiting=true"]);
    expect(record(running, { ...running })).toEqual([]);
    expect(record(running, view)).toEqual(["every edge isWaiting=false"]);
  });

  it("fades nothing and flags nothing but what the view hides when nothing is lit up", () => {
    const [first] = follow(opened(), []);
    expect(dimmingOf(first)).toEqual([]);
    expect(withoutDimming(first).every((call) => call.endsWith("isHidden=true"))).toBe(true);
  });
});
