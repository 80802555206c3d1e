/**
 * Nodes -> entities. Hierarchies are flattened (a parent is kept as a line); nodes come from every <nodes>
 * (GEXF allows one; more are read rather than lost). An entity's description is finished at the end, once
 * the relations are known: a node's time span is kept as a line unless it is exactly the span of its
 * relations (as Leverage Atlas writes it in dynamic files), which says nothing new.
 */
import type { XmlElement } from "../../xml/tree.ts";
import { entityActiveSpans } from "../../../model/dates.ts";
import { isEntityKind, type EntityKind } from "../../../model/ontology.ts";
import { TEXT_LIMITS, countryName, type Entity } from "../../../model/schema.ts";
import { quote } from "../../../model/text.ts";
import type { MappingState, NodeInfo } from "./state.ts";
import { append, nodeWhat, own, timeAsDate, usableUrl } from "./text.ts";
import { Restored, keptLines, readValues, take, type Values } from "./values.ts";
import { NODE_XML_ATTRIBUTES, attribute, elements, firstElement, otherXmlAttributes } from "./xml.ts";

/**
 * A node and the nodes nested in it (a hierarchy, flattened: each keeps its parent as a line), in document
 * order. The edges nested in them are appended to `nestedEdges`: they are mapped after the graph's own.
 * Depth is bounded by the XML reader.
 */
export function mapNodeTree(state: MappingState, element: XmlElement, parent: string | undefined, nestedEdges: XmlElement[]): void {
  mapNode(state, element, parent ?? attribute(element, "pid"));
  for (const edges of elements(element, "edges")) for (const edge of elements(edges, "edge")) nestedEdges.push(edge);
  const id = attribute(element, "id");
  for (const nodes of elements(element, "nodes")) for (const child of elements(nodes, "node")) mapNodeTree(state, child, id, nestedEdges);
}

function mapNode(state: MappingState, element: XmlElement, parent: string | undefined): void {
  const rawId = attribute(element, "id");
  if (rawId === undefined) {
    state.error("a <node> has no id", element);
    return;
  }
  if (state.nodes.has(rawId)) {
    state.error(`duplicate node id ${quote(rawId)}: relations to it would be ambiguous`, element);
    return;
  }
  const id = state.ids.allocate(rawId, "entity");
  if (id !== rawId) state.warnings.add("nodeIdRewritten", `${rawId} -> ${id}`);
  const info: NodeInfo = { id, kindGiven: false };
  state.nodes.set(rawId, info);
  const restored = new Restored(own(state.originals.nodes, rawId));
  const values = readValues(state, element, "node");
  const what = (): string => nodeWhat(rawId);
  const lines: string[] = [];

  const name = entityName(state, element, restored, rawId, id);
  const kind = entityKind(state, values, restored, rawId, lines);
  info.kindGiven = kind !== undefined;
  const entity: Entity = { id, kind: kind ?? "organization", name };
  readEntityFields(state, entity, values, restored, lines);
  const ownDescription = restored.text("description", take(state, values, "description"));

  if (parent !== undefined) lines.push(`parent: ${parent}`);
  for (const parents of elements(element, "parents")) {
    for (const other of elements(parents, "parent")) lines.push(`parent: ${attribute(other, "for") ?? "(none)"}`);
  }
  append(lines, otherXmlAttributes(element, NODE_XML_ATTRIBUTES));
  const { span, spellLines } = nodeTimes(element);

  if (state.textTooLong(what, "the name", entity.name, TEXT_LIMITS.name, element)) return;
  if (entity.aliases?.some((alias) => state.textTooLong(what, "an alias", alias, TEXT_LIMITS.name, element))) return;

  state.pendingEntities.push({
    entity,
    rawId,
    line: element.line,
    column: element.column,
    ownDescription,
    lines,
    other: keptLines(values),
    span,
    spellLines,
  });
  info.kind = entity.kind;
  info.name = entity.name;
  state.entityIds.add(id);
}

