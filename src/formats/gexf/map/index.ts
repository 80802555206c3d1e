/**
 * The mapping of GEXF elements to a dataset, for readGexf (gexf/read.ts: the rules, and the order in which
 * elements come here). One mapping serves one pass over one file: `begin` (the root), `header` (metadata,
 * the export record, attribute declarations), then each node (`nodeTree`) and each edge (`edge`) in the
 * order of the file, nodes first, then `finish`. Its state is one MappingState (state.ts); the steps are in
 * header.ts, nodes.ts, edges.ts, sources.ts and check.ts, and every warning they give in warnings.ts.
 */
import type { XmlElement } from "../../xml/tree.ts";
import { finishMapping, type UnreadElements } from "./check.ts";
import { mapEdge } from "./edges.ts";
import { readHeader, readRoot, type RecordRead } from "./header.ts";
import { mapNodeTree } from "./nodes.ts";
import { MappingState, type GexfReadOptions, type GexfReadResult, type Place } from "./state.ts";

export type { UnreadElements } from "./check.ts";
export { recordOf, type RecordRead } from "./header.ts";
export type { GexfReadOptions, GexfReadResult, Place } from "./state.ts";
export { READ_CHILDREN, VIZ_ELEMENTS } from "./xml.ts";

export interface GexfMapping {
  /** Refuses the file with this error (at the element when given), keeping the issues reported so far. */
  refuse(message: string, at?: Place): GexfReadResult;
  /** Refuses the file with the issues reported so far (after `header` said false). */
  refused(): GexfReadResult;
  /** The root element: warns when its namespace is not GEXF's. */
  begin(root: XmlElement): void;
  /**
   * The graph's metadata, the export record and the attribute declarations, before any node or edge.
   * False when the record is damaged (the error is reported; `refuse` ends the pass).
   */
  header(graphElement: XmlElement, metaElement: XmlElement | undefined, record: RecordRead): boolean;
  /**
   * A node and the nodes nested in it (a hierarchy, flattened: each keeps its parent as a line), in document
   * order. The edges nested in them are appended to `nestedEdges`: they are mapped after the graph's own.
   */
  nodeTree(element: XmlElement, parent: string | undefined, nestedEdges: XmlElement[]): void;
  /** One edge; every node must have been mapped. */
  edge(element: XmlElement): void;
  /** Entities finished, the dataset's metadata, the summary warnings, and the loader's check of the result. */
  finish(unread: UnreadElements, sawViz: boolean): GexfReadResult;
}

/** One pass's mapping of a file (see the module comment for the order of calls). */
export function createGexfMapping(file: string, options: GexfReadOptions): GexfMapping {
  const state = new MappingState(file, options);
  return {
    refuse(message, at) {
      state.error(message, at);
      return state.fail(false);
    },
    refused: () => state.fail(false),
    begin: (root) => readRoot(state, root),
    header: (graph, meta, record) => readHeader(state, graph, meta, record),
    nodeTree: (element, parent, nestedEdges) => mapNodeTree(state, element, parent, nestedEdges),
    edge: (element) => mapEdge(state, element),
    finish: (unread, sawViz) => finishMapping(state, unread, sawViz),
  };
}
