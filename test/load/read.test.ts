import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatasetPathError, listDatasetFiles, listJsonFiles, loadDataset, relativeDatasetPath } from "../../src/load/read.ts";
import { textOf, validDocument } from "./fixtures.ts";

async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "atlas-read-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

describe("loadDataset", () => {
  it("merges every *.json below a folder, nested folders included, and skips hidden ones", async () => {
    const { entities, relations, sources } = validDocument();
    const folder = await folderWith({
      "entities.json": textOf({ entities }),
      "topics/relations.json": textOf({ relations }),
      "topics/deeper/sources.json": textOf({ sources }),
      ".drafts/broken.json": "{ not json",
      "notes.txt": "ignored",
    });
    const result = await loadDataset(folder);
    expect(result.issues).toEqual([]);
    expect(result.counts).toEqual({ entities: 3, relations: 1, sources: 1 });
    expect(result.dataset?.meta.name).toBe(path.basename(folder));
  });

  it("loads a single file", async () => {
    const folder = await folderWith({ "one.json": textOf({ dataset: { name: "One" }, ...validDocument() }) });
    const result = await loadDataset(path.join(folder, "one.json"));
    expect(result.ok).toBe(true);
    expect(result.dataset?.meta.name).toBe("One");
  });

  it("reports a file that is not UTF-8, with the offset of the first bad byte, and still checks the others", async () => {
    const bad = new Uint8Array([
      ...new TextEncoder().encode('{ "entities": [{ "id": "x", "name": "'),
      0xff,
      0xfe,
      ...new TextEncoder().encode('" }] }'),
    ]);
    const other = validDocument();
    Object.assign(other.relations[0] as object, { confidence: "maybe" });
    const folder = await folderWith({ "bad.json": bad, "other.json": textOf(other) });
    const result = await loadDataset(folder);
    expect(result.ok).toBe(false);
    const messages = result.issues.map((issue) => `${path.basename(issue.file)} ${issue.message}`);
    expect(messages[0]).toBe("bad.json the file is not valid UTF-8 (first bad byte at offset 37); save it as UTF-8");
    expect(messages.some((message) => message.startsWith("other.json unknown confidence"))).toBe(true);
  });

  it("does not report references to the ids a file that is not UTF-8 defines, nor sources only it cites", async () => {
    const { entities, relations, sources } = validDocument();
    const text = textOf({ entities, relations }).replace("Government of Canada", "Government of Canada @");
    const at = text.indexOf("@"); // the text is ASCII: its character offsets are byte offsets
    const bytes = new TextEncoder().encode(text);
    bytes[at] = 0xff;
    const more = { relations: [{ ...(relations[0] as object), id: "again", start: "2020" }] };
    const folder = await folderWith({ "a.json": bytes, "more.json": textOf(more), "sources.json": textOf({ sources }) });
    const result = await loadDataset(folder);
    expect(result.issues.map((issue) => `${path.basename(issue.file)} ${issue.message}`)).toEqual([
      `a.json the file is not valid UTF-8 (first bad byte at offset ${at}); save it as UTF-8`,
    ]);
  });

  it("throws DatasetPathError for a missing path or a folder without JSON", async () => {
    await expect(loadDataset("/no/such/place")).rejects.toThrow(DatasetPathError);
    await expect(loadDataset(await folderWith({ "a.txt": "x" }))).rejects.toThrow(/no \.json files found/);
  });
});

describe("saved layouts are not dataset documents", () => {
  it("loadDataset and listDatasetFiles skip layouts/ (whatever it holds); listJsonFiles lists it", async () => {
    const folder = await folderWith({
      "all.json": textOf(validDocument()),
      "layouts/default.json": textOf({ name: "default", positions: { huawei: [1, 2] } }),
      "regions/layouts.json": textOf({ entities: [] }),
    });
    const result = await loadDataset(folder);
    expect(result.issues).toEqual([]);
    const relative = (files: string[]): string[] => files.map((file) => relativeDatasetPath(folder, file));
    expect(relative(await listDatasetFiles(folder))).toEqual(["all.json", "regions/layouts.json"]);
    expect(relative(await listJsonFiles(folder))).toEqual(["all.json", "layouts/default.json", "regions/layouts.json"]);
  });
});
