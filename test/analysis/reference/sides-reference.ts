/**
 * Frozen reference: `entitiesUnder` as it was before sides became lazy views (src/analysis/sides.ts),
 * kept verbatim apart from imports so that test/analysis/sides-differential.test.ts can show the
 * faster walks give the same answers. Do not edit to follow changes in src/.
 */
import type { LinkIndex, StructureLink } from "../../../src/analysis/links.ts";
import { isActiveIn, type TimeWindow } from "../../../src/analysis/relations.ts";
import { STATE_KIND } from "../../../src/analysis/rules.ts";
import type { Membership } from "../../../src/analysis/sides.ts";

const NONE: readonly StructureLink[] = [];

export function referenceEntitiesUnder(index: LinkIndex, party: string, window: TimeWindow, byCountry: boolean): Map<string, Membership> {
  const under = new Map<string, Membership>([[party, { route: "self", relations: [] }]]);
  const { kind, country } = index.graph.getNodeAttributes(party);
  if (byCountry && kind === STATE_KIND && country !== undefined) {
    for (const member of index.countries.get(country) ?? []) {
      if (!under.has(member)) under.set(member, { route: "country", relations: [] });
    }
  }
  let frontier = [...under.keys()];
  while (frontier.length > 0) {
    const next: string[] = [];
    const join = (link: StructureLink, from: string, entity: string): void => {
      if (under.has(entity) || !isActiveIn(link.attributes, window)) return;
      under.set(entity, { route: link.kind, relations: [...(under.get(from)?.relations ?? []), link.id] });
      next.push(entity);
    };
    for (const node of frontier) {
      for (const link of index.parts.get(node) ?? NONE) join(link, node, link.source);
      for (const link of index.owned.get(node) ?? NONE) join(link, node, link.target);
    }
    frontier = next;
  }
  return under;
}
