/**
 * The pure parts of `atlas publish`: the --base it accepts, the published index.html (its title), the marker
 * that tells a previous publish from any other folder, and where the site must not go.
 */
import path from "node:path";
import { escapeAttribute, escapeText } from "../../formats/xml/escape.ts";
import { CliError, EXIT } from "../io.ts";

/** The base of a site that works under any path: vite then writes every address relative to the page. */
export const RELATIVE_BASE = "./";

/** The file a published site keeps beside index.html: what made it (and that it may be replaced by the next publish). */
export const PUBLISH_MARKER = ".leverage-atlas-publish.json";
export const PUBLISH_MARKER_FORMAT = "leverage-atlas/published-site";

/** The page meta that names the dataset bundle (scripts/dataset-bundle-plugin.ts) and the one that keeps --title. */
const DATASET_META = /<meta\b[^>]*\bname="leverage-atlas-dataset"[^>]*\bcontent="([^"]*)"[^>]*>/;
export const TITLE_META_NAME = "leverage-atlas-title";
const TITLE_ELEMENT = /<title>[^<]*<\/title>/;

/** Path characters a base may hold: it goes into the page's addresses as is (no escaping, no query, no fragment). */
const BASE_PATH = /^\/(?:[A-Za-z0-9._~!$&'()*+,;=:@%-]+\/)*$/;

/**
 * --base as vite takes it: "./" (the default: the site works under any path) or an absolute path such as
 * /atlas/ (a trailing "/" is added), for hosts that serve the site at a fixed sub-path.
 */
export function publishBase(text: string | undefined): string {
  if (text === undefined || text === "" || text === "." || text === RELATIVE_BASE) return RELATIVE_BASE;
  const base = text.endsWith("/") ? text : `${text}/`;
  if (!BASE_PATH.test(base) || base.split("/").some((part) => part === "." || part === ".."))
    throw new CliError(
      `--base must be a path from the site's host such as /atlas/ (letters, digits and - . _ ~ between slashes), got "${text}"`,
      EXIT.usage,
    );
  return base;
}

/** The bundle file the built page's dataset meta names (relative to the page, so the site works under any base). */
export function bundleFileOf(html: string): string {
  const name = DATASET_META.exec(html)?.[1];
  if (name === undefined || !/^[A-Za-z0-9._-]+\.json$/.test(name))
    throw new CliError("the explorer build has no usable dataset meta (not built with this package's vite.config.ts)", EXIT.internal);
  return name;
}

/**
 * The built index.html with the site's title: in <title> and in a meta the page reads (it would otherwise name
 * the page after the dataset once it loads). Everything else (the Content-Security-Policy, the dataset meta)
 * stays as built. The title is escaped: it is text, never markup.
 */
export function publishedIndexHtml(html: string, title: string): string {
  if (!TITLE_ELEMENT.test(html)) throw new CliError("the explorer build's index.html has no <title>", EXIT.internal);
  const meta = `<meta name="${TITLE_META_NAME}" content="${escapeAttribute(title)}">`;
  return html.replace(TITLE_ELEMENT, () => `<title>${escapeText(title)}</title>\n    ${meta}`);
}

export interface PublishMarker {
  format: typeof PUBLISH_MARKER_FORMAT;
  version: 1;
  /** The dataset's name, the page's title, the base the site was built for, its bundle file. */
  dataset: string;
  title: string;
  base: string;
  bundle: string;
  /** The bundle's digest (bundleDigest), what made the site, and when. */
  digest: string;
  by: string;
  at: string;
}

/** True when a marker file's text says a publish made the folder. */
export function isPublishMarker(text: string): boolean {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === "object" && value !== null && (value as { format?: unknown }).format === PUBLISH_MARKER_FORMAT;
  } catch {
    return false;
  }
}

/** True when `inner` is `outer` or below it (both absolute). */
function within(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === "" || (!relative.startsWith(`..${path.sep}`) && relative !== ".." && !path.isAbsolute(relative));
}

/**
 * Why the site cannot go to `out` whatever --force says, or null: replacing it would delete the dataset or the
 * folder the command runs in, and a site inside the dataset folder would become part of it (its bundle is JSON).
 */
export function forbiddenOut(out: string, dataset: string, cwd: string): string | null {
  if (within(dataset, out)) return `--out ${out} holds the dataset folder; publishing there would replace the dataset`;
  if (within(out, dataset)) return `--out ${out} is inside the dataset folder; its files would be read as dataset files`;
  if (within(cwd, out)) return `--out ${out} holds the current folder; choose a folder for the site alone, such as site/`;
  return null;
}
