/**
 * The state flags sigma draws from (renderer.ts's declarative styles), as data: what is shown,
 * focused, on the path, selected, hovered and lit up, derived from the explorer's state
 * (state/derive.ts), and the flag changes between two such views. Pure, so the changes are tested
 * in node; the explorer applies them to the renderer. Only items whose flags change are touched,
 * and the graph is walked only when what is shown, what is lit up or the layout changed. Everything the
 * renderer draws from is an item flag, none a graph-wide one: renderer.ts says why.
 */
import type { AtlasGraph } from "../../graph/types.ts";

export interface NodeState {
  isActive: boolean;
  /** The keyboard is on this entity (a ring: render/renderer.ts). */
  isCursor: boolean;
  /** Faded: something is hovered, or a path or a leverage chain is shown, and this entity is not part of it. */
  isDimmed: boolean;
  isFocus: boolean;
  isOnPath: boolean;
  isSelected: boolean;
  isLeverage: boolean;
}
export interface EdgeState {
  isActive: boolean;
  isDimmed: boolean;
  isOnPath: boolean;
  isLeverage: boolean;
  /** A big graph being laid out: its relations wait until the layout rests (see HIDE_EDGES_ON_MOVE_FROM). */
  isWaiting: boolean;
}

/** Above this many relations, edges are not drawn while the camera moves or the layout runs. */
export const HIDE_EDGES_ON_MOVE_FROM = 10_000;

/** Whether a graph this big draws its relations only when nothing moves (camera or layout). */
export function hidesEdgesWhileMoving(graph: AtlasGraph): boolean {
  return graph.size > HIDE_EDGES_ON_MOVE_FROM;
}

export interface Highlight {
  nodes: readonly string[];
  edges: readonly string[];
}

/** The flags of a view: a flag is on for the items listed. */
export interface SigmaView {
  /** Shown entities and relations; every other one is hidden (sigma's isHidden). */
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  /** The focused entity (its details are open). */
  focus: string | null;
  /** The entity the keyboard is on, when the graph has keyboard focus. */
  cursor: string | null;
  /** The shortest path shown. */
  path: { nodes: readonly string[]; edges: ReadonlySet<string> } | null;
  selected: ReadonlySet<string>;
  /** The hovered entity, its neighbours and its relations. */
  active: Highlight | null;
  /** The leverage chain lit up. */
  chain: Highlight | null;
  /** A big graph being laid out: its relations wait until the layout rests. */
  layingOut: boolean;
}

/** Where flag changes go: the renderer's setNodeState / setEdgeState, or a test's record. */
export interface FlagSink {
  node(id: string, flags: Partial<NodeState & { isHidden: boolean }>): void;
  edge(id: string, flags: Partial<EdgeState & { isHidden: boolean }>): void;
  /** Every relation waits for the layout (isWaiting), or none does: one call, not one per relation. */
  waiting(on: boolean): void;
}

/** Which entities and relations a view fades. */
interface Fading {
  node(id: string): boolean;
  edge(id: string): boolean;
}

/**
 * What a view fades, or null when nothing is lit up: everything outside the hovered neighbourhood, and everything
 * off the path or the leverage chain shown; the hovered neighbourhood itself never fades.
 */
function fading(view: SigmaView): Fading | null {
  const { active, path, chain } = view;
  if (active === null && path === null && chain === null) return null;
  const activeNodes = new Set(active?.nodes);
  const activeEdges = new Set(active?.edges);
  const pathNodes = new Set(path?.nodes);
  const chainNodes = new Set(chain?.nodes);
  const chainEdges = new Set(chain?.edges);
  const faded = (inActive: boolean, onPath: boolean, onChain: boolean): boolean =>
    !inActive && (active !== null || (path !== null && !onPath) || (chain !== null && !onChain));
  return {
    node: (id) => faded(activeNodes.has(id), pathNodes.has(id), chainNodes.has(id)),
    edge: (id) => faded(activeEdges.has(id), path?.edges.has(id) ?? false, chainEdges.has(id)),
  };
}

