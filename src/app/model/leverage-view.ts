/**
 * The Leverage panel's content as data: which governments can be chosen (and which one by
 * default), the chains pressing the chosen one at the time control's month as readable rows
 * (presser -> pressed about vendor, dependents, ties, numbered steps and sources), its exposure,
 * and the entities and relations to highlight. The analysis itself is src/analysis; this module
 * only words its results for the page. Links are kept only for http(s) URLs.
 */
import { exposure, type ExposureRow } from "../../analysis/exposure.ts";
import {
  dependenciesAtOtherDates,
  isDependedOn,
  leverageChains,
  pressureCases,
  type DistantDependency,
  type LeverageChain,
  type LeverageContext,
  type LeverageOptions,
} from "../../analysis/leverage.ts";
import { DEPENDENT_END, NETWORK_KIND, STATE_KIND } from "../../analysis/rules.ts";
import { readChain, type StepRole } from "../../analysis/steps.ts";
import type { AtlasGraph } from "../../graph/types.ts";
import type { Confidence, EntityKind, RelationFamily, RelationKind } from "../../model/ontology.ts";
import { isHttpUrl } from "../../model/schema.ts";
import { ENTITY_KINDS } from "../../model/ontology.ts";
import { entityKindLabel, formatMonth, formatPeriod, plural, relationKindLabel } from "./format.ts";

/** The government the panel opens on when the dataset has it: the case the atlas was built around. */
export const DEFAULT_GOVERNMENT = "gov-canada";

export interface EntityRef {
  id: string;
  label: string;
  kind: EntityKind;
}

/** Entities and relations a chain lights up on the graph. */
export interface Highlight {
  nodes: string[];
  edges: string[];
}

export interface DependencyLine {
  relation: string;
  /** "uses equipment from Huawei Technologies", or "Huawei Technologies supplies it" when the relation points at the dependent. */
  text: string;
  period: string;
}

export interface DependentRow {
  entity: EntityRef;
  dependencies: DependencyLine[];
}

export interface TieRow {
  /** dependency: the pressed side relies on the presser's side; bloc: both are members; vendor: the vendor stands under the presser. */
  type: "dependency" | "bloc" | "vendor";
  text: string;
  /** The dates of the relation behind a dependency tie. */
  period?: string;
}

export interface SourceRow {
  number: number;
  title: string;
  publisher: string;
  published?: string;
  /** Present only for http(s) URLs. */
  url?: string;
}

export interface StepRow {
  number: number;
  role: StepRole;
  relation: string;
  kind: RelationKind;
  family: RelationFamily;
  source: EntityRef;
  target: EntityRef;
  period: string;
  confidence: Confidence;
  claim: string;
  /** Numbers of the step's sources in the chain's `sources`. */
  sources: number[];
  /** Where in each source, when the evidence says (by source number). */
  locators: Record<number, string>;
}

export interface ChainRow {
  id: string;
  presser: EntityRef;
  pressed: EntityRef;
  vendor: EntityRef;
  /** The pressure as recorded: who did what to whom (the actor may be a person acting for the presser). */
  pressure: { relation: string; kind: RelationKind; actor: EntityRef; target: EntityRef; period: string };
  dependents: DependentRow[];
  ties: TieRow[];
  steps: StepRow[];
  sources: SourceRow[];
  highlight: Highlight;
}

/** A dependency that would count at another date than the pressures' (analysis: dependenciesAtOtherDates). */
export interface DistantLine {
  entity: EntityRef;
  relation: string;
  /** "uses equipment from Huawei Technologies", as a dependent's dependency line says it. */
  text: string;
  period: string;
  /** "8 months after", "3 years before", or "at the same dates" (when only the entity's place under the party is dated otherwise). */
  distance: string;
}

