/**
 * The table view's rows as data: the entities and relations the graph shows, sorted, filtered by a
 * text and by the selection, a page at a time. A table's columns, sort keys and search texts are
 * worked out once per graph (the search texts only once a filter is typed), and each column's sorted
 * order once, when it is first asked for; after that, a change of the view (a filter, the date, a step
 * of Play) costs one pass over that order. Tens of thousands of rows stay fast that way, and the page
 * never holds more than PAGE_SIZE rows.
 *
 * Hand-written rather than a headless table library (TanStack Table): those build a row object per row
 * and sort again on every change, where this sorts each column once per graph and then only filters.
 */
import { CONFIDENCES, type Confidence, type EntityKind, type RelationFamily, type RelationKind } from "../../model/ontology.ts";
import { countryName } from "../../model/schema.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import type { TableName, TableQuery, TableSort } from "../state/state.ts";
import { sourcesOf, type SourceView } from "./details.ts";
import { entityKindLabel, familyLabel, relationKindLabel } from "./format.ts";
import { normalizeForSearch } from "./search.ts";

/** Rows on one page: enough to scan, few enough that a page renders at once. */
export const PAGE_SIZE = 100;

export interface TableColumn {
  id: string;
  header: string;
  /** Sortable columns have a sort key; the first click sorts this way. */
  sort?: { first: TableSort["direction"] };
  numeric?: boolean;
  /** Width in em of the table's text; the one column without takes the rest, at least `minWidth`. */
  width?: number;
  minWidth?: number;
}

/** The checkbox column every table starts with (the graph's selection). */
export const SELECT_COLUMN_WIDTH = 5.5;

export const ENTITY_COLUMNS: readonly TableColumn[] = [
  { id: "name", header: "Name", sort: { first: "ascending" }, width: 14 },
  { id: "kind", header: "Kind", sort: { first: "ascending" }, width: 9 },
  { id: "country", header: "Country", sort: { first: "ascending" }, width: 9 },
  { id: "relations", header: "Relations", sort: { first: "descending" }, numeric: true, width: 6.5 },
  { id: "aliases", header: "Also known as", minWidth: 14 },
];

export const RELATION_COLUMNS: readonly TableColumn[] = [
  { id: "from", header: "From", sort: { first: "ascending" }, width: 10 },
  { id: "kind", header: "Relation", sort: { first: "ascending" }, width: 8 },
  { id: "to", header: "To", sort: { first: "ascending" }, width: 10 },
  { id: "start", header: "Start", sort: { first: "ascending" }, width: 6 },
  { id: "end", header: "End", sort: { first: "ascending" }, width: 6 },
  { id: "confidence", header: "Confidence", sort: { first: "ascending" }, width: 7.5 },
  { id: "claim", header: "Claim and sources", minWidth: 20 },
];

/** A table's least width in em: every column's width, and the flexible column's least. */
export function tableMinWidth(columns: readonly TableColumn[]): number {
  return columns.reduce((sum, column) => sum + (column.width ?? column.minWidth ?? 0), SELECT_COLUMN_WIDTH);
}

export const TABLE_COLUMNS: Readonly<Record<TableName, readonly TableColumn[]>> = { entities: ENTITY_COLUMNS, relations: RELATION_COLUMNS };

/** The sort after a click on a column's header: the other direction on the sorted column, else the column's first direction. */
export function nextSort(table: TableName, current: TableSort, column: string): TableSort {
  if (current.column === column) return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
  const spec = TABLE_COLUMNS[table].find((candidate) => candidate.id === column);
  return { column, direction: spec?.sort?.first ?? "ascending" };
}

/** Sorts after every date (an ongoing relation's end) and every name (a missing country). */
const LAST = "\uffff";

type SortKey = string | number;

/** One table's rows: their ids, their sort keys by column, and their search texts. */
export class TableRows {
  private readonly orders = new Map<string, Uint32Array>();
  private texts: string[] | null = null;

