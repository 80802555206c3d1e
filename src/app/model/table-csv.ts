/**
 * The table view's rows as CSV, what its "Export rows (CSV)" button downloads: every row the table shows (all
 * pages), in its order, with ids beside names so the file joins back to the dataset. csv-stringify
 * writes it (RFC 4180: quotes where needed, CRLF), as the dataset's CSV tables are written. A cell that
 * starts like a spreadsheet formula (= + - @, a tab or a carriage return) gets a leading ' by the
 * spreadsheet export's own guard (formats/sheets/cells.ts), so no spreadsheet program runs dataset
 * text. Loaded only when a table is exported.
 */
import { stringify } from "csv-stringify/browser/esm/sync";
import { guardFormula } from "../../formats/sheets/cells.ts";
import { countryName, isHttpUrl } from "../../model/schema.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import { entityKindLabel, familyLabel, relationKindLabel } from "./format.ts";
import { relationRowView, type TableRows } from "./table.ts";

const ENTITY_HEADER = ["id", "name", "kind", "country_code", "country", "relations", "aliases", "description", "url"];
const RELATION_HEADER = [
  "id",
  "from_id",
  "from",
  "relation",
  "family",
  "to_id",
  "to",
  "start",
  "end",
  "confidence",
  "claim",
  "about_id",
  "about",
  "source_ids",
  "sources",
  "source_urls",
];

function entityRecord(graph: AtlasGraph, id: string): string[] {
  const entity = graph.getNodeAttributes(id);
  return [
    id,
    entity.label,
    entityKindLabel(entity.kind),
    entity.country ?? "",
    entity.country === undefined ? "" : (countryName(entity.country) ?? ""),
    String(graph.degree(id)),
    entity.aliases.join("; "),
    entity.description ?? "",
    entity.url !== undefined && isHttpUrl(entity.url) ? entity.url : "",
  ];
}

function relationRecord(graph: AtlasGraph, id: string): string[] {
  const relation = relationRowView(graph, id);
  return [
    id,
    relation.from.id,
    relation.from.label,
    relationKindLabel(relation.kind),
    familyLabel(relation.family),
    relation.to.id,
    relation.to.label,
    relation.start,
    relation.end ?? "",
    relation.confidence,
    relation.claim,
    relation.about?.id ?? "",
    relation.about?.label ?? "",
    relation.sources.map((source) => source.id).join("; "),
    relation.sources.map((source) => [source.title, source.publisher, source.published].filter(Boolean).join(", ")).join("; "),
    relation.sources.flatMap((source) => (source.url === undefined ? [] : [source.url])).join(" "),
  ];
}

/** The rows (indices into `table`, in order) as CSV text with a header row. */
export function tableCsv(graph: AtlasGraph, table: TableRows, rows: readonly number[]): string {
  const record = table.name === "entities" ? entityRecord : relationRecord;
  const records = rows.map((row) => record(graph, table.ids[row] as string).map(guardFormula));
  return stringify([table.name === "entities" ? ENTITY_HEADER : RELATION_HEADER, ...records], { record_delimiter: "windows", eof: true });
}
