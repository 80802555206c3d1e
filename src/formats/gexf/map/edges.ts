/**
 * Edges -> relations, once every node is mapped. The kind comes from the `kind` attribute or GEXF's edge
 * kind when its endpoints allow it, else it is the neutral kind (an unspecified tie, never a guess); dates from our start_date/end_date, else
 * GEXF's spells, timestamps or start/end (an edge with several spans becomes one relation per span);
 * evidence from the cited sources (sources.ts); whatever the relation has no field for is kept as a line
 * of its claim.
 */
import type { XmlElement } from "../../xml/tree.ts";
import { endsBeforeStart, isPartialDate } from "../../../model/dates.ts";
import {
  CONFIDENCES,
  FAMILIES_WITH_ABOUT,
  NEUTRAL_RELATION_KIND,
  RELATION_KINDS,
  allowsEndpoint,
  isRelationKind,
  type Confidence,
  type RelationFamily,
  type RelationKind,
} from "../../../model/ontology.ts";
import { TEXT_LIMITS, type Evidence, type Relation } from "../../../model/schema.ts";
import { quote } from "../../../model/text.ts";
import { edgeEvidence } from "./sources.ts";
import type { MappingState, NodeInfo } from "./state.ts";
import { append, edgeWhat, own, timeAsDate } from "./text.ts";
import { Restored, keptLines, readValues, take, type Values } from "./values.ts";
import { EDGE_XML_ATTRIBUTES, attribute, elements, firstElement, otherXmlAttributes } from "./xml.ts";

/** The edge being mapped, as messages and warnings name it. */
interface EdgeAt {
  element: XmlElement;
  rawId: string | undefined;
  /** Its place among the edges (from 1), which names it when it has no id. */
  position: number;
  /** Its id, or "#position": the example warnings give. */
  example: string;
  what: () => string;
}

/** The nodes at the ends of an edge, as the file names them and as mapped. */
interface Ends {
  rawSource: string | undefined;
  rawTarget: string | undefined;
  source: NodeInfo;
  target: NodeInfo;
}

/** A time span of an edge, as written (GEXF times, or our own dates). */
interface Span {
  start?: string;
  end?: string;
}

/** One edge; every node must have been mapped. */
export function mapEdge(state: MappingState, element: XmlElement): void {
  state.edgeCount += 1;
  const position = state.edgeCount;
  const rawId = attribute(element, "id");
  const edge: EdgeAt = { element, rawId, position, example: rawId ?? `#${position}`, what: () => edgeWhat(rawId ?? position) };
  const ends = edgeEnds(state, edge);
  if (!ends) return;
  if (rawId === undefined) state.warnings.add("edgeWithoutId", `#${position}`);
  const type = attribute(element, "type") ?? state.defaultEdgeType;
  if (type !== "directed") state.warnings.add("undirected", edge.example);

  const restored = new Restored(rawId === undefined ? undefined : own(state.originals.edges, rawId));
  const values = readValues(state, element, "edge");
  const lines: string[] = [];
  const kinds = relationKind(state, edge, ends, values, restored, lines);
  if (kinds === undefined) return;
  const { kind } = kinds;
  keepEdgeAttributes(state, edge, kinds, values, lines);
  const dates = edgeDates(state, element, values, restored, lines);
  const citations = {
    sourceIds: restored.list("sources", take(state, values, "sources")) ?? [],
    urls: restored.list("source_urls", take(state, values, "source_urls")) ?? [],
    locators: restored.list("locators", take(state, values, "locators")) ?? [],
  };
  const evidence = edgeEvidence(state, citations, lines, edge);
  const confidence = relationConfidence(state, edge, values, restored, lines);
  const about = relationAbout(state, edge, RELATION_KINDS[kind].family, values, restored, lines);
  const claim = relationClaim(state, edge, ends, values, restored, lines);
  const relation = { kind, source: ends.source.id, target: ends.target.id, claim, evidence, confidence, about };
  dates.spans.forEach((span, index) => addRelation(state, edge, relation, span, dates.own, lines, index));
}

