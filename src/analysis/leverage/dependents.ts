/**
 * The dependents walk: the entities under the pressed party (with its country) that depend on what a
 * pressure is about or on anything under it (its parts and subsidiaries, not its country), through
 * dependency relations active in the window.
 */
import type { EntityAttributes } from "../../graph/types.ts";
import { ENTITY_KINDS } from "../../model/ontology.ts";
import { windowDays, type TimeWindow } from "../relations.ts";
import type { Link } from "../links.ts";
import { NETWORK_KIND } from "../rules.ts";
import { everUnder } from "../reach.ts";
import { isActive } from "../sides.ts";
import { compare, relationMarks, relationNumbers, sideTowards } from "./shared.ts";
import type { DependentEntity, GraphSides } from "./types.ts";

const KIND_ORDER = new Map<string, number>(ENTITY_KINDS.map((kind, index) => [kind, kind === NETWORK_KIND ? -1 : index]));

/** Orders as `localeCompare(other, "en")` does, without making a collator per comparison (most of a big graph's sorting time). */
const BY_NAME = new Intl.Collator("en");

function byDependentOrder(a: DependentEntity, b: DependentEntity): number {
  return (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) || BY_NAME.compare(a.label, b.label) || compare(a.id, b.id);
}

/** A vendor's side bigger than this is not scanned when the pressed party's reach is smaller (findDependents). */
const BIG_VENDOR_SIDE = 64;

/** The entities under the pressed party that depend on the vendor (or on what stands under it) in the window, carriers first (LeverageContext.dependentsIn keeps them). */
export function findDependents(context: GraphSides, vendor: string, pressed: string, window: TimeWindow): readonly DependentEntity[] {
  const { index } = context;
  const { dependents, providers } = index;
  const days = windowDays(window);
  const party = context.number(pressed);
  const vendorSide = context.under(vendor, window, false);
  // Who depends on the vendor's side in the window: dependency relations (numbers in the table
  // index.dependents and index.providers share) with the dependent and the supplier (its position in
  // the vendor's side), in side order, and in relation order for each supplier.
  const candidates: { link: number; dependent: number; supplier: number; position: number }[] = [];
  // Only entities that can stand under the pressed party at some date are worth a look: a few of the hundreds depending on a vendor.
  const reach = everUnder(index, party, true);
  // (A reach's size is known once what the party reaches itself is worked out: asked only when the vendor's side is big.)
  if (vendorSide.size > BIG_VENDOR_SIDE && reach.size < vendorSide.size) {
    // Fewer of those than entities under the vendor: their own dependencies, put in the order the vendor's side gives.
    reach.forEach((dependent) => {
      if (vendorSide.includes(dependent)) return;
      for (let step = providers.start[dependent] as number; step < (providers.start[dependent + 1] as number); step += 1) {
        const link = providers.link[step] as number;
        const supplier = providers.to[step] as number;
        const position = isActive(providers, link, days) ? vendorSide.positionOf(supplier) : undefined;
        if (position !== undefined) candidates.push({ link, dependent, supplier, position });
      }
    });
    candidates.sort((a, b) => a.position - b.position || a.link - b.link);
  } else {
    vendorSide.forEachWith(dependents, (supplier, position) => {
      for (let step = dependents.start[supplier] as number; step < (dependents.start[supplier + 1] as number); step += 1) {
        const link = dependents.link[step] as number;
        const dependent = dependents.to[step] as number;
        if (!reach.has(dependent) || !isActive(dependents, link, days) || vendorSide.includes(dependent)) continue;
        candidates.push({ link, dependent, supplier, position });
      }
    });
  }
  if (candidates.length === 0) return [];
  const pressedSide = sideTowards(
    index,
    party,
    candidates.map((candidate) => candidate.dependent),
    days,
  );
  // Each dependent's dependencies in candidate order (grouped: a dependent's relations depend on its own only).
  const byDependent = new Map<number, (typeof candidates)[number][]>();
  for (const candidate of candidates) {
    if (!pressedSide.includes(candidate.dependent)) continue;
    const list = byDependent.get(candidate.dependent);
    if (list) list.push(candidate);
    else byDependent.set(candidate.dependent, [candidate]);
  }
  const found: DependentEntity[] = [];
  const seen = relationMarks(index);
  const ids = index.relations;
  for (const [dependent, items] of byDependent) {
    // The relations it rests on, each once: its path from the pressed party, then each dependency and the vendor's path to the supplier.
    seen.clear();
    const relations: string[] = [];
    const numbers: number[] = [];
    const mention = (relation: number): void => {
      if (seen.has(relation)) return;
      seen.add(relation);
      numbers.push(relation);
      relations.push(ids[relation] as string);
    };
    const position = pressedSide.positionOf(dependent) as number;
    pressedSide.forEachPathRelation(position, mention);
    const dependencies: string[] = [];
    for (const candidate of items) {
      dependencies.push((dependents.links[candidate.link] as Link).id);
      mention(dependents.relation[candidate.link] as number);
      vendorSide.forEachPathRelation(candidate.position, mention);
    }
    const { kind, label } = index.entities[dependent] as EntityAttributes;
    const route = pressedSide.routeAt(dependent, position);
    const entry: DependentEntity = { id: index.ids[dependent] as string, kind, label, route, dependencies, relations };
    found.push(entry);
    relationNumbers.set(entry, numbers);
  }
  return found.sort(byDependentOrder);
}