export interface ExposureLine {
  /** What the pressures are about: a vendor, or anything else something depends on. */
  vendor: EntityRef;
  score: number;
  carriers: EntityRef[];
  others: EntityRef[];
  pressers: EntityRef[];
  pressures: number;
  /** The dates the dependents are judged in: the pressure's own ("13 May 2019"), its pressures' ("the dates of its 3 pressures"), or the month shown. */
  judgedIn: string;
  /**
   * When nothing under the party depends on it in those dates: the dependencies recorded at other
   * dates, nearest first (at most OTHER_DATES_LISTED). Empty when there are none at any date: only
   * then does the line say that nothing under the party depends on it.
   */
  atOtherDates: DistantLine[];
}

/** What a party is pressed about that nothing depends on (a person, a case): not exposure to a supplier. */
export interface SubjectLine {
  subject: EntityRef;
  pressers: EntityRef[];
  pressures: number;
}

export interface LeverageView {
  /** The government shown (null when the dataset records no pressure about anything). */
  government: EntityRef | null;
  at: string | null;
  chains: ChainRow[];
  /** The party's exposure to what it is pressed about, where something depends on that (a vendor, a supplier). */
  exposure: ExposureLine[];
  /** The rest it is pressed about (a person, a legal case): nothing depends on those, so they are listed apart. */
  otherSubjects: SubjectLine[];
  /** The plain sentence shown when there is no chain. */
  empty: string | null;
  /** The chosen chain when it is among `chains` (it may exist at another date only). */
  chosen: ChainRow | null;
}

function ref(graph: AtlasGraph, id: string): EntityRef {
  const { label, kind } = graph.getNodeAttributes(id);
  return { id, label, kind };
}

