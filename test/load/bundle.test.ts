import { createHash } from "node:crypto";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  BUNDLE_FORMAT,
  bundleDigest,
  datasetPathProblem,
  isBundleJson,
  isLayoutPath,
  makeBundle,
  readBundle,
  sha256Hex,
  verifyBundle,
} from "../../src/load/bundle.ts";
import { ATLAS_VERSION, bundleFolder } from "../../src/load/folder-bundle.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { textOf, validDocument } from "./fixtures.ts";

const nodeSha256 = (content: string | Uint8Array): string => createHash("sha256").update(content).digest("hex");

async function folderWith(files: Record<string, string | Uint8Array>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "atlas-bundle-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, name)), { recursive: true });
    await writeFile(path.join(folder, name), content);
  }
  return folder;
}

describe("sha256Hex", () => {
  it("is the sha256 of a text's UTF-8 bytes, as node's crypto computes it", async () => {
    for (const text of ["", "abc", "Huawei 华为 — ünïcode 🚀"]) expect(await sha256Hex(text)).toBe(nodeSha256(text));
    const bytes = new Uint8Array([0, 255, 1, 254]);
    expect(await sha256Hex(bytes)).toBe(nodeSha256(bytes));
  });
});

describe("makeBundle", () => {
  it("sorts files by path, hashes each text, and sets checked with a digest over paths and hashes only when asked", async () => {
    const files = [
      { path: "b.json", text: "{}" },
      { path: "a.json", text: '{"entities": []}' },
    ];
    const bundle = await makeBundle("mine", files);
    expect(bundle).toEqual({
      format: BUNDLE_FORMAT,
      version: 1,
      name: "mine",
      files: [
        { path: "a.json", text: '{"entities": []}', sha256: nodeSha256('{"entities": []}') },
        { path: "b.json", text: "{}", sha256: nodeSha256("{}") },
      ],
    });
    const at = new Date("2026-01-02T03:04:05Z");
    const checked = await makeBundle("mine", files, { by: "atlas test", at });
    const lines = `a.json\t${nodeSha256('{"entities": []}')}\nb.json\t${nodeSha256("{}")}\n`;
    expect(checked.checked).toEqual({ digest: nodeSha256(lines), by: "atlas test", at: "2026-01-02T03:04:05.000Z" });
    expect(await bundleDigest(checked.files)).toBe(checked.checked?.digest);
  });
});

describe("readBundle", () => {
  it("splits a bundle into dataset documents (named by their paths) and saved layouts", async () => {
    const bundle = await makeBundle("mine", [
      { path: "all.json", text: textOf(validDocument()) },
      { path: "layouts/default.json", text: '{"name": "default", "positions": {}}' },
    ]);
    const read = readBundle(JSON.parse(JSON.stringify(bundle)), "/api/dataset");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.name).toBe("mine");
    expect(read.documents).toEqual([{ file: "all.json", text: textOf(validDocument()) }]);
    expect(read.layouts).toEqual([{ path: "layouts/default.json", text: '{"name": "default", "positions": {}}' }]);
    expect(read.files).toEqual(bundle.files);
    expect(parseDataset(read.documents).ok).toBe(true);
  });

  it("reports every problem of a malformed bundle at its pointer, all at once", () => {
    const read = readBundle(
      {
        format: BUNDLE_FORMAT,
        version: 1,
        name: "",
        files: [
          { path: "../outside.json", text: "{}", sha256: "0".repeat(64) },
          { path: "a.json", text: 3, sha256: "ABC" },
          { path: "notes.txt", text: "", sha256: "0".repeat(64), extra: true },
        ],
        checked: { digest: "x", by: "atlas", at: "now" },
      },
      "bundle.json",
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.map((issue) => `${issue.file}:${issue.pointer}: ${issue.message}`)).toEqual([
      "bundle.json:/name: name must not be empty",
      'bundle.json:/files/0/path: "../outside.json" is not a relative path inside the dataset folder (no empty, "." or ".." parts)',
      "bundle.json:/files/1/text: text must be a string, got a number (3)",
      "bundle.json:/files/1/sha256: sha256 must be 64 lowercase hexadecimal digits",
      'bundle.json:/files/2/path: "notes.txt" is not a .json file',
      'bundle.json:/files/2: unknown field "extra"',
      "bundle.json:/checked/digest: digest must be 64 lowercase hexadecimal digits",
    ]);
  });

  it("refuses a value that is not a bundle, another version, and a path listed twice", () => {
    expect(readBundle([1, 2], "x.json")).toEqual({
      ok: false,
      issues: [{ file: "x.json", pointer: "", severity: "error", message: `not a dataset bundle: it has no "format": "${BUNDLE_FORMAT}"` }],
    });
    const other = readBundle({ format: BUNDLE_FORMAT, version: 2, name: "n", files: [] }, "x.json");
    expect(other.ok ? [] : other.issues.map((issue) => issue.message)).toEqual(["this bundle is version 2; this explorer reads version 1"]);
    const file = { path: "a.json", text: "{}", sha256: "0".repeat(64) };
    const twice = readBundle({ format: BUNDLE_FORMAT, version: 1, name: "n", files: [file, file] }, "x.json");
    expect(twice.ok ? [] : twice.issues.map((issue) => `${issue.pointer} ${issue.message}`)).toEqual([
      '/files/1/path "a.json" is listed twice',
    ]);
  });
});

