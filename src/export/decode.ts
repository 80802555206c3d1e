/**
 * A GEXF file's bytes -> text, strictly, in node and the browser alike (TextDecoder), in the encoding its
 * XML declaration names (UTF-8 when none). Bytes that are not valid in that encoding are an error, never
 * silently replaced. (JSON datasets: src/load/decode.ts.)
 */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

function decodeStrictly(bytes: Uint8Array, encoding: string): DecodeResult {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    return { ok: false, message: `the XML declaration names an unknown encoding "${encoding}"` };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: `the file is not valid ${encoding} text` };
  }
}

/** The XML declaration's encoding (UTF-8 when none), decoded strictly. */
export function decodeXmlBytes(bytes: Uint8Array): DecodeResult {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^(?:\ufeff|\u00ef\u00bb\u00bf)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? "utf-8";
  return decodeStrictly(bytes, declared);
}
