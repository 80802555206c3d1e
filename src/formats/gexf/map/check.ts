/**
 * The end of the pass: the entities finished, the dataset's metadata, the warnings said, and the safety net:
 * the dataset must pass the loader itself (zero errors), or the import fails.
 */
import { errorCount } from "../../../load/issues.ts";
import { parseDataset } from "../../../load/parse.ts";
import { datasetMeta } from "./header.ts";
import { finishEntities } from "./nodes.ts";
import { PLACEHOLDER_HOST } from "./sources.ts";
import { locate, type GexfReadResult, type MappingState, type Place } from "./state.ts";
import { edgeWhat, nodeWhat } from "./text.ts";
import { firstElement } from "./xml.ts";

/** Elements the mapping does not read, as the warning names them: a count and the first three examples. */
export interface UnreadElements {
  count: number;
  examples: readonly string[];
}

/** Entities finished, the dataset's metadata, the summary warnings, and the loader's check of the result. */
export function finishMapping(state: MappingState, unread: UnreadElements, sawViz: boolean): GexfReadResult {
  const { native, file } = state;
  state.warnings.set("unreadElement", unread.count, unread.examples);
  if (sawViz) state.warnings.set("viz", 1, []);
  finishEntities(state);
  const meta = datasetMeta(state);
  const context = {
    placeholder: state.placeholder,
    placeholderHost: PLACEHOLDER_HOST,
    fileDate: state.fileDate,
    importDay: state.importDay,
  };
  for (const message of state.warnings.messages(native, context)) state.warn(message);
  if (errorCount(state.issues) > 0) return state.fail(native);

  const { entities, relations } = state;
  const sources = [...state.sources.values()];
  const check = parseDataset([{ file, json: { dataset: meta, entities, relations, sources } }]);
  // Its errors (the mapping means to leave none, but a Leverage Atlas record is taken as written) are
  // located at the node or edge the value came from, else at the record in <meta><description>.
  for (const issue of check.issues) {
    if (issue.severity !== "error") continue;
    const { what, at } = origin(state, issue.pointer);
    state.issues.push({
      file,
      pointer: "",
      severity: "error",
      message: `${what}: ${issue.message} (${issue.pointer} of the converted dataset)`,
      ...locate(at),
    });
  }
  if (!check.ok) return state.fail(native);
  return { ok: true, dataset: check.dataset, issues: state.issues, native };
}

/** What a pointer of the converted dataset came from: a node, an edge, the export record or the dataset. */
function origin(state: MappingState, pointer: string): { what: string; at: Place | undefined } {
  const [collection, index] = pointer.split("/").slice(1);
  const entity = collection === "entities" ? state.entityOrigins.at(Number(index)) : undefined;
  if (entity) return { what: nodeWhat(String(entity.item)), at: entity };
  const relation = collection === "relations" ? state.relationOrigins.at(Number(index)) : undefined;
  if (relation) return { what: edgeWhat(relation.item), at: relation };
  const recordElement = state.metaElement && firstElement(state.metaElement, "description");
  return state.native && recordElement ? { what: "the export record", at: recordElement } : { what: "the dataset", at: state.graphPlace };
}