  constructor(
    readonly name: TableName,
    readonly ids: readonly string[],
    private readonly keys: Readonly<Record<string, () => readonly SortKey[]>>,
    /** Ties in any column keep this order (entities by name, relations by start). */
    private readonly tieBreak: () => readonly SortKey[],
    private readonly searchText: (row: number) => string,
    /** Whether a row is in the graph's view, and whether it belongs to the selection. */
    readonly isShown: (row: number, shown: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> }) => boolean,
    readonly isSelected: (row: number, selection: ReadonlySet<string>) => boolean,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  /** The rows in ascending order of a column (ties by the table's tie-break, then graph order); made once per column. */
  ascending(column: string): Uint32Array {
    const cached = this.orders.get(column);
    if (cached) return cached;
    const keys = this.keys[column]?.() ?? this.tieBreak();
    const ties = this.tieBreak();
    const order = new Uint32Array(this.ids.length);
    for (let row = 0; row < order.length; row += 1) order[row] = row;
    order.sort((a, b) => compareKeys(keys[a], keys[b]) || compareKeys(ties[a], ties[b]) || a - b);
    this.orders.set(column, order);
    return order;
  }

  /** Whether a row's text (names, kinds, dates, claim, sources...) holds every word of a normalized filter. */
  matches(row: number, words: readonly string[]): boolean {
    this.texts ??= this.ids.map((_id, index) => normalizeForSearch(this.searchText(index)));
    const text = this.texts[row] as string;
    return words.every((word) => text.includes(word));
  }
}

function compareKeys(a: SortKey | undefined, b: SortKey | undefined): number {
  if (a === b || a === undefined || b === undefined) return 0;
  return a < b ? -1 : 1;
}

/** Computes a key per row once, when first asked for. */
function lazy<T>(make: () => T): () => T {
  let value: { made: T } | null = null;
  return () => (value ??= { made: make() }).made;
}

function countryOf(code: string | undefined): string {
  return code === undefined ? "" : (countryName(code) ?? code);
}

export function entityRows(graph: AtlasGraph): TableRows {
  const ids = graph.nodes();
  const attributes = ids.map((id) => graph.getNodeAttributes(id));
  const names = lazy(() => attributes.map((entity) => normalizeForSearch(entity.label)));
  return new TableRows(
    "entities",
    ids,
    {
      name: names,
      kind: lazy(() => attributes.map((entity) => entityKindLabel(entity.kind).toLowerCase())),
      country: lazy(() => attributes.map((entity) => (entity.country === undefined ? LAST : normalizeForSearch(countryOf(entity.country))))),
      relations: lazy(() => ids.map((id) => graph.degree(id))),
    },
    names,
    (row) => {
      const entity = attributes[row] as (typeof attributes)[number];
      return [entity.label, entityKindLabel(entity.kind), countryOf(entity.country), entity.country ?? "", ...entity.aliases].join(" ");
    },
    (row, shown) => shown.nodes.has(ids[row] as string),
    (row, selection) => selection.has(ids[row] as string),
  );
}

export function relationRows(graph: AtlasGraph): TableRows {
  const ids = graph.edges();
  const ends = ids.map((id) => graph.extremities(id));
  const attributes = ids.map((id) => graph.getEdgeAttributes(id));
  const labelOf = (id: string): string => graph.getNodeAttribute(id, "label");
  const starts = lazy(() => attributes.map((relation) => relation.start));
  const confidenceRank = new Map<Confidence, number>(CONFIDENCES.map((confidence, rank) => [confidence, rank]));
  const sources = graph.getAttribute("sources");
  return new TableRows(
    "relations",
    ids,
    {
      from: lazy(() => ends.map(([source]) => normalizeForSearch(labelOf(source)))),
      kind: lazy(() => attributes.map((relation) => relationKindLabel(relation.kind))),
      to: lazy(() => ends.map(([, target]) => normalizeForSearch(labelOf(target)))),
      start: starts,
      end: lazy(() => attributes.map((relation) => relation.end ?? LAST)),
      confidence: lazy(() => attributes.map((relation) => confidenceRank.get(relation.confidence) ?? CONFIDENCES.length)),
    },
    starts,
    (row) => {
      const relation = attributes[row] as (typeof attributes)[number];
      const [source, target] = ends[row] as [string, string];
      const cited = relation.evidence.map((evidence) => {
        const cited = sources[evidence.source];
        return cited ? `${cited.title} ${cited.publisher}` : evidence.source;
      });
      return [
        labelOf(source),
        relationKindLabel(relation.kind),
        familyLabel(relation.family),
        labelOf(target),
        relation.start,
        relation.end ?? "ongoing",
        relation.confidence,
        relation.claim,
        relation.about !== undefined && graph.hasNode(relation.about) ? labelOf(relation.about) : "",
        ...cited,
      ].join(" ");
    },
    (row, shown) => shown.edges.has(ids[row] as string),
    (row, selection) => {
      const [source, target] = ends[row] as [string, string];
      return selection.has(source) && selection.has(target);
    },
  );
}