function setAll(
  sink: FlagSink,
  items: Highlight | null,
  node: "isActive" | "isOnPath" | "isLeverage",
  edge: "isActive" | "isOnPath" | "isLeverage",
  on: boolean,
): void {
  if (items === null) return;
  for (const id of items.nodes) sink.node(id, { [node]: on });
  for (const id of items.edges) sink.edge(id, { [edge]: on });
}

/** The same path, whether or not the view was recomputed (a focus change recomputes it). */
function samePath(a: SigmaView["path"] | undefined, b: SigmaView["path"]): boolean {
  if (a === b) return true;
  if (!a || !b || a.nodes.length !== b.nodes.length || a.edges.size !== b.edges.size) return false;
  return a.nodes.every((node, index) => node === b.nodes[index]) && [...a.edges].every((edge) => b.edges.has(edge));
}

function pathItems(path: SigmaView["path"]): Highlight | null {
  return path === null ? null : { nodes: path.nodes, edges: [...path.edges] };
}

/**
 * Sends the flag changes from `previous` to `next` to the sink; `previous` null means the renderer
 * as createRenderer made it: everything shown, no item flag on.
 */
export function applyFlagChanges(graph: AtlasGraph, previous: SigmaView | null, next: SigmaView, sink: FlagSink): void {
  if (previous === null || previous.nodes !== next.nodes) {
    graph.forEachNode((node) => {
      const hidden = !next.nodes.has(node);
      const wasHidden = previous !== null && !previous.nodes.has(node);
      if (hidden !== wasHidden) sink.node(node, { isHidden: hidden });
    });
  }
  if (previous === null || previous.edges !== next.edges) {
    graph.forEachEdge((edge) => {
      const hidden = !next.edges.has(edge);
      const wasHidden = previous !== null && !previous.edges.has(edge);
      if (hidden !== wasHidden) sink.edge(edge, { isHidden: hidden });
    });
  }
  if (!samePath(previous?.path, next.path)) {
    setAll(sink, pathItems(previous?.path ?? null), "isOnPath", "isOnPath", false);
    setAll(sink, pathItems(next.path), "isOnPath", "isOnPath", true);
  }
  if (previous?.focus !== next.focus) {
    if (previous !== null && previous.focus !== null) sink.node(previous.focus, { isFocus: false });
    if (next.focus !== null) sink.node(next.focus, { isFocus: true });
  }
  if (previous?.cursor !== next.cursor) {
    if (previous !== null && previous.cursor !== null) sink.node(previous.cursor, { isCursor: false });
    if (next.cursor !== null) sink.node(next.cursor, { isCursor: true });
  }
  if (previous?.selected !== next.selected) {
    for (const id of previous?.selected ?? []) if (!next.selected.has(id)) sink.node(id, { isSelected: false });
    for (const id of next.selected) if (!previous?.selected.has(id)) sink.node(id, { isSelected: true });
  }
  if (previous?.active !== next.active) {
    setAll(sink, previous?.active ?? null, "isActive", "isActive", false);
    setAll(sink, next.active, "isActive", "isActive", true);
  }
  if (previous?.chain !== next.chain) {
    setAll(sink, previous?.chain ?? null, "isLeverage", "isLeverage", false);
    setAll(sink, next.chain, "isLeverage", "isLeverage", true);
  }
  if (previous === null || previous.active !== next.active || !samePath(previous.path, next.path) || previous.chain !== next.chain) {
    const before = previous === null ? null : fading(previous);
    const after = fading(next);
    if (before !== null || after !== null) {
      graph.forEachNode((node) => {
        const dimmed = after?.node(node) ?? false;
        if (dimmed !== (before?.node(node) ?? false)) sink.node(node, { isDimmed: dimmed });
      });
      graph.forEachEdge((edge) => {
        const dimmed = after?.edge(edge) ?? false;
        if (dimmed !== (before?.edge(edge) ?? false)) sink.edge(edge, { isDimmed: dimmed });
      });
    }
  }
  if ((previous?.layingOut ?? false) !== next.layingOut) sink.waiting(next.layingOut);
}