/** The mapped nodes at both ends, or undefined when one is missing (an error naming it). */
function edgeEnds(state: MappingState, edge: EdgeAt): Ends | undefined {
  const rawSource = attribute(edge.element, "source");
  const rawTarget = attribute(edge.element, "target");
  const source = rawSource === undefined ? undefined : state.nodes.get(rawSource);
  const target = rawTarget === undefined ? undefined : state.nodes.get(rawTarget);
  if (source !== undefined && target !== undefined) return { rawSource, rawTarget, source, target };
  const missing = [
    source === undefined ? `source ${rawSource === undefined ? "(none)" : quote(rawSource)}` : "",
    target === undefined ? `target ${rawTarget === undefined ? "(none)" : quote(rawTarget)}` : "",
  ].filter(Boolean);
  state.error(`${edge.what()} points to a node that does not exist: ${missing.join(" and ")}`, edge.element);
  return undefined;
}

/**
 * The relation kind. A kind of the ontology stays, unless it only clashes with an entity kind this import
 * made up; then, and when the file names no kind of the ontology, the relation gets the neutral kind (allowed
 * between any kinds) and a kind written is kept as a line of the claim. A clash between kinds the file gave is
 * an error (then undefined).
 */
function relationKind(
  state: MappingState,
  edge: EdgeAt,
  ends: Ends,
  values: Values,
  restored: Restored,
  lines: string[],
): { kind: RelationKind; written: string | undefined } | undefined {
  const kindValue = restored.text("kind", take(state, values, "kind") ?? attribute(edge.element, "kind"));
  const sourceKind = ends.source.kind ?? "organization";
  const targetKind = ends.target.kind ?? "organization";
  const allows = (candidate: RelationKind): boolean =>
    allowsEndpoint(candidate, "source", sourceKind) && allowsEndpoint(candidate, "target", targetKind);
  const named = kindValue !== undefined && isRelationKind(kindValue) ? kindValue : undefined;
  if (named !== undefined && allows(named)) return { kind: named, written: kindValue };
  if (named !== undefined && ends.source.kindGiven && ends.target.kindGiven) {
    const spec = RELATION_KINDS[named];
    const clashes = [
      allowsEndpoint(named, "source", sourceKind)
        ? ""
        : `cannot start at a ${sourceKind} (${quote(ends.rawSource ?? "")}); allowed source kinds: ${spec.source.join(", ")}`,
      allowsEndpoint(named, "target", targetKind)
        ? ""
        : `cannot end at a ${targetKind} (${quote(ends.rawTarget ?? "")}); allowed target kinds: ${spec.target.join(", ")}`,
    ].filter(Boolean);
    state.error(`${edge.what()}: a ${quote(named)} relation ${clashes.join("; and it ")}`, edge.element);
    return undefined;
  }
  const kind = NEUTRAL_RELATION_KIND;
  state.warnings.add(named !== undefined ? "relationKindClash" : "relationKindMissing", edge.example);
  if (kindValue !== undefined && kindValue.trim() !== "") lines.push(`kind: ${kindValue}`);
  return { kind, written: kindValue };
}

/**
 * Lines for what says something new: a family other than the kind's, networkx's multigraph key when it is not
 * the edge id, GEXF's edge kind when it is neither the kind nor the kind value written, the label, the weight,
 * and the XML attributes the mapping does not read.
 */
