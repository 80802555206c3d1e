/** The leverage analysis on the embedded dataset (data/): the chain the issue asks for, with its sources. */
import { beforeAll, describe, expect, it } from "vitest";
import { leverageChains, type LeverageChain } from "../../src/analysis/leverage.ts";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { loadDataset } from "../../src/load/read.ts";
import { isActiveAt } from "../../src/model/dates.ts";
import { isHttpUrl } from "../../src/model/schema.ts";

let graph: AtlasGraph;

beforeAll(async () => {
  const result = await loadDataset("data");
  expect(result.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  if (!result.ok) throw new Error("the embedded dataset does not load");
  graph = buildGraph(result.dataset);
});

/** The United States pressing Canada about Huawei in November 2019, judged in that month. */
function canadaChain(): LeverageChain {
  const chain = leverageChains(graph, { at: "2019-11", target: "gov-canada" }).find(
    (item) => item.presser === "gov-united-states" && item.vendor === "huawei",
  );
  if (!chain) throw new Error("no chain gov-united-states -> gov-canada about huawei in 2019-11");
  return chain;
}

describe("leverage on the embedded dataset", () => {
  it("finds the United States pressing Canada about Huawei in November 2019", () => {
    const chain = canadaChain();
    expect(chain.pressed).toBe("gov-canada");
    const pressure = chain.relations[0];
    expect(pressure?.id).toBe(chain.pressure);
    expect(pressure?.family).toBe("pressure");
    expect(pressure?.about).toBe("huawei");
    expect(pressure && isActiveAt(pressure.start, pressure.end, "2019-11")).toBe(true);
  });

  it("with Bell and Telus depending on Huawei then, through sourced dependency relations", () => {
    const chain = canadaChain();
    for (const carrier of ["bell", "telus"]) {
      const dependent = chain.dependents.find((item) => item.id === carrier);
      expect(dependent, `${carrier} among ${chain.dependents.map((item) => item.id).join(", ")}`).toMatchObject({ kind: "carrier" });
      const kinds = dependent?.dependencies.map((id) => graph.getEdgeAttribute(id, "kind"));
      expect(kinds).toContain("uses_equipment_from");
      for (const id of dependent?.dependencies ?? []) {
        const attributes = graph.getEdgeAttributes(id);
        expect(isActiveAt(attributes.start, attributes.end, "2019-11"), id).toBe(true);
      }
    }
  });

  it("with Canada's intelligence ties to the United States: the Five Eyes, both members then", () => {
    const chain = canadaChain();
    const fiveEyes = chain.ties.find((tie) => tie.type === "bloc" && tie.bloc === "five-eyes");
    expect(fiveEyes).toMatchObject({ type: "bloc", bloc: "five-eyes" });
    if (fiveEyes?.type !== "bloc") return;
    expect(fiveEyes.pressedMembers).toContain("gov-canada");
    expect(fiveEyes.presserMembers).toContain("gov-united-states");
    for (const tie of chain.ties) {
      if (tie.type === "dependency") expect(chain.entities).toContain(tie.provider);
    }
  });

  it("citing every relation of the chain with at least one http(s) source", () => {
    const chain = canadaChain();
    const listed = chain.relations.map((item) => item.id);
    for (const id of [
      chain.pressure,
      ...chain.presserVia,
      ...chain.pressedVia,
      ...chain.dependents.flatMap((item) => item.relations),
      ...chain.ties.flatMap((tie) => tie.relations),
    ]) {
      expect(listed).toContain(id);
    }
    for (const item of chain.relations) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const source of item.sources) {
        expect(isHttpUrl(source.url), `${item.id}: ${source.url}`).toBe(true);
        expect(source.publisher.length).toBeGreaterThan(0);
        expect(source.title.length).toBeGreaterThan(0);
      }
    }
  });
});
