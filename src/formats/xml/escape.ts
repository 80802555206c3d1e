/**
 * XML 1.0 escaping for the streaming GEXF writer.
 * Hand-written because the writer builds strings directly (see gexf/write.ts for why it streams);
 * one precompiled regex per context keeps escaping a single native scan in the common case.
 */

/**
 * Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other
 * than tab, newline and carriage return, the noncharacters U+FFFE and U+FFFF, and unpaired surrogates.
 */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids include C0 controls
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What an XML reader cannot show instead of an invalid character. */
export const REPLACEMENT_CHARACTER = "\ufffd";

export function hasInvalidXmlCharacters(value: string): boolean {
  return INVALID_XML.test(value);
}

/**
 * Attribute values: markup characters as entities; tab, newline and carriage return as character
 * references, because a parser normalizes literal ones in attribute values to spaces (XML 1.0, 3.3.3);
 * likewise U+0085, U+2028 and U+2029, which XML 1.1-minded parsers (xmldom among them) treat as line ends.
 */
const ATTRIBUTE_SPECIAL = new RegExp(`[&<>"\\t\\n\\r\\u0085\\u2028\\u2029]|${INVALID_XML.source}`, "g");
const ATTRIBUTE_SPECIAL_TEST = new RegExp(ATTRIBUTE_SPECIAL.source);
/** Text content: markup characters, and the line ends a parser would turn into a newline (XML 1.0, 2.11). */
const TEXT_SPECIAL = new RegExp(`[&<>\\r\\u0085\\u2028\\u2029]|${INVALID_XML.source}`, "g");
const TEXT_SPECIAL_TEST = new RegExp(TEXT_SPECIAL.source);

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
  "\u0085": "&#133;",
  "\u2028": "&#8232;",
  "\u2029": "&#8233;",
};

function replace(character: string): string {
  return ENTITIES[character] ?? REPLACEMENT_CHARACTER;
}

/** Escapes a string for a double-quoted attribute value; invalid characters become U+FFFD. */
export function escapeAttribute(value: string): string {
  return ATTRIBUTE_SPECIAL_TEST.test(value) ? value.replace(ATTRIBUTE_SPECIAL, replace) : value;
}

/** Escapes a string for element text content; invalid characters become U+FFFD. */
export function escapeText(value: string): string {
  return TEXT_SPECIAL_TEST.test(value) ? value.replace(TEXT_SPECIAL, replace) : value;
}

const JSON_UNSAFE_FOR_XML = /[\ufffe\uffff]/g;

/**
 * JSON that XML can carry verbatim as text: JSON.stringify already escapes controls and unpaired
 * surrogates; the two noncharacters are escaped here, so JSON.parse restores every character.
 */
export function xmlSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE_FOR_XML, (character) => `\\u${character.charCodeAt(0).toString(16)}`);
}
