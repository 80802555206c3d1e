/**
 * Entity search: names and aliases, case- and accent-insensitive, ranked. The index is built once
 * per graph; a query scans it linearly (a few milliseconds at 50k entities), which keeps ranking
 * simple and exact. Hand-written because no maintained library ranks "exact > prefix > word prefix >
 * substring" over names and aliases with Unicode folding as this explorer needs.
 */
import type { EntityKind } from "../../model/ontology.ts";

/** Folds case, accents, compatibility forms and apostrophes; other punctuation becomes a space. */
export function normalizeForSearch(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface SearchEntry {
  id: string;
  label: string;
  kind: EntityKind;
  aliases: readonly string[];
}

interface IndexedEntry {
  entry: SearchEntry;
  /** Normalized label first, then normalized aliases. */
  keys: string[];
}

export interface SearchIndex {
  readonly entries: readonly IndexedEntry[];
}

export interface SearchHit {
  id: string;
  label: string;
  kind: EntityKind;
  /** The alias that matched, when the label itself did not match as well. */
  alias?: string;
}

export function buildSearchIndex(entries: Iterable<SearchEntry>): SearchIndex {
  const indexed: IndexedEntry[] = [];
  for (const entry of entries) {
    indexed.push({ entry, keys: [entry.label, ...entry.aliases].map(normalizeForSearch) });
  }
  return { entries: indexed };
}

/** 0 exact, 1 prefix, 2 word prefix, 3 substring, -1 no match. */
function matchRank(key: string, query: string): number {
  if (key === query) return 0;
  if (key.startsWith(query)) return 1;
  if (key.includes(` ${query}`)) return 2;
  if (key.includes(query)) return 3;
  return -1;
}

/** The best matches for a query, best first; an empty query matches nothing. */
export function searchEntities(index: SearchIndex, query: string, limit = 8): SearchHit[] {
  const normalized = normalizeForSearch(query);
  if (normalized === "") return [];
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const { entry, keys } of index.entries) {
    let best = -1;
    let bestKey = -1;
    keys.forEach((key, position) => {
      const rank = matchRank(key, normalized);
      // The label (position 0) wins ties against aliases.
      if (rank >= 0 && (best < 0 || rank < best)) {
        best = rank;
        bestKey = position;
      }
    });
    if (best < 0) continue;
    const hit: SearchHit = { id: entry.id, label: entry.label, kind: entry.kind };
    if (bestKey > 0) hit.alias = entry.aliases[bestKey - 1];
    scored.push({ hit, score: best * 2 + (bestKey > 0 ? 1 : 0) });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.hit.label.length - b.hit.label.length ||
      a.hit.label.localeCompare(b.hit.label, "en") ||
      a.hit.id.localeCompare(b.hit.id),
  );
  return scored.slice(0, limit).map(({ hit }) => hit);
}
