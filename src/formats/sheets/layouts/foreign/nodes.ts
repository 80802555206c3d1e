/** A Kumu elements or Gephi nodes table: each row an entity, found again by the key the file names it with. */
import { usableUrl } from "../../../gexf/map/text.ts";
import type { EntityKind } from "../../../../model/ontology.ts";
import { countryName, type Entity } from "../../../../model/schema.ts";
import { quote } from "../../../../model/text.ts";
import type { SheetMapping } from "../../mapping.ts";
import type { SheetTable } from "../../table.ts";
import { assignColumns, cell, keptLines, NODE_HEADERS, sayMapping, type ForeignLayout, type NodeRole } from "./columns.ts";

const NODE_FIELDS: Record<NodeRole, string> = {
  key: "id (and what connections name)",
  name: "name",
  kind: "kind",
  description: "description",
  aliases: "aliases",
  country: "country",
  url: "url",
};

/** What edges need of each entity: its id, kind and name; by the key the file names it with. */
export interface Known {
  id: string;
  kind: EntityKind;
  name: string;
  /** The file gave the kind (else the import made it organization, and a relation kind it clashes with yields). */
  kindGiven: boolean;
}

export class Entities {
  readonly byKey = new Map<string, Known>();
  /** The same keys trimmed and in lower case, for ends written slightly differently. */
  readonly byLooseKey = new Map<string, Known>();

  add(key: string, known: Known): void {
    this.byKey.set(key, known);
    const loose = key.trim().toLowerCase();
    if (!this.byLooseKey.has(loose)) this.byLooseKey.set(loose, known);
  }

  find(key: string): Known | undefined {
    return this.byKey.get(key) ?? this.byLooseKey.get(key.trim().toLowerCase());
  }
}

/** Reads a nodes or elements table into the mapping, each entity also into `entities` for the edges to find. */
export function mapNodes(state: SheetMapping, table: SheetTable, layout: ForeignLayout, entities: Entities): void {
  const columns = assignColumns(state, table, NODE_HEADERS[layout]);
  const { roles, kept } = columns;
  sayMapping(state, table, layout === "kumu" ? "Kumu elements" : "Gephi nodes", columns, NODE_FIELDS, "description");
  const keyColumn = roles.key ?? roles.name;
  if (keyColumn === undefined) {
    state.error({ table, row: table.headerRow }, `the table has no ${layout === "kumu" ? '"Label"' : '"Id"'} column, which names each row`);
    return;
  }
  const file = table.file;
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const key = cell(cells, keyColumn);
    const keyHeader = table.header[keyColumn] ?? "";
    if (key.trim() === "") {
      state.error({ table, row, column: keyHeader }, "missing required value: each row needs one, which connections name it by");
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      state.error(
        { table, row, column: keyHeader },
        `${quote(key)} names another row too (row ${earlier}): connections to it would be ambiguous`,
      );
      continue;
    }
    seen.set(key, row);
    const id = state.ids.allocate(key.trim(), "entity");
    if (id !== key) state.warnings.add("idRewritten", `${quote(key)} -> ${id}`, file);
    const rawName = cell(cells, roles.name).trim();
    if (rawName === "") state.warnings.addValue("noLabel", key, file);
    const name = state.clean(rawName || key.trim(), false, file);
    const rawKind = cell(cells, roles.kind);
    let kind: EntityKind = "organization";
    const kindGiven = rawKind.trim() !== "";
    if (!kindGiven) state.warnings.addValue("entityKindMissing", key, file);
    else {
      const resolved = state.entityKind(rawKind);
      if (resolved.kind !== undefined) {
        kind = resolved.kind;
        if (resolved.mapped) state.warnings.add("entityKindMapped", `${quote(rawKind.trim())} -> ${kind}`, file);
      }
    }
    const lines = keptLines(table, kept, cells);
    const entity: Entity = { id, kind, name };
    const aliases = cell(cells, roles.aliases)
      .split(/\s*[|;]\s*/)
      .map((alias) => state.clean(alias.trim(), false, file))
      .filter((alias) => alias !== "");
    if (aliases.length > 0) entity.aliases = aliases;
    const country = cell(cells, roles.country).trim();
    if (country !== "") {
      if (countryName(country.toUpperCase()) !== undefined) entity.country = country.toUpperCase();
      else lines.push(`${table.header[roles.country as number] ?? "country"}: ${country}`);
    }
    const url = cell(cells, roles.url).trim();
    if (url !== "") {
      if (usableUrl(url)) entity.url = url;
      else lines.push(`${table.header[roles.url as number] ?? "url"}: ${url}`);
    }
    const description = [cell(cells, roles.description).trim(), ...lines].filter((part) => part !== "").join("\n");
    if (description !== "") entity.description = state.clean(description, true, file);
    const fieldColumns: Record<string, string> = {};
    for (const [role, field] of [
      ["key", "id"],
      ["name", "name"],
      ["kind", "kind"],
      ["aliases", "aliases"],
      ["country", "country"],
      ["url", "url"],
      ["description", "description"],
    ] as const)
      if (roles[role] !== undefined) fieldColumns[field] = table.header[roles[role]] ?? "";
    if (roles.key === undefined) fieldColumns.id = keyHeader;
    state.addEntity(entity, { table, row, columns: fieldColumns });
    entities.add(key, { id, kind, name, kindGiven });
  }
}
