/** A Kumu connections, Gephi edges or edge-list table: each row a relation (one per Gephi interval), its ends found or implied. */
import { usableUrl } from "../../../gexf/map/text.ts";
import { endsBeforeStart, isPartialDate } from "../../../../model/dates.ts";
import { CONFIDENCES, NEUTRAL_RELATION_KIND, allowsEndpoint, type Confidence, type RelationKind } from "../../../../model/ontology.ts";
import type { Evidence, Relation } from "../../../../model/schema.ts";
import { quote, slugify } from "../../../../model/text.ts";
import type { ItemOrigin, SheetMapping } from "../../mapping.ts";
import type { SheetTable } from "../../table.ts";
import { assignColumns, cell, EDGE_HEADERS, keptLines, normalHeader, sayMapping, type EdgeRole, type ForeignLayout } from "./columns.ts";
import type { Entities, Known } from "./nodes.ts";

const EDGE_FIELDS: Record<EdgeRole, string> = {
  source: "source",
  target: "target",
  sourceKind: "the source's kind",
  targetKind: "the target's kind",
  kind: "kind",
  id: "id",
  direction: "direction (read as written)",
  claim: "claim",
  start: "start",
  end: "end",
  interval: "start and end (one relation per interval)",
  timeset: "start and end (one relation per time)",
  evidence: "evidence (links become sources)",
  confidence: "confidence",
};

/** A time span read from the file, as written. */
interface Span {
  start?: string;
  end?: string;
}

/** A date as the dataset writes it: YYYY, YYYY-MM or YYYY-MM-DD (a time of day dropped, Gephi's 2019.0 a year); undefined otherwise. */
function asDate(value: string): string | undefined {
  const text = value.trim();
  const day = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(text);
  if (day && isPartialDate(day[1] as string)) return day[1];
  if (isPartialDate(text)) return text;
  const year = /^(\d{4})(?:\.0+)?$/.exec(text);
  return year ? year[1] : undefined;
}

/** Gephi's intervals "<[2019.0, 2020.0]; [2021, inf]>" or times "<[2019, 2021]>": the bounds, as written. */
function gephiTimes(value: string): string[][] {
  const inner = value.trim().replace(/^<|>$/g, "");
  const groups = inner.match(/\[[^\]]*\]/g) ?? [];
  return groups.map((group) =>
    group
      .slice(1, -1)
      .split(",")
      .map((part) => part.trim()),
  );
}

function spansOf(interval: string, timeset: string): Span[] {
  if (interval.trim() !== "")
    return gephiTimes(interval).map(([start, end]) => ({
      ...(start === undefined || start === "" || /^-?inf/i.test(start) ? {} : { start }),
      ...(end === undefined || end === "" || /^\+?inf/i.test(end) ? {} : { end }),
    }));
  if (timeset.trim() !== "")
    return gephiTimes(timeset).flatMap((times) => times.filter((time) => time !== "").map((time) => ({ start: time, end: time })));
  return [];
}

