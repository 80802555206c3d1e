import { describe, expect, it } from "vitest";
import { defineFormat, type FormatReader } from "../../src/formats/format.ts";
import { formatOfFile, readFiles, unrecognisedMessage } from "../../src/formats/read-files.ts";
import { formatsForFileName, readableFormats, type ReadableFormat } from "../../src/formats/registry.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

/** A made-up reader of XML files whose root is <graphml>, for what a second XML format would meet. */
function fakeReader(id: string, noun: string, extensions: [string, ...string[]], sniff: FormatReader["sniff"]): ReadableFormat {
  const reader: FormatReader = {
    runs: ["node", "browser"],
    accepts: "one",
    noun,
    help: noun,
    signature: "<",
    sniff,
    read: (files) => ({ ok: false, issues: [{ file: files[0]?.file ?? "", pointer: "", severity: "error", message: `read by ${id}` }] }),
    describe: () => noun,
  };
  return defineFormat({
    id,
    name: id,
    label: id,
    description: id,
    extensions,
    mediaType: "application/xml",
    options: {},
    reader,
  }) as ReadableFormat;
}

/** The dataset and GEXF readers only: the choices below are about a second XML format, played by the made-up GraphML reader. */
const BROWSER = readableFormats("browser").filter((format) => format.id === "json" || format.id === "gexf");
const GRAPHML = fakeReader("graphml", "GraphML file", ["graphml", "xml"], (data) =>
  new TextDecoder().decode(data).includes("<graphml") ? "yes" : "no",
);

describe("choosing a reader", () => {
  it("goes by the longest extension that ends the name, case-insensitively", () => {
    const zipped = defineFormat({
      id: "csv",
      name: "CSV",
      label: "CSV",
      description: "",
      extensions: ["csv.zip"],
      mediaType: "application/zip",
      options: {},
    });
    const zip = defineFormat({
      id: "zip",
      name: "ZIP",
      label: "ZIP",
      description: "",
      extensions: ["zip"],
      mediaType: "application/zip",
      options: {},
    });
    expect(formatsForFileName("Tables.CSV.ZIP", [zip, zipped]).map((format) => format.id)).toEqual(["csv", "zip"]);
    expect(formatsForFileName("notes.txt", [zip, zipped])).toEqual([]);
  });

  it("sniffs the bytes when several readers claim the extension, or none does: a sure reader before a guessing one", () => {
    const readers = [...BROWSER, GRAPHML];
    expect(formatOfFile("download", bytes("<?xml version='1.0'?><other/>"), readers)?.id).toBe("gexf");
    expect(formatOfFile("download", bytes("\ufeff {"), readers)?.id).toBe("json");
    expect(formatOfFile("a.xml", bytes('<?xml version="1.0"?><graphml>'), readers)?.id).toBe("graphml");
    expect(formatOfFile("a.xml", bytes('<?xml version="1.0"?><gexf>'), [GRAPHML, ...BROWSER])?.id).toBe("gexf");
    expect(formatOfFile("download", bytes("<graphml/>"), [GRAPHML, ...BROWSER])?.id).toBe("graphml");
    expect(formatOfFile("a.graphml", bytes("{}"), readers)?.id).toBe("graphml");
    expect(formatOfFile("download", bytes("hello"), readers)).toBeNull();
  });

  it("names every readable format and how each starts when a file is none of them", () => {
    expect(unrecognisedMessage(BROWSER)).toBe(
      "the file is neither a dataset (.json) nor a GEXF file (.gexf, .xml): it does not start with { or <",
    );
    expect(unrecognisedMessage([...BROWSER, GRAPHML])).toBe(
      "the file is none of a dataset (.json), a GEXF file (.gexf, .xml) or a GraphML file (.graphml, .xml): it does not start with { or <",
    );
  });

  it("hands every file to the only reader there is, whose own errors are the most precise", () => {
    const outcome = readFiles([{ file: "notes.txt", bytes: bytes("hello") }], [GRAPHML]);
    expect(outcome).toMatchObject({ ok: false, format: "graphml", issues: [{ message: "read by graphml" }] });
  });

  it("refuses files of different formats opened together, and several of a one-file format", () => {
    const several = readFiles(
      [
        { file: "a.graphml", bytes: bytes("<graphml/>") },
        { file: "b.gexf", bytes: bytes("<gexf/>") },
      ],
      [...BROWSER, GRAPHML],
    );
    expect(several.issues[0]?.message).toBe(
      "open one GraphML file at a time (several files can be opened together only when they are all datasets (.json))",
    );
    const jsonReader = BROWSER.find((format) => format.id === "json") as ReadableFormat;
    const twoSeveral = {
      ...jsonReader,
      id: "other",
      reader: { ...jsonReader.reader, noun: "table" },
      extensions: ["csv"],
    } as ReadableFormat;
    const mixed = readFiles(
      [
        { file: "a.json", bytes: bytes("{}") },
        { file: "b.csv", bytes: bytes("a,b") },
      ],
      [jsonReader, twoSeveral],
    );
    expect(mixed.issues[0]?.message).toBe("open files of one format at a time; these are a dataset and a table");
  });
});
