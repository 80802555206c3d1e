/**
 * What an export holds: the dataset a graph (or subgraph) stands for, with the sources that belong to it.
 * A graph holding the whole dataset (every entity and relation it was built from) exports every source,
 * cited or not, so a full export round-trips exactly; a subgraph exports only the sources its relations cite.
 * A relation `about` an entity the subgraph left out loses its `about` in the dataset (the dataset must stay
 * valid); relationsAboutMissing names them so callers can say so. GEXF keeps the id as a plain attribute.
 */
import { datasetFromGraph } from "../graph/build.ts";
import type { AtlasGraph } from "../graph/types.ts";
import type { Dataset, Source } from "../model/schema.ts";

function holdsWholeDataset(graph: AtlasGraph): boolean {
  const { counts } = graph.getAttributes();
  return graph.order === counts.entities && graph.size === counts.relations;
}

/** The sources an export of this graph carries, in the dataset's order. */
export function exportedSources(graph: AtlasGraph): Source[] {
  const all = Object.values(graph.getAttribute("sources"));
  if (holdsWholeDataset(graph)) return all;
  const cited = new Set<string>();
  graph.forEachEdge((_edge, attributes) => {
    for (const evidence of attributes.evidence) cited.add(evidence.source);
  });
  return all.filter((source) => cited.has(source.id));
}

/** Ids of relations `about` an entity the graph does not hold. */
export function relationsAboutMissing(graph: AtlasGraph): string[] {
  return graph.filterEdges((_edge, attributes) => attributes.about !== undefined && !graph.hasNode(attributes.about));
}

/** The dataset an export of this graph holds (see the module comment for which sources and `about`s). */
export function exportDataset(graph: AtlasGraph): Dataset {
  const dataset = datasetFromGraph(graph);
  const relations = dataset.relations.map((relation) => {
    if (relation.about === undefined || graph.hasNode(relation.about)) return relation;
    const { about: _left, ...rest } = relation;
    return rest;
  });
  return { ...dataset, relations, sources: exportedSources(graph) };
}
