/**
 * The explorer's view as data, and its round trip through the query string, so a reload or a
 * shared link restores it: `?focus=bell&depth=2&families=pressure,dependency&kinds=...&at=2019-11&path=bell,huawei`.
 * Parameters at their default are left out; parameters the view does not own (e.g. `dataset`) are kept.
 */
import {
  ENTITY_KINDS,
  RELATION_FAMILIES,
  isEntityKind,
  isRelationFamily,
  type EntityKind,
  type RelationFamily,
} from "../../model/ontology.ts";
import { isPartialDate } from "../../model/dates.ts";
import { ID_PATTERN } from "../../model/schema.ts";
import { quote } from "../../model/text.ts";
import { monthOfDate } from "../model/time.ts";

export const EGO_DEPTHS = [1, 2, 3] as const;
export type EgoDepth = (typeof EGO_DEPTHS)[number];

export interface ViewState {
  /** The entity whose details are open (and the centre of the ego network). */
  focus: string | null;
  /** Show only the focus's neighbourhood up to this depth; null shows the whole graph. */
  depth: EgoDepth | null;
  /** Relation families shown, in ontology order. */
  families: RelationFamily[];
  /** Entity kinds shown, in ontology order. */
  kinds: EntityKind[];
  /** Show the relations active in this month (YYYY-MM); null shows every date. */
  at: string | null;
  /** Highlight a shortest path between two entities. */
  path: { from: string; to: string } | null;
  /** The government the Leverage panel shows; null shows the dataset's default (model/leverage-view.ts). */
  leverage: string | null;
  /** The leverage chain highlighted on the graph (`pressure:presser:pressed`, as the analysis names it). */
  chain: string | null;
}

export function defaultViewState(): ViewState {
  return {
    focus: null,
    depth: null,
    families: [...RELATION_FAMILIES],
    kinds: [...ENTITY_KINDS],
    at: null,
    path: null,
    leverage: null,
    chain: null,
  };
}

const VIEW_KEYS = ["focus", "depth", "families", "kinds", "at", "path", "leverage", "chain"] as const;

function isId(value: string): boolean {
  return ID_PATTERN.test(value) && value.length <= 100;
}

/** A chain id is three entity or relation ids joined by colons (ids never contain one). */
function isChainId(value: string): boolean {
  const parts = value.split(":");
  return parts.length === 3 && parts.every(isId);
}

/** Values of a comma list in `order`, or null when the parameter is absent; unknown values are reported. */
function readList<T extends string>(
  params: URLSearchParams,
  name: string,
  order: readonly T[],
  isValid: (value: string) => value is T,
  problems: string[],
): T[] | null {
  const raw = params.get(name);
  if (raw === null) return null;
  const values = new Set<T>();
  for (const part of raw.split(",")) {
    const value = part.trim();
    if (value === "") continue;
    if (isValid(value)) values.add(value);
    else problems.push(`ignored unknown ${name === "kinds" ? "entity kind" : "relation family"} ${quote(value)} in the address`);
  }
  return order.filter((value) => values.has(value));
}

/** The view a query string describes, and what in it could not be used. */
export function readViewState(params: URLSearchParams): { state: ViewState; problems: string[] } {
  const state = defaultViewState();
  const problems: string[] = [];

  const focus = params.get("focus");
  if (focus !== null && focus !== "") {
    if (isId(focus)) state.focus = focus;
    else problems.push(`ignored malformed entity id ${quote(focus)} in "focus"`);
  }

  const depth = params.get("depth");
  if (depth !== null && depth !== "") {
    const value = Number(depth);
    if (!(EGO_DEPTHS as readonly number[]).includes(value)) problems.push(`ignored depth ${quote(depth)}: use 1, 2 or 3`);
    else if (state.focus === null) problems.push('ignored depth: it needs an entity in "focus"');
    else state.depth = value as EgoDepth;
  }

  state.families = readList(params, "families", RELATION_FAMILIES, isRelationFamily, problems) ?? state.families;
  state.kinds = readList(params, "kinds", ENTITY_KINDS, isEntityKind, problems) ?? state.kinds;

  const at = params.get("at");
  if (at !== null && at !== "") {
    if (isPartialDate(at)) state.at = monthOfDate(at);
    else problems.push(`ignored date ${quote(at)} in "at": use YYYY-MM`);
  }

  const path = params.get("path");
  if (path !== null && path !== "") {
    const [from, to, ...rest] = path.split(",");
    if (from !== undefined && to !== undefined && rest.length === 0 && isId(from) && isId(to)) state.path = { from, to };
    else problems.push(`ignored path ${quote(path)}: use two entity ids separated by a comma`);
  }

  const leverage = params.get("leverage");
  if (leverage !== null && leverage !== "") {
    if (isId(leverage)) state.leverage = leverage;
    else problems.push(`ignored malformed entity id ${quote(leverage)} in "leverage"`);
  }

  const chain = params.get("chain");
  if (chain !== null && chain !== "") {
    if (isChainId(chain)) state.chain = chain;
    else problems.push(`ignored chain ${quote(chain)}: use the chain id the Leverage panel writes (pressure:presser:pressed)`);
  }
  return { state, problems };
}

/** A copy of `params` describing `state`: the view's own parameters rewritten, the others kept. */
export function writeViewState(params: URLSearchParams, state: ViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of VIEW_KEYS) next.delete(key);
  if (state.focus !== null) next.set("focus", state.focus);
  if (state.focus !== null && state.depth !== null) next.set("depth", String(state.depth));
  if (state.families.length !== RELATION_FAMILIES.length)
    next.set("families", RELATION_FAMILIES.filter((f) => state.families.includes(f)).join(","));
  if (state.kinds.length !== ENTITY_KINDS.length) next.set("kinds", ENTITY_KINDS.filter((k) => state.kinds.includes(k)).join(","));
  if (state.at !== null) next.set("at", state.at);
  if (state.path !== null) next.set("path", `${state.path.from},${state.path.to}`);
  if (state.leverage !== null) next.set("leverage", state.leverage);
  if (state.chain !== null) next.set("chain", state.chain);
  return next;
}

/** A query string for display in an address bar: commas and colons are safe there, so they stay readable. */
export function queryString(params: URLSearchParams): string {
  const text = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return text === "" ? "" : `?${text}`;
}
