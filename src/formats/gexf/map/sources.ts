/**
 * Sources and evidence. An export's sources come from its record; in other files, an edge's aligned lists of
 * source ids, URLs and locators become evidence: a source the record does not hold is rebuilt from its id and
 * URL (under an id of the dataset's format, shared by every edge citing it), whatever cannot become evidence
 * is kept as a line, and a relation that cites nothing cites one source standing for the file.
 */
import type { XmlElement } from "../../xml/tree.ts";
import { slugify } from "../../../model/text.ts";
import { ID_MAX_LENGTH, TEXT_LIMITS, type Evidence, type Source } from "../../../model/schema.ts";
import type { AtlasRecord } from "../profile.ts";
import type { MappingState } from "./state.ts";
import { basename, usableUrl } from "./text.ts";

/** Where the source standing for a file points when the caller gives no URL. */
export const PLACEHOLDER_HOST = "https://leverage-atlas.invalid/import/";

/** An export's sources, as its record holds them: their ids are taken first. */
export function adoptRecordSources(state: MappingState, record: AtlasRecord): void {
  for (const item of record.sources) state.ids.reserve(item.id);
  for (const item of record.sources) state.sources.set(item.id, item);
  for (const id of state.sources.keys()) state.recordSourceIds.add(id);
}

/** The source standing for the file, made when a relation first needs it. */
function placeholderSource(state: MappingState): Source {
  if (state.placeholder) return state.placeholder;
  const { file, options, formatName } = state;
  const format = formatName.toLowerCase();
  const id = state.ids.allocate(`import-${slugify(basename(file), ID_MAX_LENGTH - 10) || format}`, "source");
  const placeholder: Source = {
    id,
    url: options.sourceUrl ?? `${PLACEHOLDER_HOST}${encodeURIComponent(basename(file) || format)}`,
    // A creator that is blank, or only characters the dataset refuses (a bidi override), names no publisher.
    publisher:
      state
        .clean(state.metaText("creator") ?? "", false)
        .trim()
        .slice(0, TEXT_LIMITS.name)
        .trim() || `unknown (${formatName} file)`,
    title: state.clean(`${formatName} file ${file.replace(/^.*[\\/]/, "")}`, false).slice(0, TEXT_LIMITS.text),
  };
  if (state.fileDate) placeholder.published = state.fileDate;
  state.placeholder = placeholder;
  state.sources.set(id, placeholder);
  return placeholder;
}

/** An edge's aligned lists of cited source ids, their URLs and locators. */
export interface Citations {
  sourceIds: readonly string[];
  urls: readonly string[];
  locators: readonly string[];
}

/** A source rebuilt from a cited id and an http(s) URL, under an id of the dataset's format; undefined without both. */
function rebuiltSource(state: MappingState, sourceId: string, url: string): string | undefined {
  if (sourceId === "" || !usableUrl(url)) return undefined;
  const id = state.ids.allocate(sourceId, "source");
  state.rebuiltSourceIdOf.set(sourceId, id);
  state.sources.set(id, { id, url, publisher: new URL(url).hostname, title: url.slice(0, TEXT_LIMITS.text) });
  state.warnings.add("sourceRebuilt", id === sourceId ? sourceId : `${sourceId} -> ${id}`);
  return id;
}

/**
 * An edge's evidence (see the module comment); what cannot be evidence goes to `lines`. `example` names the
 * edge in warnings, `what` in errors.
 */
export function edgeEvidence(
  state: MappingState,
  citations: Citations,
  lines: string[],
  edge: { element: XmlElement; what: () => string; example: string },
): Evidence[] {
  const { sourceIds, urls, locators } = citations;
  const evidence: Evidence[] = [];
  for (let index = 0; index < Math.max(sourceIds.length, urls.length, locators.length); index += 1) {
    const sourceId = (sourceIds[index] ?? "").trim();
    const url = (urls[index] ?? "").trim();
    const locator = state.clean(locators[index] ?? "", false);
    // The record's source, one rebuilt for an earlier edge (a URL other than its own is kept), or one rebuilt now.
    let id = state.recordSourceIds.has(sourceId) ? sourceId : state.rebuiltSourceIdOf.get(sourceId);
    if (id === undefined) id = rebuiltSource(state, sourceId, url);
    else if (url !== "" && url !== state.sources.get(id)?.url) lines.push(`source_url: ${url}`);
    if (id === undefined) {
      const kept = [sourceId, url, locator].filter((part) => part.trim() !== "");
      if (kept.length > 0) {
        state.warnings.add("sourceMissing", sourceId || url);
        lines.push(`source: ${kept.join(", ")}`);
      }
      continue;
    }
    if (state.textTooLong(edge.what, "a locator", locator, TEXT_LIMITS.text, edge.element)) continue;
    evidence.push(locator.trim() === "" ? { source: id } : { source: id, locator });
  }
  if (evidence.length === 0) {
    evidence.push({ source: placeholderSource(state).id });
    state.warnings.add("noEvidence", edge.example);
  }
  return evidence;
}
