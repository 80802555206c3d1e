import { describe, expect, it } from "vitest";
import { exportButtons } from "../../src/app/model/export-buttons.ts";
import { defineFormat } from "../../src/formats/format.ts";
import { FORMATS, writableFormats } from "../../src/formats/registry.ts";

describe("the export bar's buttons", () => {
  it("are one per format the browser writes, in the registry's order, each with a checkbox per option", () => {
    const buttons = exportButtons();
    expect(buttons.map((button) => button.format)).toEqual(writableFormats("browser").map((format) => format.id));
    for (const format of writableFormats("browser")) {
      const button = buttons.find((candidate) => candidate.format === format.id);
      expect(button?.text).toBe(`Export ${format.name}`);
      expect(button?.options).toEqual(
        Object.entries(format.options).map(([key, option]) => ({
          key,
          id: `export-${format.id}-${key}`,
          label: option.control.label,
          title: option.control.title,
        })),
      );
    }
    // What the explorer offers, in its order: the spreadsheets (#15) between the data formats and the picture.
    expect(buttons.map((button) => button.text)).toEqual(["Export GEXF", "Export JSON", "Export XLSX", "Export CSV", "Export PNG"]);
    expect(buttons[0]?.options.map((option) => option.label)).toEqual(["Dynamic GEXF (timeline)"]);
  });

  it("leave out formats only the CLI writes and formats nothing writes", () => {
    const cliOnly = defineFormat({
      id: "cypher",
      name: "Cypher",
      label: "Cypher script",
      description: "",
      extensions: ["cypher"],
      mediaType: "text/plain",
      options: {},
      writer: { output: "file", content: "text", runs: ["node"], writes: "data", write: () => ({ sources: 0, notes: [] }) },
    });
    const readOnly = defineFormat({
      id: "ro",
      name: "RO",
      label: "RO",
      description: "",
      extensions: ["ro"],
      mediaType: "text/plain",
      options: {},
    });
    expect(exportButtons([...FORMATS, cliOnly, readOnly]).map((button) => button.format)).toEqual(["gexf", "json", "xlsx", "csv", "png"]);
  });
});
