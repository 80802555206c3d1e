/**
 * The view's round trip through the query string, so a reload or a shared link restores it:
 * `?focus=bell&depth=2&families=pressure,dependency&kinds=...&at=2019-11&path=bell,huawei&table=relations`.
 * One table row per parameter says how it reads (and what it says about a value it cannot use),
 * how it writes, and its default. Parameters at their default are left out; parameters the view
 * does not own (e.g. `dataset`) are kept.
 *
 * Adding a parameter: a field in ViewState (state.ts) and its row here (the compiler asks for it).
 */
import {
  CONFIDENCES,
  ENTITY_KINDS,
  RELATION_FAMILIES,
  isEntityKind,
  isRelationFamily,
  type Confidence,
  type EntityKind,
  type RelationFamily,
} from "../../model/ontology.ts";
import { isPartialDate } from "../../model/dates.ts";
import { ID_PATTERN } from "../../model/schema.ts";
import { quote } from "../../model/text.ts";
import { monthIndex, monthOfDate, type MonthSpan } from "../model/time.ts";
import { EGO_DEPTHS, NO_COUNTRY, TABLE_NAMES, type EgoDepth, type TableName, type ViewState } from "./state.ts";

/** What a parameter's text gives: a value (absent: the default stays), and what in the text was ignored. */
export interface Reading<T> {
  value?: T;
  problems?: string[];
}

export interface AddressParameter<T> {
  /** The value when the parameter is absent (a fresh copy each time). */
  default: () => T;
  /** Reads the parameter's text (it may be empty); `read` holds the parameters read before it, in table order. */
  read: (text: string, read: Readonly<ViewState>) => Reading<T>;
  /** The parameter's text for a value, or null to leave it out (its default, or meaningless in this state). */
  write: (value: T, state: Readonly<ViewState>) => string | null;
}

function isTableName(value: string): value is TableName {
  return (TABLE_NAMES as readonly string[]).includes(value);
}

function isId(value: string): boolean {
  return ID_PATTERN.test(value) && value.length <= 100;
}

/** A chain id is three entity or relation ids joined by colons (ids never contain one). */
function isChainId(value: string): boolean {
  const parts = value.split(":");
  return parts.length === 3 && parts.every(isId);
}

/** An entity id, or nothing. */
function entityId(name: string): AddressParameter<string | null> {
  return {
    default: () => null,
    read: (text) => {
      if (text === "") return {};
      return isId(text) ? { value: text } : { problems: [`ignored malformed entity id ${quote(text)} in "${name}"`] };
    },
    write: (value) => value,
  };
}

/**
 * A comma list of known values, written in `order` and left out when it names them all. Unknown
 * values are ignored with a notice; a list of nothing but unknown values leaves the default (all).
 */
function knownValues<T extends string>(order: readonly T[], isValid: (value: string) => value is T, noun: string): AddressParameter<T[]> {
  return {
    default: () => [...order],
    read: (text) => {
      const values = new Set<T>();
      const problems: string[] = [];
      for (const part of text.split(",")) {
        const value = part.trim();
        if (value === "") continue;
        if (isValid(value)) values.add(value);
        else problems.push(`ignored unknown ${noun} ${quote(value)} in the address`);
      }
      // `families=` (nothing named) shows no family; `families=gossip` (only unknown names) is ignored.
      if (values.size === 0 && problems.length > 0) return { problems };
      return { value: order.filter((value) => values.has(value)), problems };
    },
    write: (value) => (value.length === order.length ? null : order.filter((known) => value.includes(known)).join(",")),
  };
}

function isConfidence(value: string): value is Confidence {
  return (CONFIDENCES as readonly string[]).includes(value);
}

/** One of two words, the first being the default (left out of the address). */
function choice<const T extends string>(name: string, [normal, other]: readonly [T, T]): AddressParameter<T> {
  return {
    default: () => normal,
    read: (text) => {
      if (text === "" || text === normal) return {};
      return text === other ? { value: other } : { problems: [`ignored ${name} ${quote(text)}: use ${other} or leave it out`] };
    },
    write: (value) => (value === normal ? null : value),
  };
}

/** A country code as entities carry it (ISO 3166 alpha-2, or a bloc's such as EU), or NO_COUNTRY. */
const COUNTRY_CODE = /^[A-Z]{2}$/;

