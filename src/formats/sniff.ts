/** Telling formats apart by their first bytes, when a file's name does not say (a download without an extension). */

/** The first character after a UTF-8 byte order mark and whitespace, or "" when there is none (ASCII only: enough for { and <). */
export function firstCharacter(bytes: Uint8Array): string {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i += 1;
  const byte = bytes[i];
  return byte === undefined || byte > 0x7f ? "" : String.fromCharCode(byte);
}

/** Where the first character after a byte order mark and whitespace stands (line and column from 1), for messages about how a file starts. */
export function firstCharacterPlace(bytes: Uint8Array): { line: number; column: number } {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let line = 1;
  let column = 1;
  for (; i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d); i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      column = 1;
    } else if (bytes[i] !== 0x0d) column += 1;
  }
  return { line, column };
}

/** How many bytes sniffing looks at: a root element follows at most a declaration and a few comments. */
const SNIFF_BYTES = 4096;

/** Whether the pattern occurs within the first bytes (read as Latin-1: markup is ASCII in the encodings that matter). */
export function startsWithin(bytes: Uint8Array, pattern: RegExp): boolean {
  return pattern.test(new TextDecoder("latin1").decode(bytes.subarray(0, SNIFF_BYTES)));
}