describe("verifyBundle", () => {
  it("trusts a checked bundle whose texts match their hashes and whose digest covers exactly its files", async () => {
    const bundle = await makeBundle("mine", [{ path: "a.json", text: "{}" }], { by: "atlas test" });
    expect(await verifyBundle(bundle.files, bundle.checked, "x")).toEqual({ issues: [], trusted: true });
    expect((await verifyBundle(bundle.files, undefined, "x")).trusted).toBe(false);
    const added = await makeBundle("mine", [
      { path: "a.json", text: "{}" },
      { path: "b.json", text: "{}" },
    ]);
    expect((await verifyBundle(added.files, bundle.checked, "x")).trusted).toBe(false);
  });

  it("reports a file whose text does not match its hash, by its path", async () => {
    const bundle = await makeBundle("mine", [{ path: "a.json", text: "{}" }], { by: "atlas test" });
    const altered = bundle.files.map((file) => ({ ...file, text: "{ }" }));
    const verdict = await verifyBundle(altered, bundle.checked, "/api/dataset");
    expect(verdict.trusted).toBe(false);
    expect(verdict.issues).toHaveLength(1);
    expect(verdict.issues[0]?.file).toBe("a.json");
    expect(verdict.issues[0]?.message).toMatch(/does not match its sha256: the file is not valid UTF-8/);
  });
});

describe("paths", () => {
  it("isLayoutPath: only files below the folder's own layouts/", () => {
    expect(isLayoutPath("layouts/default.json")).toBe(true);
    expect(isLayoutPath("layouts/more/deep.json")).toBe(true);
    expect(isLayoutPath("layouts.json")).toBe(false);
    expect(isLayoutPath("regions/layouts/x.json")).toBe(false);
  });

  it("datasetPathProblem refuses what the folder listing would never list, and what leads outside", () => {
    for (const good of ["a.json", "sources/canada.json", "layouts/default.json", "a b/ü.json"]) expect(datasetPathProblem(good)).toBeNull();
    for (const bad of [
      "",
      "/etc/passwd.json",
      "C:/x.json",
      "a\\b.json",
      "../x.json",
      "a/../../x.json",
      "./a.json",
      "a//b.json",
      ".hidden.json",
      "a/.git/x.json",
      "node_modules/x.json",
      "a.txt",
      "a.json/",
      "sub/.json",
    ])
      expect(datasetPathProblem(bad), bad).not.toBeNull();
  });
});

describe("bundleFolder", () => {
  it("bundles every json file below the folder, layouts included, checked when it validates", async () => {
    const folder = await folderWith({
      "all.json": textOf(validDocument()),
      "layouts/default.json": '{"name": "default", "positions": {}}',
      ".hidden/x.json": "{",
      "readme.md": "#",
    });
    const { bundle, result } = await bundleFolder(folder);
    expect(result.ok).toBe(true);
    expect(bundle.name).toBe(path.basename(folder));
    expect(bundle.files.map((file) => file.path)).toEqual(["all.json", "layouts/default.json"]);
    expect(bundle.checked?.by).toBe(ATLAS_VERSION);
    expect(isBundleJson(bundle)).toBe(true);
  });

  it("checks the saved layouts as the loader does: a broken one is a located error, read as a layout, not a document", async () => {
    const folder = await folderWith({
      "all.json": textOf(validDocument()),
      "layouts/default.json": "not even json: never read as a dataset document",
    });
    const { bundle, result } = await bundleFolder(folder);
    expect(result.ok).toBe(false);
    expect(result.issues.filter((issue) => issue.severity === "error").map((issue) => issue.file)).toEqual(["layouts/default.json"]);
    expect(bundle.checked).toBeUndefined();
  });

  it("leaves checked out when the folder does not validate, and hashes the bytes of a file that is not UTF-8", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"entities": [{"id": "a'), 0xff, ...new TextEncoder().encode('"}]}')]);
    const folder = await folderWith({ "bad.json": bytes });
    const { bundle, result } = await bundleFolder(folder);
    expect(result.ok).toBe(false);
    expect(result.issues[0]?.message).toMatch(/not valid UTF-8/);
    expect(bundle.checked).toBeUndefined();
    expect(bundle.files[0]?.sha256).toBe(nodeSha256(bytes));
    const verdict = await verifyBundle(bundle.files, bundle.checked, "/api/dataset");
    expect(verdict.issues.map((issue) => issue.file)).toEqual(["bad.json"]);
  });
});
