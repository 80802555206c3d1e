/**
 * A picture of the graph framed as a slide: its size and regions (a title band, the graph, a legend
 * band) and its words (the dataset's name; what is shown and when; what it holds and where it comes
 * from). files/slide.ts draws it.
 */
import { ENTITY_KINDS, RELATION_FAMILIES, type EntityKind, type RelationFamily } from "../../model/ontology.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { formatMonth, plural } from "./format.ts";
import type { ViewState } from "../state/state.ts";

/** The slide as designed, in CSS pixels: 16:9 at 1280 wide. A picture is this times its scale. */
export const SLIDE = { width: 1280, height: 720, margin: 28, titleBand: 92, legendBand: 74 } as const;

export interface SlideLayout {
  /** The picture's size in pixels, and how many pixels a design pixel is. */
  width: number;
  height: number;
  scale: number;
  /** Where the graph is drawn, in the picture's pixels. */
  graph: { x: number; y: number; width: number; height: number };
}

/** The picture's layout for a width (twice the designed slide by default). */
export function slideLayout(width = SLIDE.width * 2): SlideLayout {
  const scale = width / SLIDE.width;
  const height = Math.round(SLIDE.height * scale);
  const graph = {
    x: Math.round(SLIDE.margin * scale),
    y: Math.round(SLIDE.titleBand * scale),
    width: Math.round((SLIDE.width - 2 * SLIDE.margin) * scale),
    height: Math.round((SLIDE.height - SLIDE.titleBand - SLIDE.legendBand) * scale),
  };
  return { width: Math.round(width), height, scale, graph };
}

export interface SlideText {
  title: string;
  /** What is shown: the date, the neighbourhood, the filters. */
  subtitle: string;
  /** What the picture holds and where it comes from, with the day it was made. */
  footer: string;
}

/** The slide's words for a view: "As of November 2019 · around Huawei Technologies (2 steps) · pressure relations only". */
export function slideText(
  graph: AtlasGraph,
  view: ViewState,
  counts: { entities: number; relations: number; selection: boolean },
  today: string,
): SlideText {
  const when =
    view.at !== null
      ? `As of ${formatMonth(view.at)}`
      : view.range !== null
        ? `Active between ${formatMonth(view.range.from)} and ${formatMonth(view.range.to)}`
        : "All dates";
  const parts = [when];
  if (view.focus !== null && view.depth !== null && graph.hasNode(view.focus))
    parts.push(`around ${graph.getNodeAttribute(view.focus, "label")} (${plural(view.depth, "step")})`);
  if (view.path !== null && graph.hasNode(view.path.from) && graph.hasNode(view.path.to))
    parts.push(`path from ${graph.getNodeAttribute(view.path.from, "label")} to ${graph.getNodeAttribute(view.path.to, "label")}`);
  if (view.families.length > 0 && view.families.length < RELATION_FAMILIES.length) parts.push(`${view.families.join(" and ")} relations only`);
  if (counts.selection) parts.push("a selection");
  const holds = `${plural(counts.entities, "entity", "entities")}, ${plural(counts.relations, "relation")}`;
  return {
    title: graph.getAttribute("name"),
    subtitle: parts.join(" · "),
    footer: `${holds} · every relation dated and sourced in the dataset · Leverage Atlas, ${today}`,
  };
}

/** The kinds and families a picture's legend lists: those it shows. */
export function slideLegend(
  graph: AtlasGraph,
  scope: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> },
): { kinds: EntityKind[]; families: RelationFamily[] } {
  const kinds = new Set<EntityKind>();
  const families = new Set<RelationFamily>();
  for (const node of scope.nodes) if (graph.hasNode(node)) kinds.add(graph.getNodeAttribute(node, "kind"));
  for (const edge of scope.edges) if (graph.hasEdge(edge)) families.add(graph.getEdgeAttribute(edge, "family"));
  return { kinds: ENTITY_KINDS.filter((kind) => kinds.has(kind)), families: RELATION_FAMILIES.filter((family) => families.has(family)) };
}
