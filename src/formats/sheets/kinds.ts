/**
 * The user's mapping of kinds a file names to the ontology's: `Company=vendor,Telco=carrier,Funding=funds`
 * (the CLI's --map-kind, the explorer's table). Each name maps to an entity kind or a relation kind, which
 * says which it applies to; names are compared as kinds are (case, spaces and hyphens aside). In a name,
 * `\,` and `\=` stand for a comma and an equals sign.
 */
import { ENTITY_KINDS, RELATION_KIND_NAMES, type EntityKind, type RelationKind } from "../../model/ontology.ts";
import { quote } from "../../model/text.ts";
import { normaliseKind } from "./mapping.ts";

export interface KindMapping {
  readonly entity: ReadonlyMap<string, EntityKind>;
  readonly relation: ReadonlyMap<string, RelationKind>;
  /** The names as given, by their normal form (for the warning about names the file never uses). */
  readonly given: ReadonlyMap<string, string>;
}

export const NO_MAPPING: KindMapping = { entity: new Map(), relation: new Map(), given: new Map() };

/** Splits on a separator not preceded by a backslash; with `unescape`, `\x` becomes `x` in the parts. */
function splitEscaped(text: string, separator: string, unescape: boolean): string[] {
  const parts: string[] = [];
  let current = "";
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index] as string;
    if (character === "\\" && index + 1 < text.length) {
      current += unescape ? text.charAt(index + 1) : `${character}${text.charAt(index + 1)}`;
      index += 1;
    } else if (character === separator) {
      parts.push(current);
      current = "";
    } else current += character;
  }
  parts.push(current);
  return parts;
}

/** A name as the mapping text writes it: commas, equals signs and backslashes escaped. */
export function escapeKindName(name: string): string {
  return name.replace(/[\\,=]/g, (character) => `\\${character}`);
}

/** The mapping text of these pairs (the explorer's table builds it). */
export function mappingText(pairs: readonly { name: string; kind: string }[]): string {
  return pairs.map(({ name, kind }) => `${escapeKindName(name)}=${kind}`).join(",");
}

export type MappingParse = { ok: true; mapping: KindMapping } | { ok: false; problems: string[] };

/** Parses the mapping text; every problem at once. */
export function parseKindMapping(text: string | undefined): MappingParse {
  if (text === undefined || text.trim() === "") return { ok: true, mapping: NO_MAPPING };
  const entity = new Map<string, EntityKind>();
  const relation = new Map<string, RelationKind>();
  const given = new Map<string, string>();
  const problems: string[] = [];
  for (const pair of splitEscaped(text, ",", false)) {
    if (pair.trim() === "") continue;
    const parts = splitEscaped(pair, "=", true);
    const [rawName = "", rawKind = ""] = parts;
    const name = rawName.trim();
    const kind = rawKind.trim();
    if (parts.length !== 2 || name === "" || kind === "") {
      problems.push(`${quote(pair)} is not NAME=kind (e.g. "Company=vendor")`);
      continue;
    }
    const normal = normaliseKind(name);
    const target = normaliseKind(kind);
    if (given.has(normal)) {
      problems.push(`${quote(name)} is mapped twice`);
      continue;
    }
    given.set(normal, name);
    if ((ENTITY_KINDS as readonly string[]).includes(target)) entity.set(normal, target as EntityKind);
    else if ((RELATION_KIND_NAMES as readonly string[]).includes(target)) relation.set(normal, target as RelationKind);
    else
      problems.push(
        `${quote(name)} is mapped to ${quote(kind)}, which is neither an entity kind (${ENTITY_KINDS.join(", ")}) nor a relation kind (see atlas schema)`,
      );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, mapping: { entity, relation, given } };
}