/** Reads an edges or connections table into the mapping; ends no table lists become entities, added to `entities`. */
export function mapEdges(state: SheetMapping, table: SheetTable, layout: ForeignLayout, entities: Entities): void {
  const columns = assignColumns(state, table, EDGE_HEADERS[layout]);
  const { roles, kept } = columns;
  sayMapping(
    state,
    table,
    layout === "kumu" ? "Kumu connections" : layout === "gephi" ? "Gephi edges" : "an edge list",
    columns,
    EDGE_FIELDS,
    "claim",
  );
  const header = (role: EdgeRole): string | undefined => (roles[role] === undefined ? undefined : table.header[roles[role]]);
  for (const role of ["source", "target"] as const)
    if (roles[role] === undefined) {
      state.error(
        { table, row: table.headerRow },
        `the table has no ${quote(EDGE_HEADERS[layout][role][0] ?? role)} column, which names each relation's ${role}`,
      );
      return;
    }
  const file = table.file;
  const fileName = file.replace(/^.*[\\/]/, "");
  const rebuilt = new Map<string, string>();
  for (const { row, cells } of table.rows) {
    const example = table.sheet ? `${table.sheet}:${row}` : `${fileName}:${row}`;
    const ends: Known[] = [];
    for (const role of ["source", "target"] as const) {
      const key = cell(cells, roles[role]);
      if (key.trim() === "") {
        state.error({ table, row, column: header(role) }, "missing required value");
        continue;
      }
      let known = entities.find(key);
      if (!known) {
        // An end no table lists: an entity named as written, of the kind an edge list's kind column gives, else organization.
        const kindRole = role === "source" ? "sourceKind" : "targetKind";
        const rawKind = cell(cells, roles[kindRole]).trim();
        const resolved = rawKind === "" ? undefined : state.entityKind(rawKind);
        if (resolved?.kind !== undefined && resolved.mapped)
          state.warnings.add("entityKindMapped", `${quote(rawKind)} -> ${resolved.kind}`, file);
        const id = state.ids.allocate(key.trim(), "entity");
        known = {
          id,
          kind: resolved?.kind ?? "organization",
          name: state.clean(key.trim(), false, file),
          kindGiven: resolved !== undefined,
        };
        state.warnings.addValue(resolved === undefined ? "entityImplied" : "entityImpliedWithKind", key.trim(), file);
        const columns: Record<string, string> = { id: header(role) ?? role, name: header(role) ?? role };
        if (header(kindRole) !== undefined) columns.kind = header(kindRole) as string;
        state.addEntity({ id, kind: known.kind, name: known.name }, { table, row, columns });
        entities.add(key, known);
      }
      ends.push(known);
    }
    const [source, target] = ends;
    if (!source || !target) continue;
    const lines = keptLines(table, kept, cells);
    // The kind: the ontology's, the mapping's, or the neutral one (said, and the file's kind kept in the claim).
    const rawKind = cell(cells, roles.kind).trim();
    let kind: RelationKind;
    if (rawKind === "") {
      kind = NEUTRAL_RELATION_KIND;
      state.warnings.add("relationKindNeutral", "(none)", file);
    } else {
      const resolved = state.relationKind(rawKind);
      kind = resolved.kind;
      if (resolved.neutral) {
        lines.unshift(`${header("kind") ?? "kind"}: ${rawKind}`);
        state.warnings.add("relationKindNeutral", quote(rawKind), file);
      } else if (resolved.mapped) state.warnings.add("relationKindMapped", `${quote(rawKind)} -> ${kind}`, file);
      // A kind the ends cannot have, when the import made up an end's kind: the tie stays, its kind kept in the claim.
      const allowed = allowsEndpoint(kind, "source", source.kind) && allowsEndpoint(kind, "target", target.kind);
      if (!allowed && (!source.kindGiven || !target.kindGiven)) {
        lines.unshift(`${header("kind") ?? "kind"}: ${rawKind}`);
        state.warnings.add("relationKindClash", `${example} ${quote(rawKind)}`, file);
        kind = NEUTRAL_RELATION_KIND;
      }
    }
    const direction = normalHeader(cell(cells, roles.direction));
    if (direction === "undirected" || direction === "mutual" || direction === "bidirectional")
      state.warnings.add("undirected", example, file);
    else if (direction !== "" && direction !== "directed") lines.push(`${header("direction")}: ${cell(cells, roles.direction).trim()}`);
    // Evidence: links in the sources column, each a source (one per link, shared by every row citing it).
    const evidence: Evidence[] = [];
    const cited = cell(cells, roles.evidence).trim();
    if (cited !== "") {
      const other: string[] = [];
      for (const token of cited.split(/[\s;|,]+/)) {
        if (token === "") continue;
        if (!usableUrl(token)) {
          other.push(token);
          continue;
        }
        let id = rebuilt.get(token);
        if (id === undefined) {
          const url = new URL(token);
          id = state.ids.allocate(slugify(`${url.hostname} ${url.pathname}`, 90) || "source", "source");
          rebuilt.set(token, id);
          state.addSource(
            { id, url: token, publisher: url.hostname, title: token },
            { table, row, columns: { url: header("evidence") ?? "" } },
          );
          state.warnings.add("sourceRebuilt", id, file);
        }
        if (!evidence.some((item) => item.source === id)) evidence.push({ source: id });
      }
      if (other.length > 0) lines.push(`${header("evidence")}: ${other.join(" ")}`);
    }
    let confidence: Confidence = "alleged";
    const rawConfidence = normalHeader(cell(cells, roles.confidence));
    if (evidence.length === 0) {
      evidence.push({ source: state.placeholderSource().id });
      state.warnings.add("noEvidence", `"${state.placeholderSource().id}"`, file);
      if (rawConfidence !== "" && rawConfidence !== "alleged")
        lines.push(`${header("confidence")}: ${cell(cells, roles.confidence).trim()}`);
    } else if ((CONFIDENCES as readonly string[]).includes(rawConfidence)) confidence = rawConfidence as Confidence;
    else {
      state.warnings.add("noConfidence", example, file);
      if (rawConfidence !== "") lines.push(`${header("confidence")}: ${cell(cells, roles.confidence).trim()}`);
    }
    let claim = cell(cells, roles.claim).trim();
    if (claim === "") {
      state.warnings.add("noClaim", example, file);
      claim = `Imported from ${fileName} (row ${row}): ${source.name} ${kind.replace(/_/g, " ")} ${target.name}.`;
    }
    // Dates: start and end columns, else Gephi's intervals or times (one relation per span).
    let spans: Span[] = spansOf(cell(cells, roles.interval), cell(cells, roles.timeset));
    if (spans.length === 0) {
      const start = cell(cells, roles.start).trim();
      const end = cell(cells, roles.end).trim();
      spans = [{ ...(start === "" ? {} : { start }), ...(end === "" ? {} : { end }) }];
    }
    if (spans.length > 1) state.warnings.add("intervals", example, file);
    const rawId = cell(cells, roles.id).trim();
    const dateHeader = header("interval") ?? header("timeset");
    spans.forEach((span, index) => {
      const spanLines = [...lines];
      let start = span.start === undefined ? undefined : asDate(span.start);
      const end = span.end === undefined ? null : (asDate(span.end) ?? null);
      if (span.start !== undefined && start === undefined) spanLines.push(`start: ${span.start}`);
      if (span.end !== undefined && end === null) spanLines.push(`end: ${span.end}`);
      if (start === undefined) {
        start = end !== null && endsBeforeStart(state.importDay, end) ? end : state.importDay;
        state.warnings.add("noStart", example, file);
      }
      const wanted = rawId !== "" ? (index === 0 ? rawId : `${rawId}-${index + 1}`) : `${source.id}-${kind}-${target.id}`;
      const id = state.ids.allocate(wanted, "relation");
      if (rawId !== "" && id !== wanted) state.warnings.add("idRewritten", `${quote(wanted)} -> ${id}`, file);
      const fullClaim = state.clean(spanLines.length > 0 ? `${claim}\n\n${spanLines.join("\n")}` : claim, true, file);
      const relation: Relation = { id, kind, source: source.id, target: target.id, start, end, claim: fullClaim, evidence, confidence };
      const fieldColumns: Record<string, string> = {};
      for (const role of ["id", "kind", "source", "target", "claim", "evidence", "confidence"] as const) {
        const name = header(role);
        if (name !== undefined) fieldColumns[role] = name;
      }
      const startHeader = dateHeader ?? header("start");
      const endHeader = dateHeader ?? header("end");
      if (startHeader !== undefined) fieldColumns.start = startHeader;
      if (endHeader !== undefined) fieldColumns.end = endHeader;
      const origin: ItemOrigin = { table, row, columns: fieldColumns };
      state.addRelation(relation, origin);
    });
  }
}