/** The address's parameters, in the order they are read and written. */
export const ADDRESS_PARAMETERS: { readonly [K in keyof ViewState]: AddressParameter<ViewState[K]> } = {
  focus: entityId("focus"),
  depth: {
    default: () => null,
    read: (text, read) => {
      if (text === "") return {};
      const value = Number(text);
      if (!(EGO_DEPTHS as readonly number[]).includes(value)) return { problems: [`ignored depth ${quote(text)}: use 1, 2 or 3`] };
      if (read.focus === null) return { problems: ['ignored depth: it needs an entity in "focus"'] };
      return { value: value as EgoDepth };
    },
    write: (value, state) => (state.focus !== null && value !== null ? String(value) : null),
  },
  families: knownValues<RelationFamily>(RELATION_FAMILIES, isRelationFamily, "relation family"),
  kinds: knownValues<EntityKind>(ENTITY_KINDS, isEntityKind, "entity kind"),
  at: {
    default: () => null,
    read: (text) => {
      if (text === "") return {};
      return isPartialDate(text) ? { value: monthOfDate(text) } : { problems: [`ignored date ${quote(text)} in "at": use YYYY-MM`] };
    },
    write: (value) => value,
  },
  path: {
    default: () => null,
    read: (text) => {
      if (text === "") return {};
      const [from, to, ...rest] = text.split(",");
      if (from !== undefined && to !== undefined && rest.length === 0 && isId(from) && isId(to)) return { value: { from, to } };
      return { problems: [`ignored path ${quote(text)}: use two entity ids separated by a comma`] };
    },
    write: (value) => (value === null ? null : `${value.from},${value.to}`),
  },
  leverage: entityId("leverage"),
  chain: {
    default: () => null,
    read: (text) => {
      if (text === "") return {};
      if (isChainId(text)) return { value: text };
      return { problems: [`ignored chain ${quote(text)}: use the chain id the Leverage panel writes (pressure:presser:pressed)`] };
    },
    write: (value) => value,
  },
  countries: {
    default: () => null,
    read: (text) => {
      const values = new Set<string>();
      const problems: string[] = [];
      for (const part of text.split(",")) {
        const value = part.trim();
        if (value === "") continue;
        if (COUNTRY_CODE.test(value.toUpperCase())) values.add(value.toUpperCase());
        else if (value === NO_COUNTRY) values.add(NO_COUNTRY);
        else problems.push(`ignored country ${quote(value)} in the address: use two-letter codes such as CA, or ${NO_COUNTRY}`);
      }
      if (values.size === 0 && problems.length > 0) return { problems };
      return { value: [...values].sort(), problems };
    },
    write: (value) => (value === null ? null : [...value].sort().join(",")),
  },
  confidence: knownValues<Confidence>(CONFIDENCES, isConfidence, "confidence"),
  isolated: choice("isolated", ["show", "hide"]),
  range: {
    default: () => null,
    read: (text) => {
      if (text === "") return {};
      const parts = text.split(",");
      const [from, to] = parts;
      if (parts.length !== 2 || from === undefined || to === undefined || !isPartialDate(from) || !isPartialDate(to))
        return { problems: [`ignored range ${quote(text)}: use two months separated by a comma, such as 2018-01,2020-12`] };
      const span: MonthSpan = { from: monthOfDate(from), to: monthOfDate(to) };
      // A reversed range is read the right way round rather than showing nothing.
      return monthIndex(span.from) <= monthIndex(span.to) ? { value: span } : { value: { from: span.to, to: span.from } };
    },
    write: (value) => (value === null ? null : `${value.from},${value.to}`),
  },
  entities: choice("entities", ["active", "all"]),
  paths: choice("paths", ["undirected", "directed"]),
  table: {
    default: () => null,
    read: (text) => {
      if (text === "") return {};
      return isTableName(text) ? { value: text } : { problems: [`ignored table ${quote(text)}: use "entities" or "relations"`] };
    },
    write: (value) => value,
  },
  embed: {
    default: () => false,
    read: (text) => {
      if (text === "" || text === "0") return {};
      return text === "1" ? { value: true } : { problems: [`ignored embed ${quote(text)}: use 1 or leave it out`] };
    },
    write: (value) => (value ? "1" : null),
  },
};

/** The parameter names, in table order. */
const NAMES = Object.keys(ADDRESS_PARAMETERS) as (keyof ViewState)[];

/** Sets one field: the table's rows are typed per field, so a loop over names needs this one generic step. */
function assign<K extends keyof ViewState>(state: ViewState, name: K, value: ViewState[K]): void {
  state[name] = value;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- K ties the table row to its field's type (a correlated record), which the body needs
function defaultOf<K extends keyof ViewState>(state: ViewState, name: K): void {
  assign(state, name, ADDRESS_PARAMETERS[name].default());
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- K ties the table row to its field's type (a correlated record), which the body needs
function readOne<K extends keyof ViewState>(state: ViewState, name: K, text: string, problems: string[]): void {
  const reading = ADDRESS_PARAMETERS[name].read(text, state);
  if (reading.value !== undefined) assign(state, name, reading.value);
  problems.push(...(reading.problems ?? []));
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- K ties the table row to its field's type (a correlated record), which the body needs
function writeOne<K extends keyof ViewState>(state: ViewState, name: K): string | null {
  return ADDRESS_PARAMETERS[name].write(state[name], state);
}

/** The view with every parameter at its default: everything shown, nothing focused. */
export function defaultViewState(): ViewState {
  // Every field has a row (the table's type says so), so every field is set below.
  const state = {} as ViewState;
  for (const name of NAMES) defaultOf(state, name);
  return state;
}

/** The view a query string describes, and what in it could not be used. */
export function readViewState(params: URLSearchParams): { state: ViewState; problems: string[] } {
  const state = defaultViewState();
  const problems: string[] = [];
  for (const name of NAMES) {
    const text = params.get(name);
    if (text !== null) readOne(state, name, text, problems);
  }
  return { state, problems };
}

/** A copy of `params` describing `state`: the view's own parameters rewritten, the others kept. */
export function writeViewState(params: URLSearchParams, state: ViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of NAMES) next.delete(name);
  for (const name of NAMES) {
    const text = writeOne(state, name);
    if (text !== null) next.set(name, text);
  }
  return next;
}

/** A query string for display in an address bar: commas and colons are safe there, so they stay readable. */
export function queryString(params: URLSearchParams): string {
  const text = params.toString().replaceAll("%2C", ",").replaceAll("%3A", ":");
  return text === "" ? "" : `?${text}`;
}
