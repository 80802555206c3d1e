/**
 * REFERENCE COPY, for differential tests only: src/export/xml-tree.ts as it was at commit bfe4c8e, before the streaming reader (the whole
 * element tree first, then the mapping), verbatim but for import paths.
 * test/export/gexf-read-differential.test.ts checks that the streaming reader answers exactly as this did.
 * FROZEN: do not fix, tidy or update it to follow the reader. Only if the reader's answers change on purpose,
 * change this copy the same way in the same commit, so the differential test keeps proving nothing else changed.
 */
/**
 * A small element tree over saxes, for the GEXF reader. saxes is a strict, non-validating XML parser that
 * runs unchanged in node and the browser, checks well-formedness (characters included), reports line and
 * column, never reads external entities and does not expand entities declared in a DTD. It was chosen
 * over a DOM (@xmldom/xmldom, tried first) because that one parsed about 1-2 MB/s here against about
 * 12 MB/s for saxes; the tree keeps only what the reader needs: names, attributes, children, text, place.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";

export interface XmlElement {
  /** Name without prefix. */
  localName: string;
  /** Qualified name as written. */
  tagName: string;
  /** Namespace URI ("" for none). */
  namespace: string;
  /** Unprefixed attributes by name. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element (CDATA included). */
  text: string;
  line: number;
  column: number;
}

export interface XmlTreeError {
  message: string;
  line: number;
  column: number;
  /**
   * "syntax": the text is not well-formed XML; "doctype": it has a DOCTYPE declaration (refused before
   * anything it declares is used); "depth": elements nest deeper than MAX_XML_DEPTH.
   */
  kind: "syntax" | "doctype" | "depth";
}

export type XmlTreeResult = { root: XmlElement; error?: undefined } | { root?: undefined; error: XmlTreeError };

/**
 * The deepest element nesting read. saxes resolves namespaces by walking up the open elements, so a
 * document nested n deep takes time in n squared (100,000 levels: minutes); GEXF itself nests about 6
 * deep plus a level or two per node hierarchy level. libxml2 has a similar default limit (256).
 */
export const MAX_XML_DEPTH = 1_000;

class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    readonly kind: XmlTreeError["kind"] = "syntax",
  ) {
    super(message);
  }
}

/** An element name as quoted in a message: names may be megabytes long. */
function shown(name: string): string {
  return name.length > 60 ? `${name.slice(0, 60)}…` : name;
}

/** Parses a whole document; the first well-formedness error stops it. */
export function parseXmlTree(text: string): XmlTreeResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let lastClosed: XmlElement | undefined;
  parser.on("error", (error) => {
    // Bounded: saxes quotes names from the text, which may be megabytes long.
    let message = error.message.replace(/^\d+:\d+:\s*/, "");
    if (message.length > 200) message = `${message.slice(0, 200)}…`;
    if (message === "malformed character entity.")
      message =
        "malformed character reference, or one to a character XML 1.0 does not allow (a control character other than tab and line breaks)";
    if (message === "disallowed character.")
      message = "a character XML 1.0 does not allow here (a control character other than tab and line breaks, or U+FFFE/U+FFFF)";
    if (message === "undefined entity.")
      message =
        "undefined entity: XML defines only &amp; &lt; &gt; &quot; &apos; (for others, such as HTML's &nbsp;, write a numeric reference like &#160;)";
    if (message === "unexpected close tag." && lastClosed)
      message = `a close tag comes while <${shown(lastClosed.tagName)}> (line ${lastClosed.line}) is still open`;
    const open = stack[stack.length - 1];
    if (message.startsWith("unclosed tag") && open)
      message = `the file ends while <${shown(open.tagName)}> (line ${open.line}) is still open: is it cut short?`;
    // saxes counts the characters read on the line: 0 right after a line break, which is the line's start.
    throw new XmlSyntaxError(message, parser.line, Math.max(1, parser.column));
  });
  // A DOCTYPE is refused wherever it stands in the prolog (after comments too), located at its "<!DOCTYPE":
  // saxes reports the position after its closing ">".
  parser.on("doctype", () => {
    const start = Math.max(0, text.lastIndexOf("<!DOCTYPE", parser.position));
    const before = text.slice(0, start);
    throw new XmlSyntaxError("the file has a DOCTYPE declaration", before.split("\n").length, start - before.lastIndexOf("\n"), "doctype");
  });
  parser.on("text", (value) => {
    const current = stack[stack.length - 1];
    if (current) current.text += value;
  });
  parser.on("cdata", (value) => {
    const current = stack[stack.length - 1];
    if (current) current.text += value;
  });
  /**
   * Where the open tag just read starts: saxes reports the position after it, and a tag holds no "<" of its
   * own (attribute values cannot), so it starts at the last "<" before that position. Lines are counted as
   * the text is read (tags come in order), so locating every tag costs one pass over the text.
   */
  let scanned = 0;
  let lineNumber = 1;
  let lineStart = 0;
  const tagStart = (): { line: number; column: number } => {
    const start = text.lastIndexOf("<", parser.position - 1);
    for (; scanned < start; scanned += 1) {
      const code = text.charCodeAt(scanned);
      if (code === 10 || (code === 13 && text.charCodeAt(scanned + 1) !== 10)) {
        lineNumber += 1;
        lineStart = scanned + 1;
      }
    }
    return { line: lineNumber, column: start - lineStart + 1 };
  };
  parser.on("opentag", (tag: SaxesTagNS) => {
    const { line, column } = tagStart();
    if (stack.length >= MAX_XML_DEPTH) {
      throw new XmlSyntaxError(
        `elements are nested more than ${MAX_XML_DEPTH.toLocaleString("en")} levels deep here; GEXF needs a few levels, and deeper nesting is refused so that reading stays fast`,
        line,
        column,
        "depth",
      );
    }
    // No prototype: an attribute named __proto__ or constructor is data like any other.
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const attribute of Object.values(tag.attributes)) {
      if (attribute.prefix === "") attributes[attribute.local] = attribute.value;
    }
    const element: XmlElement = {
      localName: tag.local,
      tagName: tag.name,
      namespace: tag.uri,
      attributes,
      children: [],
      text: "",
      line,
      column,
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root = element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) lastClosed = stack.pop();
  });
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      return { error: { message: error.message, line: error.line, column: error.column, kind: error.kind } };
    throw error;
  }
  if (!root) return { error: { message: "no root element", line: 1, column: 1, kind: "syntax" } };
  return { root };
}