function byLabel(a: EntityRef, b: EntityRef): number {
  return a.label.localeCompare(b.label, "en") || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Party kinds as group headings of the list to choose from. */
const KIND_GROUPS: Readonly<Partial<Record<EntityKind, string>>> = { agency: "Agencies", person: "People", policy: "Policies" };

/**
 * The parties to choose from, grouped by kind under headings that say what they are: governments
 * first, then blocs, carriers and the rest in ontology order (a carrier is never offered as a government).
 */
export function partyGroups(parties: readonly EntityRef[]): { label: string; parties: EntityRef[] }[] {
  return ENTITY_KINDS.flatMap((kind) => {
    const members = parties.filter((party) => party.kind === kind);
    return members.length === 0 ? [] : [{ label: KIND_GROUPS[kind] ?? `${entityKindLabel(kind)}s`, parties: members }];
  });
}

/**
 * The parties that can be chosen: everything pressed about something at any date, governments
 * first (the panel's subject), then other pressed parties (a bloc, a company acting for itself), each by name.
 */
export function pressedParties(graph: AtlasGraph, rows: readonly ExposureRow[]): EntityRef[] {
  const parties = [...new Set(rows.map((row) => row.pressed))].filter((id) => graph.hasNode(id)).map((id) => ref(graph, id));
  const governments = parties.filter((party) => party.kind === STATE_KIND).sort(byLabel);
  const others = parties.filter((party) => party.kind !== STATE_KIND).sort(byLabel);
  return [...governments, ...others];
}

/**
 * The government the panel opens on: DEFAULT_GOVERNMENT when the dataset has it, else the
 * government ranked highest by exposure (rows as `exposure` ranks them), else the top pressed party.
 */
export function defaultGovernment(graph: AtlasGraph, rows: readonly ExposureRow[]): string | null {
  if (graph.hasNode(DEFAULT_GOVERNMENT)) return DEFAULT_GOVERNMENT;
  const government = rows.find((row) => graph.hasNode(row.pressed) && graph.getNodeAttribute(row.pressed, "kind") === STATE_KIND);
  return government?.pressed ?? rows[0]?.pressed ?? null;
}

/** The parts of a chain id (`pressure:presser:pressed`), or null when it is not one. */
export function chainIdParts(id: string): { pressure: string; presser: string; pressed: string } | null {
  const [pressure, presser, pressed, ...rest] = id.split(":");
  if (pressure === undefined || presser === undefined || pressed === undefined || rest.length > 0) return null;
  if (pressure === "" || presser === "" || pressed === "") return null;
  return { pressure, presser, pressed };
}

/**
 * The government to show: the one chosen, else the one pressed in the chosen chain, else the
 * default; null when none of those is an entity of the graph.
 */
export function shownGovernment(
  graph: AtlasGraph,
  state: { leverage: string | null; chain: string | null },
  fallback: string | null,
): string | null {
  const fromChain = state.chain === null ? null : (chainIdParts(state.chain)?.pressed ?? null);
  for (const id of [state.leverage, fromChain, fallback]) {
    if (id !== null && graph.hasNode(id)) return id;
  }
  return null;
}

function dependencyLine(graph: AtlasGraph, dependent: string, relation: string): DependencyLine {
  const { kind, start, end } = graph.getEdgeAttributes(relation);
  const [source, target] = graph.extremities(relation);
  const text =
    source === dependent
      ? `${relationKindLabel(kind)} ${graph.getNodeAttribute(target, "label")}`
      : `${graph.getNodeAttribute(source, "label")} ${relationKindLabel(kind)} it`;
  return { relation, text, period: formatPeriod(start, end) };
}

function relationSentence(graph: AtlasGraph, relation: string): string {
  const [source, target] = graph.extremities(relation);
  return `${graph.getNodeAttribute(source, "label")} ${relationKindLabel(graph.getEdgeAttribute(relation, "kind"))} ${graph.getNodeAttribute(target, "label")}`;
}

function tieRows(graph: AtlasGraph, chain: LeverageChain): TieRow[] {
  const label = (id: string): string => graph.getNodeAttribute(id, "label");
  // When the vendor stands on the presser's side, the dependencies on it are ties too (as the CLI says once).
  const onVendor = new Set(chain.dependents.flatMap((dependent) => dependent.dependencies));
  const rows: TieRow[] = [];
  if (chain.ties.some((tie) => tie.type === "dependency" && onVendor.has(tie.relation))) {
    rows.push({ type: "vendor", text: `The dependencies on ${label(chain.vendor)}: it stands under ${label(chain.presser)}` });
  }
  for (const tie of chain.ties) {
    if (tie.type === "bloc") {
      rows.push({
        type: "bloc",
        text:
          tie.presserMembers.length === 0 ? `${label(chain.pressed)} is a member of ${label(tie.bloc)}` : `Both are in ${label(tie.bloc)}`,
      });
    } else if (!onVendor.has(tie.relation)) {
      const { start, end } = graph.getEdgeAttributes(tie.relation);
      rows.push({ type: "dependency", text: relationSentence(graph, tie.relation), period: formatPeriod(start, end) });
    }
  }
  return rows;
}

/** A chain as the panel shows it. */
export function chainRow(graph: AtlasGraph, chain: LeverageChain): ChainRow {
  const { steps, sources } = readChain(chain);
  const pressure = graph.getEdgeAttributes(chain.pressure);
  const [actor, target] = graph.extremities(chain.pressure);
  return {
    id: chain.id,
    presser: ref(graph, chain.presser),
    pressed: ref(graph, chain.pressed),
    vendor: ref(graph, chain.vendor),
    pressure: {
      relation: chain.pressure,
      kind: pressure.kind,
      actor: ref(graph, actor),
      target: ref(graph, target),
      period: formatPeriod(pressure.start, pressure.end),
    },
    dependents: chain.dependents.map((dependent) => ({
      entity: { id: dependent.id, label: dependent.label, kind: dependent.kind },
      dependencies: dependent.dependencies.map((relation) => dependencyLine(graph, dependent.id, relation)),
    })),
    ties: tieRows(graph, chain),
    steps: steps.map((step, index) => {
      const { relation } = step;
      const locators: Record<number, string> = {};
      relation.sources.forEach((source, position) => {
        const number = step.sourceNumbers[position];
        if (source.locator !== undefined && number !== undefined) locators[number] = source.locator;
      });
      return {
        number: index + 1,
        role: step.role,
        relation: relation.id,
        kind: relation.kind,
        family: relation.family,
        source: ref(graph, relation.source),
        target: ref(graph, relation.target),
        period: formatPeriod(relation.start, relation.end),
        confidence: relation.confidence,
        claim: relation.claim,
        sources: step.sourceNumbers,
        locators,
      };
    }),
    sources: sources.map((source, index) => ({
      number: index + 1,
      title: source.title,
      publisher: source.publisher,
      ...(source.published === undefined ? {} : { published: source.published }),
      ...(isHttpUrl(source.url) ? { url: source.url } : {}),
    })),
    highlight: { nodes: [...chain.entities], edges: chain.relations.map((relation) => relation.id) },
  };
}

/** Entities depending at other dates listed per exposure line (each with its nearest dependency), nearest first. */
export const OTHER_DATES_LISTED = 3;

/** "8 months after", "3 years before", "12 days after"; "at the same dates" for 0. */
export function distanceText(daysApart: number): string {
  if (daysApart === 0) return "at the same dates";
  const days = Math.abs(daysApart);
  const amount =
    days < 60 ? plural(days, "day") : days < 730 ? plural(Math.round(days / 30.44), "month") : plural(Math.round(days / 365.25), "year");
  return `${amount} ${daysApart < 0 ? "before" : "after"}`;
}

/** Dependency kinds in the order the ontology gives them (uses equipment from first): the plainest to name when two are as near. */
const DEPENDENCY_ORDER = new Map(Object.keys(DEPENDENT_END).map((kind, order) => [kind, order]));

/** Nearer in time first; then by dependency kind, then by relation id. */
function nearer(graph: AtlasGraph, a: DistantDependency, b: DistantDependency): number {
  const order = (item: DistantDependency): number =>
    DEPENDENCY_ORDER.get(graph.getEdgeAttribute(item.relation, "kind")) ?? DEPENDENCY_ORDER.size;
  return (
    Math.abs(a.daysApart) - Math.abs(b.daysApart) || order(a) - order(b) || (a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : 0)
  );
}

function distantLine(graph: AtlasGraph, distant: DistantDependency): DistantLine {
  const line = dependencyLine(graph, distant.dependent, distant.relation);
  return {
    entity: ref(graph, distant.dependent),
    relation: distant.relation,
    text: line.text,
    period: line.period,
    distance: distanceText(distant.daysApart),
  };
}

/**
 * The exposure rows of a view as lines. Rows without dependents in their dates get the nearest
 * dependencies at other dates, so that "nothing depends on it" is said only when it is true.
 */
function exposureLines(
  graph: AtlasGraph,
  context: LeverageContext,
  rows: readonly ExposureRow[],
  options: LeverageOptions,
): ExposureLine[] {
  const cases = pressureCases(context, options);
  const refs = (ids: readonly string[]): EntityRef[] => ids.map((id) => ref(graph, id));
  return rows.map((row) => {
    const rowCases = cases.filter((item) => item.pressed === row.pressed && item.vendor === row.vendor);
    const periods = [...new Set(rowCases.map((item) => formatPeriod(item.window.from, item.window.to)))];
    const judgedIn =
      options.at !== undefined
        ? formatMonth(options.at)
        : periods.length === 1
          ? `the pressure's dates (${periods[0]})`
          : `the dates of its ${periods.length} pressures`;
    // Per dependent entity, its nearest dependency (the plainest kind first when as near).
    const nearest = new Map<string, DistantDependency>();
    if (row.carriers.length + row.others.length === 0) {
      for (const item of rowCases) {
        for (const distant of dependenciesAtOtherDates(context, item)) {
          const known = nearest.get(distant.dependent);
          if (!known || nearer(graph, distant, known) < 0) nearest.set(distant.dependent, distant);
        }
      }
    }
    const atOtherDates = [...nearest.values()]
      .sort((a, b) => nearer(graph, a, b))
      .slice(0, OTHER_DATES_LISTED)
      .map((distant) => distantLine(graph, distant));
    return {
      vendor: ref(graph, row.vendor),
      score: row.score,
      carriers: refs(row.carriers),
      others: refs(row.others),
      pressers: refs(row.pressers),
      pressures: row.pressures.length,
      judgedIn,
      atOtherDates,
    };
  });
}

/** "in November 2019", or "at any date" when every date is shown. */
export function whenText(at: string | null): string {
  return at === null ? "at any date" : `in ${formatMonth(at)}`;
}

/** Names listed per group in an exposure line; the rest are counted ("and 98 more"): a generated graph can have hundreds. */
export const EXPOSURE_NAMES_LISTED = 8;

function names(refs: readonly EntityRef[]): string {
  const listed = refs.slice(0, EXPOSURE_NAMES_LISTED).map((item) => item.label);
  const more = refs.length - listed.length;
  return more > 0 ? `${listed.join(", ")} and ${more} more` : listed.join(", ");
}

/**
 * One line of exposure, after the vendor's name: "3 dependent carriers (Bell Canada, Rogers,
 * Telus); 2 pressures by Government of X". With no dependent in the dates judged, it says so and
 * names the nearest dependencies at other dates; "nothing under it depends on it" only when none is recorded at any date.
 */
export function exposureText(line: ExposureLine): string {
  const distant = line.atOtherDates.map((item) => `${item.entity.label} ${item.text} (${item.period}, ${item.distance})`);
  const dependents =
    line.carriers.length + line.others.length === 0
      ? distant.length === 0
        ? "nothing under it depends on it"
        : `nothing under it depends on it in ${line.judgedIn}; at other dates: ${distant.join(", ")}`
      : [
          line.carriers.length > 0 ? `${plural(line.carriers.length, `dependent ${NETWORK_KIND}`)} (${names(line.carriers)})` : null,
          line.others.length > 0 ? `${plural(line.others.length, "other dependent")} (${names(line.others)})` : null,
        ]
          .filter((part): part is string => part !== null)
          .join(", ");
  return `${dependents}; ${plural(line.pressures, "pressure")} by ${names(line.pressers)}`;
}

/** Why there is no chain: said plainly, and when dependencies exist at other dates, that they do. */
function emptyText(shown: EntityRef, at: string | null, lines: readonly ExposureLine[]): string {
  const none = `No leverage chains for ${shown.label} ${whenText(at)}`;
  const elsewhere = lines
    .filter((line) => line.atOtherDates.length > 0)
    .map((line) => `what depends on ${line.vendor.label} under it is dated outside ${line.judgedIn}`);
  return elsewhere.length === 0 ? `${none}.` : `${none}: ${elsewhere.join("; ")}. The nearest in time are listed under Exposure.`;
}

/**
 * What the panel shows for a government at a month (null: every date), with a chain chosen or
 * not. Reuse one `context` per graph: the time control calls this at every step.
 */
export function leverageView(
  graph: AtlasGraph,
  context: LeverageContext,
  options: { government: string | null; at: string | null; chain: string | null },
): LeverageView {
  const { government, at, chain } = options;
  if (government === null || !graph.hasNode(government)) {
    return {
      government: null,
      at,
      chains: [],
      exposure: [],
      otherSubjects: [],
      empty: "No pressure in this dataset names what it is about, so there is no leverage to show.",
      chosen: null,
    };
  }
  const analysis: LeverageOptions = { target: government, ...(at === null ? {} : { at }) };
  const chains = leverageChains(graph, analysis, context).map((item) => chainRow(graph, item));
  const shown = ref(graph, government);
  const rows = exposure(graph, analysis, context);
  // A person or a legal case is pressed about, but nothing depends on it: listed apart from exposure.
  const supplies = (row: ExposureRow): boolean =>
    graph.getNodeAttribute(row.vendor, "kind") === "vendor" || isDependedOn(context, row.vendor);
  const lines = exposureLines(graph, context, rows.filter(supplies), analysis);
  const otherSubjects = rows
    .filter((row) => !supplies(row))
    .map((row) => ({
      subject: ref(graph, row.vendor),
      pressers: row.pressers.map((id) => ref(graph, id)),
      pressures: row.pressures.length,
    }));
  return {
    government: shown,
    at,
    chains,
    exposure: lines,
    otherSubjects,
    empty: chains.length === 0 ? emptyText(shown, at, lines) : null,
    chosen: chain === null ? null : (chains.find((row) => row.id === chain) ?? null),
  };
}