function keepEdgeAttributes(
  state: MappingState,
  edge: EdgeAt,
  { kind, written }: { kind: RelationKind; written: string | undefined },
  values: Values,
  lines: string[],
): void {
  const { element, rawId } = edge;
  const familyValue = take(state, values, "family");
  if (familyValue !== undefined && familyValue !== RELATION_KINDS[kind].family) lines.push(`family: ${familyValue}`);
  const networkxKey = take(state, values, "networkx_key");
  if (networkxKey !== undefined && networkxKey !== rawId) lines.push(`networkx_key: ${networkxKey}`);
  const xmlKind = attribute(element, "kind");
  if (xmlKind !== undefined && xmlKind !== kind && xmlKind !== written) lines.push(`GEXF kind: ${xmlKind}`);
  const label = attribute(element, "label");
  if (label !== undefined && label !== kind && label.trim() !== "") lines.push(`label: ${label}`);
  const weight = attribute(element, "weight");
  if (weight !== undefined) lines.push(`weight: ${weight}`);
  append(lines, otherXmlAttributes(element, EDGE_XML_ATTRIBUTES));
}

/**
 * The edge's spans. Ours as written (`own`), when start_date and end_date are dates (in another file, they may
 * hold anything: then they are kept as lines); otherwise GEXF's spells, timestamps, timestamp or start/end, read
 * per span by `addRelation`.
 */
function edgeDates(
  state: MappingState,
  element: XmlElement,
  values: Values,
  restored: Restored,
  lines: string[],
): { spans: Span[]; own: boolean } {
  const startValue = restored.text("start_date", take(state, values, "start_date"));
  const endValue = restored.text("end_date", take(state, values, "end_date"));
  if (startValue !== undefined && isPartialDate(startValue) && (endValue === undefined || isPartialDate(endValue)))
    return { spans: [endValue === undefined ? { start: startValue } : { start: startValue, end: endValue }], own: true };
  if (startValue !== undefined) lines.push(`start_date: ${startValue}`);
  if (endValue !== undefined) lines.push(`end_date: ${endValue}`);
  return { spans: gexfSpans(element), own: false };
}

function span(start: string | undefined, end: string | undefined): Span {
  return { ...(start === undefined ? {} : { start }), ...(end === undefined ? {} : { end }) };
}

/** GEXF's times of an edge: its spells, else its timestamps, else its timestamp, else start/end; one span without times else. */
function gexfSpans(element: XmlElement): Span[] {
  const spellsElement = firstElement(element, "spells");
  const spells = spellsElement ? elements(spellsElement, "spell") : [];
  if (spells.length > 0)
    return spells.map((spell) =>
      span(attribute(spell, "start") ?? attribute(spell, "timestamp"), attribute(spell, "end") ?? attribute(spell, "timestamp")),
    );
  const timestamps = attribute(element, "timestamps");
  if (timestamps !== undefined)
    return timestamps
      .replace(/[<>[\]]/g, "")
      .split(/[,;\s]+/)
      .filter(Boolean)
      .map((stamp) => ({ start: stamp, end: stamp }));
  const timestamp = attribute(element, "timestamp");
  if (timestamp !== undefined) return [{ start: timestamp, end: timestamp }];
  return [span(attribute(element, "start"), attribute(element, "end"))];
}

/** The confidence, when the ontology has it; else "alleged" (a foreign value is kept as a line). */
function relationConfidence(state: MappingState, edge: EdgeAt, values: Values, restored: Restored, lines: string[]): Confidence {
  const value = restored.text("confidence", take(state, values, "confidence"));
  if (value !== undefined && (CONFIDENCES as readonly string[]).includes(value)) return value as Confidence;
  state.warnings.add("noConfidence", edge.example);
  if (value !== undefined && value.trim() !== "") lines.push(`confidence: ${value}`);
  return "alleged";
}

/**
 * The entity a pressure relation is about: a node's id in the file or an entity's id. An export's relation
 * about an entity it left out drops it (as a JSON export of the same selection does); otherwise a value that
 * cannot be "about" is kept as a line.
 */
function relationAbout(
  state: MappingState,
  edge: EdgeAt,
  family: RelationFamily,
  values: Values,
  restored: Restored,
  lines: string[],
): string | undefined {
  const value = restored.text("about", take(state, values, "about"));
  if (value === undefined) return undefined;
  const mapped = state.nodes.get(value)?.id ?? (state.entityIds.has(value) ? value : undefined);
  if (mapped !== undefined && FAMILIES_WITH_ABOUT.includes(family)) return mapped;
  if (state.native && mapped === undefined) state.warnings.add("aboutLeftOut", edge.example);
  else lines.push(`about: ${value}`);
  return undefined;
}

