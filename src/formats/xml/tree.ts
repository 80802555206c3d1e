/**
 * XML reading for the GEXF reader: elements as saxes reads them, in document order, handed to a visitor as
 * they open and close, each with its name, attributes, place, children read so far and text. saxes is a
 * strict, non-validating XML parser that runs unchanged in node and the browser, checks well-formedness
 * (characters included), reports line and column, never reads external entities and does not expand
 * entities declared in a DTD. It was chosen over a DOM (@xmldom/xmldom, tried first) because that one parsed
 * about 1-2 MB/s here against about 60 MB/s for saxes.
 *
 * Elements are linked into their parent as they open, so `parseXmlTree` (no visitor) gives the whole tree;
 * a visitor that is done with an element when it closes may unlink it (the GEXF reader maps each node and
 * edge as it closes and drops it), so a big file never has to be held as a tree: the garbage collector
 * would walk that ever-growing tree again and again (GEXF of 100k nodes and 300k edges: 4 million elements).
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
  /** Text directly inside the element (CDATA included); "" when the visitor did not ask for it. */
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

/** What a reader does with elements as they are read. Anything it throws stops reading and is thrown on. */
export interface XmlVisitor {
  /**
   * An element's open tag was read: attributes and place are known, children not yet. `index` is its place
   * among its parent's children (counting those a visitor unlinked), `depth` 0 for the root. Returns whether
   * to collect the element's direct text (collecting the whitespace between 300,000 edges is wasted work).
   */
  open(element: XmlElement, parent: XmlElement | undefined, index: number, depth: number): boolean;
  /** The element closed: its children and text are complete. It is still its parent's last child. */
  close(element: XmlElement, parent: XmlElement | undefined): void;
}

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

const KEEP_EVERYTHING: XmlVisitor = { open: () => true, close: () => undefined };

/** Parses a whole document into a tree; the first well-formedness error stops it. */
export function parseXmlTree(text: string): XmlTreeResult {
  return readXml(text, KEEP_EVERYTHING);
}

/**
 * Reads a whole document, handing each element to the visitor; the first well-formedness error stops it.
 * The result's root holds what the visitor left linked.
 */
export function readXml(text: string, visitor: XmlVisitor): XmlTreeResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  /** Per open element: whether its text is collected, and how many children it has had. */
  const keepsText: boolean[] = [];
  const childCounts: number[] = [];
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
  const addText = (value: string): void => {
    const top = stack.length - 1;
    const current = stack[top];
    if (current && keepsText[top]) current.text += value;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  /**
   * Where the open tag just read starts: saxes reports the position after it, and a tag holds no "<" of its
   * own (attribute values cannot), so it starts at the last "<" before that position. Lines are counted as
   * the text is read (tags come in order), so locating every tag costs one pass over the text: a native
   * search for the next line feed when the text has no carriage return (nearly always), else a character
   * loop that also counts a lone carriage return as a line break, as XML does.
   */
  let lineNumber = 1;
  let lineStart = 0;
  const hasCarriageReturn = text.includes("\r");
  let scanned = 0;
  let nextLineFeed = hasCarriageReturn ? -1 : text.indexOf("\n");
  const tagStart = (): number => {
    const start = text.lastIndexOf("<", parser.position - 1);
    if (!hasCarriageReturn) {
      while (nextLineFeed !== -1 && nextLineFeed < start) {
        lineNumber += 1;
        lineStart = nextLineFeed + 1;
        nextLineFeed = text.indexOf("\n", lineStart);
      }
      return start;
    }
    for (; scanned < start; scanned += 1) {
      const code = text.charCodeAt(scanned);
      if (code === 10 || (code === 13 && text.charCodeAt(scanned + 1) !== 10)) {
        lineNumber += 1;
        lineStart = scanned + 1;
      }
    }
    return start;
  };
  parser.on("opentag", (tag: SaxesTagNS) => {
    const start = tagStart();
    const line = lineNumber;
    const column = start - lineStart + 1;
    const depth = stack.length;
    if (depth >= MAX_XML_DEPTH) {
      throw new XmlSyntaxError(
        `elements are nested more than ${MAX_XML_DEPTH.toLocaleString("en")} levels deep here; GEXF needs a few levels, and deeper nesting is refused so that reading stays fast`,
        line,
        column,
        "depth",
      );
    }
    // No prototype: an attribute named __proto__ or constructor is data like any other.
    const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
    const tagAttributes = tag.attributes;
    for (const name in tagAttributes) {
      const attribute = tagAttributes[name];
      if (attribute !== undefined && attribute.prefix === "") attributes[attribute.local] = attribute.value;
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
    const parent = stack[depth - 1];
    let index = 0;
    if (parent) {
      parent.children.push(element);
      index = childCounts[depth - 1] ?? 0;
      childCounts[depth - 1] = index + 1;
    } else root = element;
    const keepText = visitor.open(element, parent, index, depth);
    if (tag.isSelfClosing) visitor.close(element, parent);
    else {
      stack.push(element);
      keepsText.push(keepText);
      childCounts.push(0);
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.isSelfClosing) return;
    const element = stack.pop();
    keepsText.pop();
    childCounts.pop();
    if (element) visitor.close(element, stack[stack.length - 1]);
    // Named in the message about a close tag that matches nothing (self-closing elements never are).
    lastClosed = element;
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
