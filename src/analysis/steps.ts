/**
 * A chain read as steps: each relation it rests on, once, with the role it plays, and the
 * chain's sources numbered in order of first citation. The CLI table and the explorer's
 * Leverage panel both present a chain this way.
 */
import type { LeverageChain } from "./leverage.ts";
import type { Source } from "../model/schema.ts";
import type { CitedRelation } from "./relations.ts";
import { MEMBERSHIP_KIND } from "./rules.ts";

/**
 * pressure: the pressure relation; presser / pressed: an actor acting for its government;
 * dependency: a dependency on the vendor; tie: the pressed side relying on the presser's side;
 * bloc: a membership in a bloc both sides belong to; under: a part_of / owns relation that puts
 * an entity under the pressed party, the presser or the vendor.
 */
export type StepRole = "pressure" | "presser" | "pressed" | "dependency" | "tie" | "bloc" | "under";

export interface ChainStep {
  role: StepRole;
  relation: CitedRelation;
  /** Numbers (from 1) of the relation's sources in the chain's `sources` list. */
  sourceNumbers: number[];
}

export interface ChainReading {
  steps: ChainStep[];
  /** The chain's distinct sources by id, numbered from 1 in this order (locators stay with each relation). */
  sources: Source[];
}

function roles(chain: LeverageChain): Map<string, StepRole> {
  const byRelation = new Map<string, StepRole>();
  const assign = (relation: string, role: StepRole): void => {
    if (!byRelation.has(relation)) byRelation.set(relation, role);
  };
  assign(chain.pressure, "pressure");
  for (const relation of chain.presserVia) assign(relation, "presser");
  for (const relation of chain.pressedVia) assign(relation, "pressed");
  for (const dependent of chain.dependents) {
    for (const relation of dependent.dependencies) assign(relation, "dependency");
  }
  for (const tie of chain.ties) {
    if (tie.type === "dependency") assign(tie.relation, "tie");
  }
  return byRelation;
}

export function readChain(chain: LeverageChain): ChainReading {
  const byRelation = roles(chain);
  const sources: Source[] = [];
  const numbers = new Map<string, number>();
  const steps = chain.relations.map((relation): ChainStep => {
    const sourceNumbers = relation.sources.map((source) => {
      let number = numbers.get(source.id);
      if (number === undefined) {
        const { locator: _locator, ...plain } = source;
        sources.push(plain);
        number = sources.length;
        numbers.set(source.id, number);
      }
      return number;
    });
    const role = byRelation.get(relation.id) ?? (relation.kind === MEMBERSHIP_KIND ? "bloc" : "under");
    return { role, relation, sourceNumbers: [...new Set(sourceNumbers)] };
  });
  return { steps, sources };
}
