import { describe, expect, it } from "vitest";
import { allowedEndKinds, emptyValues, formFields, recordOf, takesAbout, valuesOf } from "../../../src/app/edit/form.ts";
import { PRESSURE } from "./fixture.ts";

describe("the record forms", () => {
  it("list the schema's fields in order, with what is required and the ontology's choices", () => {
    const fields = formFields("relations");
    expect(fields.map((field) => field.name)).toEqual(["id", "kind", "source", "target", "about", "start", "end", "claim", "evidence", "confidence"]);
    expect(fields.find((field) => field.name === "about")?.required).toBe(false);
    expect(fields.find((field) => field.name === "kind")?.choices).toContain("pressures");
    expect(formFields("entities").find((field) => field.name === "kind")?.choices).toContain("carrier");
  });

  it("turn a record into values and back without change, keeping a partial date's precision", () => {
    const values = valuesOf("relations", PRESSURE);
    expect(values.fields.start).toBe("2025-06");
    expect(recordOf("relations", values)).toEqual(PRESSURE);
  });

  it("leave empty optional fields out, keep an explicit null end, and leave a missing required field absent", () => {
    const values = emptyValues("relations");
    values.fields.id = "x";
    const record = recordOf("relations", values, { end: null });
    expect(record).toEqual({ id: "x", end: null, evidence: [], confidence: "reported" });
    expect(recordOf("entities", { fields: { id: "a", kind: "person", name: " A ", aliases: "B\n\n C " }, evidence: [] })).toEqual({
      id: "a",
      kind: "person",
      name: "A",
      aliases: ["B", "C"],
    });
  });

  it("limit a relation's ends to the kinds its kind allows", () => {
    expect(allowedEndKinds("detains", "target")).toEqual(["person"]);
    expect(allowedEndKinds("", "source")).toHaveLength(10);
    expect(takesAbout("pressures")).toBe(true);
    expect(takesAbout("member_of")).toBe(false);
  });
});
