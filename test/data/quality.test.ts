/** Quality bars of the curated dataset in data/: it loads cleanly, is big enough, and every claim is sourced and dated. */
import { describe, expect, it } from "vitest";
import { FAMILIES_WITH_ABOUT } from "../../src/model/ontology.ts";
import { isHttpUrl } from "../../src/model/schema.ts";
import { compareDates, edges, loadCurated } from "./helpers.ts";

const { result, dataset, graph } = await loadCurated();
const sources = graph.getAttribute("sources");

describe("the curated dataset in data/", () => {
  it("validates with zero errors and zero warnings", () => {
    expect(result.issues).toEqual([]);
  });

  it("holds at least 80 entities and 200 relations", () => {
    expect(dataset.entities.length).toBeGreaterThanOrEqual(80);
    expect(dataset.relations.length).toBeGreaterThanOrEqual(200);
  });

  it("cites, for every relation, at least one source with an http(s) url, a publisher, a title and a publication date", () => {
    for (const edge of edges(graph)) {
      expect(edge.evidence.length, edge.id).toBeGreaterThan(0);
      for (const { source: id } of edge.evidence) {
        const source = sources[id];
        expect(source, `${edge.id} cites ${id}`).toBeDefined();
        expect(isHttpUrl(source!.url), id).toBe(true);
        expect(source!.publisher.trim(), id).not.toBe("");
        expect(source!.title.trim(), id).not.toBe("");
        expect(source!.published, id).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
  });

  it("never dates a relation after the newest source that reports it", () => {
    for (const edge of edges(graph)) {
      const newest = edge.evidence
        .map(({ source }) => sources[source]!.published!)
        .sort()
        .at(-1)!;
      expect(compareDates(edge.start, newest), `${edge.id} starts ${edge.start}, newest source ${newest}`).toBeLessThanOrEqual(0);
    }
  });

  it("keeps no reconstructed or placeholder titles", () => {
    for (const source of dataset.sources) {
      expect(source.title, source.id).not.toMatch(/reconstructed|untitled|\[|TODO/i);
    }
  });

  it("writes every claim as plain text of one or two sentences", () => {
    for (const relation of dataset.relations) {
      expect(relation.claim, relation.id).not.toMatch(/<[a-z/][^>]*>|&[a-z]+;/i);
      expect(relation.claim.length, relation.id).toBeLessThanOrEqual(500);
      const sentences = relation.claim.match(/[.!?](\s|$)/g) ?? [];
      expect(sentences.length, relation.id).toBeLessThanOrEqual(2);
    }
  });

  it("gives a country to every government, agency, carrier and vendor", () => {
    for (const entity of dataset.entities) {
      if (["government", "agency", "carrier", "vendor"].includes(entity.kind)) expect(entity.country, entity.id).toBeDefined();
    }
  });

  it("names a vendor in `about` on every pressure from a state actor to a government over 5G equipment", () => {
    const vendors = new Set(dataset.entities.filter((entity) => entity.kind === "vendor").map((entity) => entity.id));
    for (const edge of edges(graph)) {
      if (!FAMILIES_WITH_ABOUT.includes(edge.family) || edge.about === undefined) continue;
      expect(graph.hasNode(edge.about), edge.id).toBe(true);
    }
    const overEquipment = edges(graph).filter(
      (edge) =>
        edge.family === "pressure" &&
        ["pressures", "threatens"].includes(edge.kind) &&
        graph.getNodeAttribute(edge.target, "kind") === "government" &&
        /Huawei/.test(edge.claim),
    );
    expect(overEquipment.length).toBeGreaterThan(10);
    for (const edge of overEquipment) expect(vendors.has(edge.about ?? ""), edge.id).toBe(true);
  });

  it("links every person to the body they act for", () => {
    const people = dataset.entities.filter((entity) => entity.kind === "person");
    for (const person of people) {
      const ties = graph
        .outEdges(person.id)
        .filter((edge) => ["leads", "represents", "member_of"].includes(graph.getEdgeAttribute(edge, "kind")));
      const isSubject = ["meng-wanzhou", "michael-kovrig", "michael-spavor", "peter-kent"].includes(person.id);
      if (!isSubject) expect(ties.length, person.id).toBeGreaterThan(0);
    }
  });
});
