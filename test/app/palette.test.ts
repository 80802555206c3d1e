import { describe, expect, it } from "vitest";
import { FAMILY_COLORS, KIND_COLORS, hexColor } from "../../src/app/model/palette.ts";
import { ENTITY_KINDS } from "../../src/model/ontology.ts";

describe("explorer palette", () => {
  it("writes RGB triples as hex colours", () => {
    expect(hexColor([213, 94, 0])).toBe("#D55E00");
    expect(hexColor([0, 114, 178])).toBe("#0072B2");
  });

  it("gives every kind its own colour and the families the shared colours", () => {
    expect(new Set(ENTITY_KINDS.map((kind) => KIND_COLORS[kind])).size).toBe(ENTITY_KINDS.length);
    expect(FAMILY_COLORS).toEqual({ pressure: "#D55E00", dependency: "#0072B2", structure: "#8F8F8F" });
  });
});