/** The label, cleaned; else the id in the file; else (a blank id) the id the entity got. */
function entityName(state: MappingState, element: XmlElement, restored: Restored, rawId: string, id: string): string {
  const label = restored.text("label", attribute(element, "label"));
  let name = label === undefined ? "" : state.clean(label, false);
  if (name.trim() === "") {
    name = state.clean(rawId, false);
    if (name.trim() === "") name = id;
    state.warnings.add("noLabel", rawId);
  }
  return name;
}

/** The entity kind the file gives, or undefined (then organization; a foreign kind is kept as a line). */
function entityKind(state: MappingState, values: Values, restored: Restored, rawId: string, lines: string[]): EntityKind | undefined {
  const kindValue = restored.text("kind", take(state, values, "kind"));
  if (kindValue !== undefined && isEntityKind(kindValue)) return kindValue;
  state.warnings.add("entityKindMissing", rawId);
  if (kindValue !== undefined && kindValue.trim() !== "") lines.push(`kind: ${kindValue}`);
  return undefined;
}

/** Aliases, country and URL: set on the entity when the dataset takes them, else kept as lines. */
function readEntityFields(state: MappingState, entity: Entity, values: Values, restored: Restored, lines: string[]): void {
  const aliases = (restored.list("aliases", take(state, values, "aliases")) ?? [])
    .map((alias) => state.clean(alias, false))
    .filter((alias) => alias.trim() !== "");
  if (aliases.length > 0) entity.aliases = aliases;

  const country = restored.text("country", take(state, values, "country"));
  if (country !== undefined) {
    if (countryName(country.trim()) !== undefined) entity.country = country.trim();
    else lines.push(`country: ${country}`);
  }
  const url = restored.text("url", take(state, values, "url"));
  if (url !== undefined) {
    if (usableUrl(url.trim())) entity.url = url.trim();
    else lines.push(`url: ${url}`);
  }
}

/** A node's own time span (start/end or timestamp) and its spells, as lines. */
function nodeTimes(element: XmlElement): { span: { start?: string; end?: string } | undefined; spellLines: string[] } {
  const start = attribute(element, "start") ?? attribute(element, "timestamp");
  const end = attribute(element, "end");
  const spells = firstElement(element, "spells");
  const spellLines = spells
    ? elements(spells, "spell").map(
        (spell) =>
          `present: from ${attribute(spell, "start") ?? attribute(spell, "timestamp") ?? "the start"} to ${attribute(spell, "end") ?? attribute(spell, "timestamp") ?? "the end"}`,
      )
    : [];
  const span =
    start !== undefined || end !== undefined
      ? { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) }
      : undefined;
  return { span, spellLines };
}

const DESCRIPTION_FIELD = "the description (with the attributes kept in it)";

/** The entities, their descriptions finished now that the relations are known (see the module comment). */
export function finishEntities(state: MappingState): void {
  const { native } = state;
  const spans = entityActiveSpans(state.relations);
  for (const { entity, rawId, line, column, ownDescription, lines, other, span, spellLines } of state.pendingEntities) {
    if (!native && span) {
      const active = spans.get(entity.id);
      const start = span.start === undefined ? undefined : timeAsDate(span.start, state.timeFormat);
      const end = span.end === undefined ? undefined : timeAsDate(span.end, state.timeFormat);
      const derived = active !== undefined && start === active.start && (end ?? null) === active.end && spellLines.length === 0;
      if (!derived) lines.push(`present: from ${span.start ?? "the start"} to ${span.end ?? "the end"}`);
    }
    if (!native) append(lines, spellLines);
    append(lines, other);
    if (lines.length > 0) state.warnings.add("nodeKept", rawId);
    const fullDescription = [ownDescription, lines.length > 0 ? lines.join("\n") : undefined]
      .filter((part) => part !== undefined && part.trim() !== "")
      .join("\n\n");
    if (fullDescription !== "") entity.description = state.clean(fullDescription, true);
    const what = (): string => nodeWhat(rawId);
    const description = entity.description;
    if (description !== undefined && state.textTooLong(what, DESCRIPTION_FIELD, description, TEXT_LIMITS.text, { line, column })) continue;
    state.entities.push(entity);
    state.entityOrigins.push(rawId, line, column);
  }
}
