import { describe, expect, it } from "vitest";
import {
  ENTITY_KINDS,
  RELATION_FAMILIES,
  RELATION_KINDS,
  RELATION_KIND_NAMES,
  NEUTRAL_RELATION_KIND,
  allowsEndpoint,
  relationKindsOf,
} from "../../src/model/ontology.ts";

describe("the ontology", () => {
  it("has the kinds the design names", () => {
    for (const kind of ["government", "agency", "person", "carrier", "vendor", "agreement", "bloc", "organization"])
      expect(ENTITY_KINDS).toContain(kind);
    for (const kind of [
      "pressures",
      "threatens",
      "restricts",
      "sanctions",
      "retaliates",
      "lobbies",
      "uses_equipment_from",
      "contracts_with",
      "shares_intelligence_with",
      "funds",
      "supplies",
      "member_of",
      "party_to",
      "leads",
      "part_of",
      "regulates",
    ]) {
      expect(RELATION_KIND_NAMES).toContain(kind);
    }
  });

  it("gives every relation kind a family and non-empty endpoint kinds drawn from the entity kinds", () => {
    for (const kind of RELATION_KIND_NAMES) {
      const spec = RELATION_KINDS[kind];
      expect(RELATION_FAMILIES).toContain(spec.family);
      expect(spec.source.length).toBeGreaterThan(0);
      expect(spec.target.length).toBeGreaterThan(0);
      for (const end of [...spec.source, ...spec.target]) expect(ENTITY_KINDS).toContain(end);
    }
  });

  it("puts every family to use", () => {
    for (const family of RELATION_FAMILIES) expect(relationKindsOf(family).length).toBeGreaterThan(0);
  });
});

describe("the neutral relation kind", () => {
  it("is allowed between any two entity kinds, so an import can always give it", () => {
    for (const source of ENTITY_KINDS)
      for (const target of ENTITY_KINDS) {
        expect(allowsEndpoint(NEUTRAL_RELATION_KIND, "source", source)).toBe(true);
        expect(allowsEndpoint(NEUTRAL_RELATION_KIND, "target", target)).toBe(true);
      }
    expect(RELATION_KINDS[NEUTRAL_RELATION_KIND].description).toBe(
      "An unspecified tie from an imported file; replace it with a precise kind.",
    );
  });
});

describe("endpoint kinds", () => {
  it("are allowed exactly when the relation kind lists them at that end", () => {
    expect(allowsEndpoint("bans", "source", "government")).toBe(true);
    expect(allowsEndpoint("bans", "target", "government")).toBe(false);
    for (const kind of RELATION_KIND_NAMES)
      for (const entityKind of ENTITY_KINDS)
        for (const end of ["source", "target"] as const)
          expect(allowsEndpoint(kind, end, entityKind)).toBe((RELATION_KINDS[kind][end] as readonly string[]).includes(entityKind));
  });
});