/**
 * The claim as written, or one naming the file and the endpoints; the values left are added to `lines`, which
 * each relation appends to its claim.
 */
function relationClaim(state: MappingState, edge: EdgeAt, ends: Ends, values: Values, restored: Restored, lines: string[]): string {
  const claimValue = restored.text("claim", take(state, values, "claim"));
  append(lines, keptLines(values));
  if (lines.length > 0) state.warnings.add("edgeKept", edge.example);
  if (claimValue !== undefined && claimValue.trim() !== "") return claimValue;
  state.warnings.add("noClaim", edge.example);
  const { source, target } = ends;
  return `Imported from ${state.file.replace(/^.*[\\/]/, "")} (edge ${edge.example}): ${source.name ?? source.id} to ${target.name ?? target.id}.`;
}

/** What the relations of one edge share. */
interface RelationParts {
  kind: RelationKind;
  source: string;
  target: string;
  claim: string;
  evidence: Evidence[];
  confidence: Confidence;
  about: string | undefined;
}

/**
 * The relation of one span of an edge: GEXF times read as dates (a time that is not one, or one with a time of
 * day, is kept as a line); no start: the file's date or the import day (never after the end); an end before
 * the start is an error. The first span's relation gets the edge's id, the others the id with "-2", "-3"...
 */
function addRelation(
  state: MappingState,
  edge: EdgeAt,
  parts: RelationParts,
  span: Span,
  ownDates: boolean,
  lines: readonly string[],
  index: number,
): void {
  const { rawId, element, example } = edge;
  const spanLines = [...lines];
  let start = span.start === undefined ? undefined : ownDates ? span.start : timeAsDate(span.start, state.timeFormat);
  const end: string | null = span.end === undefined ? null : ownDates ? span.end : (timeAsDate(span.end, state.timeFormat) ?? null);
  if (!ownDates) {
    if (span.start !== undefined && start === undefined) spanLines.push(`start: ${span.start}`);
    if (span.end !== undefined && end === null) spanLines.push(`end: ${span.end}`);
    if (span.start !== undefined && start !== undefined && /T/.test(span.start)) spanLines.push(`start: ${span.start}`);
    if (span.end !== undefined && end !== null && /T/.test(span.end)) spanLines.push(`end: ${span.end}`);
  }
  if (start === undefined) {
    start = state.fileDate ?? state.importDay;
    if (end !== null && endsBeforeStart(start, end)) start = end;
    state.warnings.add("noStart", example);
  }
  if (end !== null && isPartialDate(start) && isPartialDate(end) && endsBeforeStart(start, end)) {
    state.error(`${edge.what()}: ends (${end}) before it starts (${start})`, element);
    return;
  }
  const wantedId = rawId === undefined ? `edge-${edge.position}` : index === 0 ? rawId : `${rawId}-${index + 1}`;
  const id = state.ids.allocate(wantedId, "edge");
  if (rawId !== undefined && id !== wantedId) state.warnings.add("edgeIdRewritten", `${wantedId} -> ${id}`);
  if (index > 0) state.warnings.add("spells", example);
  const claim = state.clean(spanLines.length > 0 ? `${parts.claim}\n\n${spanLines.join("\n")}` : parts.claim, true);
  if (state.textTooLong(edge.what, "the claim (with the attributes kept in it)", claim, TEXT_LIMITS.claim, element)) return;
  const { kind, source, target, evidence, confidence, about } = parts;
  const relation: Relation = { id, kind, source, target, start, end, claim, evidence, confidence };
  if (about !== undefined) relation.about = about;
  state.relations.push(relation);
  state.relationOrigins.push(rawId ?? edge.position, element.line, element.column);
}
