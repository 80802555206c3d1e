/**
 * Moving through the graph with the keyboard, as data: the entities the arrow keys go through and
 * what is said about each (for a screen reader, and on screen as the ring's label). Around the entity
 * whose details are open (the anchor), the arrow keys go round its shown neighbours clockwise as they
 * are drawn, starting at 12 o'clock, with the anchor itself first; with no anchor, through every
 * shown entity from the most connected. Enter on a neighbour makes it the next anchor: a walk.
 */
import type { AtlasGraph } from "../../graph/types.ts";
import { entityKindLabel, formatPeriod, plural, relationKindLabel } from "./format.ts";

export interface Ring {
  /** The entity the ring goes around (shown, its details open), or null: every shown entity. */
  anchor: string | null;
  /** In the order the arrow keys go: the anchor first, then its neighbours clockwise; or by relations. */
  entities: readonly string[];
}

export type ScreenPosition = (id: string) => { x: number; y: number } | null;

/** Clockwise from 12 o'clock, on screen (y grows downwards), in [0, 2π). */
function clockAngle(from: { x: number; y: number }, to: { x: number; y: number }): number {
  const angle = Math.atan2(to.x - from.x, from.y - to.y);
  return angle < 0 ? angle + 2 * Math.PI : angle;
}

/** Every shown entity, most relations first, then by name. */
export function byRelations(graph: AtlasGraph, shown: ReadonlySet<string>): string[] {
  const degree = new Map<string, number>();
  for (const id of shown) degree.set(id, graph.degree(id));
  return [...shown].sort(
    (a, b) =>
      (degree.get(b) ?? 0) - (degree.get(a) ?? 0) ||
      graph.getNodeAttribute(a, "label").localeCompare(graph.getNodeAttribute(b, "label"), "en") ||
      a.localeCompare(b),
  );
}

/**
 * The ring the arrow keys go round: the anchor's neighbours through shown relations, or `everything`,
 * the shown entities by relations (byRelations, which the caller keeps while the view is the same);
 * `position` places entities on screen.
 */
export function keyboardRing(
  graph: AtlasGraph,
  shown: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> },
  anchor: string | null,
  position: ScreenPosition,
  everything: () => readonly string[],
): Ring {
  if (anchor === null || !shown.nodes.has(anchor)) return { anchor: null, entities: everything() };
  const centre = position(anchor);
  // Neighbours through a relation the view shows.
  const linked = new Set<string>();
  graph.forEachEdge(anchor, (edge, _attributes, source, target) => {
    const other = source === anchor ? target : source;
    if (other !== anchor && shown.edges.has(edge) && shown.nodes.has(other)) linked.add(other);
  });
  const neighbours = [...linked];
  const angle = new Map(neighbours.map((id) => [id, centre === null ? 0 : clockAngle(centre, position(id) ?? centre)]));
  neighbours.sort((a, b) => (angle.get(a) ?? 0) - (angle.get(b) ?? 0) || a.localeCompare(b));
  return { anchor, entities: [anchor, ...neighbours] };
}

/** The entity `step` places after `current` in the ring, going round; from outside the ring, its first or last. */
export function stepInRing(ring: Ring, current: string | null, step: 1 | -1): string | null {
  const { entities } = ring;
  if (entities.length === 0) return null;
  const index = current === null ? -1 : entities.indexOf(current);
  if (index === -1) return (step > 0 ? entities[0] : entities[entities.length - 1]) ?? null;
  return entities[(index + step + entities.length) % entities.length] ?? null;
}

/** Relations listed by name when the keyboard reaches a neighbour; more are counted. */
const NAMED_RELATIONS = 3;

/**
 * The shown relations between two entities in the order they started, as sentences ("Bell Canada uses
 * equipment from Nokia (Oct 2008 – ongoing)"), each said once: relations that read the same (two
 * contracts the same month) are counted.
 */
export function relationsBetween(graph: AtlasGraph, shownEdges: ReadonlySet<string>, a: string, b: string): string[] {
  const edges = [...new Set([...graph.edges(a, b), ...graph.edges(b, a)])].filter((edge) => shownEdges.has(edge));
  // In the order they started.
  edges.sort((x, y) => graph.getEdgeAttribute(x, "start").localeCompare(graph.getEdgeAttribute(y, "start")) || x.localeCompare(y));
  const label = (id: string): string => graph.getNodeAttribute(id, "label");
  const sentences = new Map<string, number>();
  for (const edge of edges) {
    const relation = graph.getEdgeAttributes(edge);
    const [source, target] = graph.extremities(edge);
    const sentence = `${label(source)} ${relationKindLabel(relation.kind)} ${label(target)} (${formatPeriod(relation.start, relation.end)})`;
    sentences.set(sentence, (sentences.get(sentence) ?? 0) + 1);
  }
  return [...sentences].map(([sentence, count]) => (count === 1 ? sentence : `${sentence}, ${count} times`));
}

/** What is said when the keyboard reaches an entity of the ring. */
export function describeCursor(graph: AtlasGraph, shownEdges: ReadonlySet<string>, ring: Ring, cursor: string): string {
  const entity = graph.getNodeAttributes(cursor);
  const named = `${entity.label}, ${entityKindLabel(entity.kind).toLowerCase()}`;
  const index = ring.entities.indexOf(cursor);
  if (ring.anchor === null) {
    return `${named}, ${index + 1} of ${ring.entities.length} by number of relations (${plural(graph.degree(cursor), "relation")}). Enter opens its details.`;
  }
  const neighbours = ring.entities.length - 1;
  if (cursor === ring.anchor) {
    return `${named}, the entity in Details: ${plural(neighbours, "neighbour")} shown.${neighbours > 0 ? " Arrow keys go round them." : ""}`;
  }
  const anchor = graph.getNodeAttribute(ring.anchor, "label");
  const relations = relationsBetween(graph, shownEdges, ring.anchor, cursor);
  const listed = relations.slice(0, NAMED_RELATIONS).join("; ");
  const more = relations.length > NAMED_RELATIONS ? `; and ${relations.length - NAMED_RELATIONS} more` : "";
  return `${named}, ${index} of ${neighbours} around ${anchor}: ${listed}${more}.`;
}
