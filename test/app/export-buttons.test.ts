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
          type: option.type,
          ...(option.type === "choice"
            ? { choices: option.choices.map(({ value, label }) => ({ value, label })), value: option.default }
            : {}),
          ...(option.type === "number" ? { value: String(option.default), min: option.min, max: option.max } : {}),
        })),
      );
    }
    // What the explorer offers, in its order (the spreadsheets of #15 after JSON).
    expect(buttons.map((button) => button.text)).toEqual([
      "Export GEXF",
      "Export GraphML",
      "Export JSON",
      "Export XLSX",
      "Export CSV",
      "Export Neo4j",
      "Export Cypher",
      "Export SVG",
      "Export PNG",
    ]);
    expect(buttons[0]?.options.map((option) => option.label)).toEqual(["Dynamic GEXF (timeline)"]);
  });

  it("give a choice option a select at its default, a number option a number field at its default with its bounds, and a text option a text field", () => {
    const chooser = defineFormat({
      id: "chooser",
      name: "Chooser",
      label: "Chooser",
      description: "",
      extensions: ["ch"],
      mediaType: "text/plain",
      options: {
        flavour: {
          type: "choice",
          flag: "--flavour",
          valueName: "flavour",
          help: "",
          control: { label: "Flavour", title: "Which flavour" },
          choices: [
            { value: "plain", label: "Plain" },
            { value: "rich", label: "Rich" },
          ],
          default: "rich",
        },
        size: {
          type: "number",
          flag: "--size",
          valueName: "n",
          help: "",
          control: { label: "Size", title: "How big" },
          default: 7,
          min: 1,
          max: 9,
        },
        note: { type: "text", flag: "--note", valueName: "text", help: "", control: { label: "Note", title: "A note" } },
      },
      writer: { output: "file", content: "text", runs: ["browser"], writes: "data", write: () => ({ sources: 0, notes: [] }) },
    });
    expect(exportButtons([chooser])[0]?.options).toEqual([
      {
        key: "flavour",
        id: "export-chooser-flavour",
        label: "Flavour",
        title: "Which flavour",
        type: "choice",
        choices: [
          { value: "plain", label: "Plain" },
          { value: "rich", label: "Rich" },
        ],
        value: "rich",
      },
      { key: "size", id: "export-chooser-size", label: "Size", title: "How big", type: "number", value: "7", min: 1, max: 9 },
      { key: "note", id: "export-chooser-note", label: "Note", title: "A note", type: "text" },
    ]);
  });

  it("leave out formats only the CLI writes and formats nothing writes", () => {
    const cliOnly = defineFormat({
      id: "cli-only",
      name: "CLI only",
      label: "CLI only",
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
    expect(exportButtons([...FORMATS, cliOnly, readOnly]).map((button) => button.format)).toEqual([
      "gexf",
      "graphml",
      "json",
      "xlsx",
      "csv",
      "neo4j",
      "cypher",
      "svg",
      "png",
    ]);
  });
});
