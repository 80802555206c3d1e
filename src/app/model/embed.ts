/**
 * Embedding the explorer in another page: the `<iframe>` snippet "Copy embed code" gives. The address and the
 * title come from the page and the dataset (untrusted), so both are escaped as attribute values.
 */
import { escapeAttribute } from "../../formats/xml/escape.ts";

/** The frame's height in the snippet: room for the graph, its key and an entity's details. */
export const EMBED_HEIGHT_PX = 520;

/** An `<iframe>` showing the page at `src` (an http(s) address of the embedded view), titled for screen readers. */
export function embedSnippet(src: string, title: string): string {
  const attributes = [
    `src="${escapeAttribute(src)}"`,
    `title="${escapeAttribute(title)}"`,
    'width="100%"',
    `height="${String(EMBED_HEIGHT_PX)}"`,
    'style="border: 1px solid #d0d7de; border-radius: 6px"',
    'loading="lazy"',
    'referrerpolicy="no-referrer"',
  ];
  return `<iframe ${attributes.join(" ")}></iframe>`;
}
