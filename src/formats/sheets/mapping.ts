/**
 * What every layout's mapping shares: the dataset being built, where each item came from (table, row, and
 * the column of each field), the ids given, the issues and warnings, and the kinds resolved (the ontology's,
 * the user's mapping, or unmapped). At the end, check.ts runs the loader on the result and places its errors
 * at the cells they came from.
 */
import { IdAllocator } from "../gexf/map/ids.ts";
import { cleanText } from "../gexf/map/text.ts";
import { PLACEHOLDER_HOST } from "../gexf/map/sources.ts";
import type { ReadOptions } from "../format.ts";
import type { LoadIssue } from "../../load/issues.ts";
import { today } from "../../model/dates.ts";
import { ENTITY_KINDS, NEUTRAL_RELATION_KIND, RELATION_KIND_NAMES, type EntityKind, type RelationKind } from "../../model/ontology.ts";
import { ID_MAX_LENGTH, TEXT_LIMITS, type DatasetMeta, type Entity, type Relation, type Source } from "../../model/schema.ts";
import { slugify } from "../../model/text.ts";
import type { KindMapping } from "./kinds.ts";
import { SheetWarnings } from "./notes.ts";
import { cellIssue, type CellPlace, type SheetTable } from "./table.ts";

/** Where an item came from: its table and row, and the header of the column each of its fields came from. */
export interface ItemOrigin {
  readonly table: SheetTable;
  readonly row: number;
  readonly columns: Readonly<Partial<Record<string, string>>>;
}

/** How a kind named in a file was resolved. */
export type KindResolution<K> = { kind: K; mapped: boolean } | { kind?: undefined; unmapped: string };

/** A name of a kind as the ontology writes kinds: "Legal case", "uses-equipment-from" -> legal_case, uses_equipment_from. */
export function normaliseKind(value: string): string {
  return value
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export class SheetMapping {
  readonly issues: LoadIssue[] = [];
  readonly warnings = new SheetWarnings();
  readonly ids = new IdAllocator();
  readonly importDay: string;
  /** The metadata table's fields as read: the name may be missing (finishImport gives a default); the loader checks the rest. */
  meta: Partial<DatasetMeta> | undefined;
  /** The metadata table's row of each metadata field. */
  readonly metaPlaces = new Map<string, CellPlace>();
  readonly entities: Entity[] = [];
  readonly entityOrigins: ItemOrigin[] = [];
  readonly relations: Relation[] = [];
  readonly relationOrigins: ItemOrigin[] = [];
  readonly sources: Source[] = [];
  readonly sourceOrigins: (ItemOrigin | undefined)[] = [];
  /** Entity kinds the file names that neither the ontology nor the mapping knows, with how many rows name each. */
  readonly unmapped = { entity: new Map<string, number>() };
  /** Mapping entries used, by the name as the mapping gives it. */
  readonly mappingUsed = new Set<string>();
  private placeholder: Source | undefined;

  constructor(
    /** The file (or files) read, as the user named it: the placeholder source and generated claims name it. */
    readonly file: string,
    readonly options: ReadOptions,
    readonly mapping: KindMapping,
  ) {
    this.importDay = options.today ?? today();
  }

  error(place: CellPlace, message: string): void {
    this.issues.push(cellIssue(place, message));
  }

  /** Text the dataset forbids (controls, bidi overrides) removed, the removal counted. */
  clean(value: string, multiline: boolean, file: string): string {
    const cleaned = cleanText(value, multiline);
    if (cleaned !== value) this.warnings.addValue("cleaned", value.slice(0, 40), file);
    return cleaned;
  }

  /** An entity kind from a cell: the ontology's (by name, case and spaces aside), the mapping's, or unmapped. */
  entityKind(raw: string): KindResolution<EntityKind> {
    const normal = normaliseKind(raw);
    if ((ENTITY_KINDS as readonly string[]).includes(normal)) return { kind: normal as EntityKind, mapped: false };
    const mapped = this.mapping.entity.get(normal);
    if (mapped) {
      this.mappingUsed.add(normal);
      return { kind: mapped, mapped: true };
    }
    this.unmapped.entity.set(raw.trim(), (this.unmapped.entity.get(raw.trim()) ?? 0) + 1);
    return { unmapped: raw.trim() };
  }

  /**
   * A relation kind from a cell: the ontology's, the mapping's, else the neutral kind (a tie of a kind the
   * ontology lacks; the caller keeps the file's kind in the claim). Relation kinds are never left unmapped.
   */
  relationKind(raw: string): { kind: RelationKind; mapped: boolean; neutral: boolean } {
    const normal = normaliseKind(raw);
    if ((RELATION_KIND_NAMES as readonly string[]).includes(normal)) return { kind: normal as RelationKind, mapped: false, neutral: false };
    const mapped = this.mapping.relation.get(normal);
    if (mapped) {
      this.mappingUsed.add(normal);
      return { kind: mapped, mapped: true, neutral: false };
    }
    return { kind: NEUTRAL_RELATION_KIND, mapped: false, neutral: true };
  }

  /** The source standing for the file, cited by relations that cite nothing; made when first needed. */
  placeholderSource(): Source {
    if (this.placeholder) return this.placeholder;
    const name = this.file.replace(/^.*[\\/]/, "");
    const id = this.ids.allocate(`import-${slugify(name, ID_MAX_LENGTH - 10) || "spreadsheet"}`, "source");
    this.placeholder = {
      id,
      url: this.options.sourceUrl ?? `${PLACEHOLDER_HOST}${encodeURIComponent(name || "spreadsheet")}`,
      publisher: "unknown (spreadsheet)",
      title: cleanText(`Imported from ${name}`, false).slice(0, TEXT_LIMITS.text),
    };
    this.sources.push(this.placeholder);
    this.sourceOrigins.push(undefined);
    return this.placeholder;
  }

  addEntity(entity: Entity, origin: ItemOrigin): void {
    this.entities.push(entity);
    this.entityOrigins.push(origin);
  }

  addRelation(relation: Relation, origin: ItemOrigin): void {
    this.relations.push(relation);
    this.relationOrigins.push(origin);
  }

  addSource(source: Source, origin: ItemOrigin | undefined): void {
    this.sources.push(source);
    this.sourceOrigins.push(origin);
  }
}
