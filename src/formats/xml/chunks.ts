/** Joins many small strings into chunks of about this many characters before handing them on. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * How the XML writers emit a big file: many small writes gathered into chunks of about CHUNK_CHARACTERS for
 * `onChunk` (a file is never one string), and `flush` hands on what is left at the end.
 */
export function chunkedText(onChunk: (chunk: string) => void): { write: (text: string) => void; flush: () => void } {
  let buffer = "";
  return {
    write: (text) => {
      buffer += text;
      if (buffer.length >= CHUNK_CHARACTERS) {
        onChunk(buffer);
        buffer = "";
      }
    },
    flush: () => {
      if (buffer.length > 0) onChunk(buffer);
      buffer = "";
    },
  };
}
