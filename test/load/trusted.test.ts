import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readBundle, verifyBundle } from "../../src/load/bundle.ts";
import { bundleFiles, bundleFolder } from "../../src/load/folder-bundle.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { trustedDataset } from "../../src/load/trusted.ts";
import { generateDataset } from "../../src/generate/generate.ts";
import { textOf, validDocument } from "./fixtures.ts";

const DATA = fileURLToPath(new URL("../../data", import.meta.url));

/** What the page does with a bundle: read it, verify it, take the checked fast path. */
async function fastPath(bundleJson: unknown) {
  const read = readBundle(JSON.parse(JSON.stringify(bundleJson)), "dataset.bundle.json");
  if (!read.ok) throw new Error("the bundle does not read");
  const verified = await verifyBundle(read.files, read.checked, "dataset.bundle.json");
  expect(verified.trusted).toBe(true);
  const trusted = trustedDataset(read.documents, { defaultName: read.name, warnings: read.checked?.warnings ?? [] });
  return { read, trusted };
}

describe("trustedDataset (the checked fast path)", () => {
  it("gives the embedded dataset exactly as parseDataset does, warnings included, keys in the same order", async () => {
    const { bundle } = await bundleFolder(DATA);
    const { read, trusted } = await fastPath(bundle);
    const validated = parseDataset(read.documents, { defaultName: read.name });
    expect(trusted).toStrictEqual(validated);
    expect(JSON.stringify(trusted)).toBe(JSON.stringify(validated));
  });

  it("gives a generated dataset split over files exactly as parseDataset does", async () => {
    const dataset = generateDataset({ entities: 400, relations: 1_200, seed: 3 });
    const files = [
      { path: "a.json", text: textOf({ dataset: dataset.meta, entities: dataset.entities.slice(0, 150) }) },
      { path: "b.json", text: textOf({ entities: dataset.entities.slice(150), sources: dataset.sources }) },
      { path: "c/relations.json", text: textOf({ relations: dataset.relations }) },
    ];
    const { bundle, result } = await bundleFiles(
      "generated",
      files.map((file) => ({ path: file.path, bytes: new TextEncoder().encode(file.text) })),
    );
    expect(result.ok).toBe(true);
    const { read, trusted } = await fastPath(bundle);
    expect(trusted).toStrictEqual(parseDataset(read.documents, { defaultName: read.name }));
  });

  it("carries the loader's warnings in the bundle's check, located as the loader located them", async () => {
    const document = validDocument();
    // A source nobody cites: a warning, not an error.
    const withWarning = { ...document, sources: [...document.sources, { id: "src-uncited", url: "https://example.org/x", publisher: "Example", title: "Never cited", published: "2020" }] };
    const { bundle, result } = await bundleFiles("warned", [{ path: "all.json", bytes: new TextEncoder().encode(textOf(withWarning)) }]);
    expect(result.ok).toBe(true);
    expect(result.issues.length).toBeGreaterThan(0);
    expect(bundle.checked?.warnings).toStrictEqual(result.issues);
    const { read, trusted } = await fastPath(bundle);
    expect(trusted).toStrictEqual(parseDataset(read.documents, { defaultName: read.name }));
  });

  it("declines what a checked file cannot be, so that the page validates it in full", () => {
    const options = { defaultName: "x", warnings: [] };
    expect(trustedDataset([{ file: "a.json", text: "{" }], options)).toBeNull();
    expect(trustedDataset([{ file: "a.json", text: "[]" }], options)).toBeNull();
    expect(trustedDataset([{ file: "a.json", text: '{"entities": {}}' }], options)).toBeNull();
    expect(trustedDataset([{ file: "a.json", text: '{"dataset": 3}' }], options)).toBeNull();
    const meta = '{"dataset": {"name": "one"}}';
    expect(trustedDataset([{ file: "a.json", text: meta }, { file: "b.json", text: meta }], options)).toBeNull();
  });
});