/** What a table shows for a query: every matching row in order, and the page asked for (clamped). */
export interface TablePage {
  name: TableName;
  /** Rows in the graph's view (before the text filter and "only the selection"). */
  inView: number;
  /** Every row shown, in order, across pages (what the CSV export writes). */
  rows: readonly number[];
  page: number;
  pageCount: number;
  /** The rows of the page shown. */
  pageRows: readonly number[];
}

/** The rows a table shows: those the graph's view shows, of the selection if asked, holding the filter's words, sorted. */
export function tablePage(
  table: TableRows,
  shown: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> },
  selection: ReadonlySet<string>,
  query: TableQuery,
): TablePage {
  const order = table.ascending(query.sort.column);
  const words = normalizeForSearch(query.filter).split(" ").filter(Boolean);
  const rows: number[] = [];
  let inView = 0;
  const descending = query.sort.direction === "descending";
  for (let step = 0; step < order.length; step += 1) {
    const row = order[descending ? order.length - 1 - step : step] as number;
    if (!table.isShown(row, shown)) continue;
    inView += 1;
    if (query.onlySelected && !table.isSelected(row, selection)) continue;
    if (words.length > 0 && !table.matches(row, words)) continue;
    rows.push(row);
  }
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, query.page), pageCount - 1);
  return { name: table.name, inView, rows, page, pageCount, pageRows: rows.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) };
}

/** A relation's end as the table shows it. */
export interface TableEntity {
  id: string;
  label: string;
  kind: EntityKind;
}

function tableEntity(graph: AtlasGraph, id: string): TableEntity {
  const attributes = graph.getNodeAttributes(id);
  return { id, label: attributes.label, kind: attributes.kind };
}

export interface EntityRowView extends TableEntity {
  country: string;
  relations: number;
  aliases: readonly string[];
}

export function entityRowView(graph: AtlasGraph, id: string): EntityRowView {
  const attributes = graph.getNodeAttributes(id);
  return { ...tableEntity(graph, id), country: countryOf(attributes.country), relations: graph.degree(id), aliases: attributes.aliases };
}

export interface RelationRowView {
  id: string;
  from: TableEntity;
  kind: RelationKind;
  family: RelationFamily;
  to: TableEntity;
  start: string;
  end: string | null;
  confidence: Confidence;
  claim: string;
  about?: TableEntity;
  /** Links only for http(s) URLs (details.ts's sourcesOf). */
  sources: SourceView[];
}

export function relationRowView(graph: AtlasGraph, id: string): RelationRowView {
  const attributes = graph.getEdgeAttributes(id);
  const [source, target] = graph.extremities(id);
  const view: RelationRowView = {
    id,
    from: tableEntity(graph, source),
    kind: attributes.kind,
    family: attributes.family,
    to: tableEntity(graph, target),
    start: attributes.start,
    end: attributes.end,
    confidence: attributes.confidence,
    claim: attributes.claim,
    sources: sourcesOf(graph, attributes),
  };
  if (attributes.about !== undefined && graph.hasNode(attributes.about)) view.about = tableEntity(graph, attributes.about);
  return view;
}
