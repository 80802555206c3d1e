/**
 * Likely duplicates of a record being typed: an entity with the same or a nearly same name or alias, a source
 * with the same URL (ignoring the scheme, "www." and a trailing slash) or the same title. A linear scan of
 * normalised keys: well under a millisecond per thousand records.
 */
import { distance } from "fastest-levenshtein";
import { normalizeForSearch } from "../model/search.ts";
import type { RecordIndex } from "./records.ts";

export interface Duplicate {
  id: string;
  label: string;
  why: string;
}

const LIMIT = 5;

/** Names closer than this (edits per character) are "similar": catches typos and small spelling variants. */
function similar(a: string, b: string): boolean {
  if (a === b) return true;
  const longest = Math.max(a.length, b.length);
  return longest >= 5 && Math.abs(a.length - b.length) <= 2 && distance(a, b) <= Math.floor(longest / 6);
}

export function likelyDuplicateEntities(index: RecordIndex, names: readonly string[], except: string | null): Duplicate[] {
  const wanted = names.map(normalizeForSearch).filter((name) => name.length > 0);
  if (wanted.length === 0) return [];
  const found: Duplicate[] = [];
  for (const { record } of index.entities.values()) {
    if (record.id === except) continue;
    const theirs = [record.name, ...(record.aliases ?? [])];
    for (const name of theirs) {
      const key = normalizeForSearch(name);
      const hit = wanted.find((mine) => similar(mine, key));
      if (hit === undefined) continue;
      found.push({ id: record.id, label: record.name, why: hit === key ? `same name: ${name}` : `similar name: ${name}` });
      break;
    }
    if (found.length >= LIMIT) break;
  }
  return found;
}

/** A URL reduced to what tells two pages apart. */
export function urlKey(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/[/#?]+$/, "");
}

export function likelyDuplicateSources(index: RecordIndex, url: string, title: string, except: string | null): Duplicate[] {
  const wantedUrl = url.trim() === "" ? null : urlKey(url);
  const wantedTitle = normalizeForSearch(title);
  const found: Duplicate[] = [];
  for (const { record } of index.sources.values()) {
    if (record.id === except) continue;
    if (wantedUrl !== null && urlKey(record.url) === wantedUrl) found.push({ id: record.id, label: record.title, why: "same URL" });
    else if (wantedTitle.length > 0 && normalizeForSearch(record.title) === wantedTitle) found.push({ id: record.id, label: record.title, why: "same title" });
    if (found.length >= LIMIT) break;
  }
  return found;
}

/** Sources matching a query in their title, publisher or URL, best first (title prefix before any match). */
export function searchSources(index: RecordIndex, query: string, limit = 8): { id: string; label: string; detail: string }[] {
  const wanted = normalizeForSearch(query);
  if (wanted === "") return [];
  const hits: { id: string; label: string; detail: string; rank: number }[] = [];
  for (const { record } of index.sources.values()) {
    const title = normalizeForSearch(record.title);
    const rank = title.startsWith(wanted)
      ? 0
      : title.includes(wanted)
        ? 1
        : normalizeForSearch(record.publisher).includes(wanted) || record.url.toLowerCase().includes(query.trim().toLowerCase()) || record.id.includes(wanted)
          ? 2
          : -1;
    if (rank >= 0) hits.push({ id: record.id, label: record.title, detail: `${record.publisher}${record.published ? `, ${record.published}` : ""}`, rank });
  }
  hits.sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, "en"));
  return hits.slice(0, limit).map(({ id, label, detail }) => ({ id, label, detail }));
}
