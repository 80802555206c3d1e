/**
 * A GEXF file's bytes -> text, strictly, in node and the browser alike (TextDecoder): in the encoding a
 * byte-order mark or UTF-16's "<?" says (XML 1.0 appendix F), else the one the XML declaration names (UTF-8
 * when none). Bytes that are not valid in that encoding are an error located by byte offset, line and
 * column, never silently replaced. (JSON datasets: src/load/decode.ts.)
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string; line?: number; column?: number };

function encodingOf(bytes: Uint8Array): string {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return "utf-8";
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00 && b2 === 0x3f && b3 === 0x00)) return "utf-16le";
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c && b2 === 0x00 && b3 === 0x3f)) return "utf-16be";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  return /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? "utf-8";
}

/** Where a strict decoder first fails: the shortest refused prefix (bisection; a prefix cut inside a character is not refused when streaming). */
function firstBadByte(bytes: Uint8Array, encoding: string): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      good = middle;
    } catch {
      bad = middle;
    }
  }
  return bad - 1;
}

/** The file's text, or why it cannot be read (with the place of the first bad byte). */
export function decodeXmlBytes(bytes: Uint8Array): DecodeResult {
  const encoding = encodingOf(bytes);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return {
      ok: false,
      message: `the XML declaration names an unknown encoding ${JSON.stringify(encoding.slice(0, 60))}`,
      line: 1,
      column: 1,
    };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const offset = firstBadByte(bytes, encoding);
    const before = new TextDecoder(encoding).decode(bytes.subarray(0, offset), { stream: true });
    const name = decoder.encoding.toUpperCase();
    return {
      ok: false,
      message: `the file is not valid ${name} (first bad byte at offset ${offset}); save it as ${name}`,
      line: before.split("\n").length,
      column: before.length - before.lastIndexOf("\n"),
    };
  }
}
