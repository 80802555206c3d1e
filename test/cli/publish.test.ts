/**
 * `atlas publish`: a static site of a dataset folder. One real build (vite, from this package's sources) of
 * data/ under a sub-path, checked file by file; the rest use a stand-in for the built explorer (the command's
 * hidden --app), since what they pin is what happens around the build: a broken dataset writes nothing, a
 * folder that is not a previous publish is not replaced without --force, and the site never lands on the dataset.
 */
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listJsonFiles, relativeDatasetPath } from "../../src/load/read.ts";
import { readBundle } from "../../src/load/bundle.ts";
import { PUBLISH_MARKER, publishBase, publishedIndexHtml } from "../../src/cli/publish/site.ts";
import { atlasCommand } from "../support/bin.ts";
import { atlas } from "../support/cli.ts";
import { allFiles, fakeExplorerBuild } from "../support/serve.ts";

let scratch = "";
let app = "";

/** data/ with one file broken twice over: a relation to an entity that does not exist, and a syntax error in another. */
async function brokenDataset(folder: string): Promise<string> {
  await cp("data", folder, { recursive: true });
  const canada = path.join(folder, "canada.json");
  const text = await readFile(canada, "utf8");
  await writeFile(canada, text.replace('"target": "bell"', '"target": "no-such-entity"'));
  await writeFile(path.join(folder, "broken.json"), '{ "entities": [ { "id": "x", } ] }\n');
  return folder;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "atlas-publish-"));
  app = await fakeExplorerBuild(path.join(scratch, "app"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("atlas publish of data/ (a real build, by the built bin)", () => {
  it("writes the built explorer under --base, the validated bundle its meta names, the title, and nothing else beside it", async () => {
    const out = path.join(scratch, "real", "site");
    // Through the installable bin (dist-cli/, as `npx atlas` runs it): it finds this package and its vite.
    const [command, ...prefix] = atlasCommand();
    const run = spawnSync(command as string, [...prefix, "publish", "data", "--out", out, "--base", "/atlas", "--title", 'Huawei <5G> & "allies"'], {
      encoding: "utf8",
      timeout: 170_000,
    });
    const result = { code: run.status, stdout: run.stdout, stderr: run.stderr };
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^published data to .*: \d+ entities, \d+ relations, \d+ sources.*; base \/atlas\/$/m);

    const html = await readFile(path.join(out, "index.html"), "utf8");
    // vite addresses every asset under the base; the page finds its bundle relative to itself.
    expect(html).toMatch(/<script type="module" crossorigin src="\/atlas\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(html).toContain('<meta name="leverage-atlas-dataset" content="dataset.bundle.json">');
    // The same Content-Security-Policy as the explorer's source page.
    const policy = (text: string): string | undefined => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(text)?.[1];
    expect(policy(html)).toBeDefined();
    expect(policy(html)).toBe(policy(await readFile("index.html", "utf8")));
    expect(html).toContain("<title>Huawei &lt;5G&gt; &amp; \"allies\"</title>");
    expect(html).toContain('<meta name="leverage-atlas-title" content="Huawei &lt;5G&gt; &amp; &quot;allies&quot;">');

    const bundle = readBundle(JSON.parse(await readFile(path.join(out, "dataset.bundle.json"), "utf8")), "dataset.bundle.json");
    if (!bundle.ok) throw new Error("the published bundle does not read");
    const expected = (await listJsonFiles("data")).map((file) => relativeDatasetPath("data", file));
    expect(bundle.files.map((file) => file.path)).toEqual(expected);
    for (const file of bundle.files) expect(file.text).toBe(await readFile(path.join("data", file.path), "utf8"));
    expect(bundle.files.filter((file) => file.path.startsWith("layouts/")).map((file) => file.path)).toEqual(
      expected.filter((file) => file.startsWith("layouts/")),
    );
    const raw = JSON.parse(await readFile(path.join(out, "dataset.bundle.json"), "utf8")) as { checked?: { by: string } };
    expect(raw.checked?.by).toMatch(/^atlas \d/);

    const files = await allFiles(out);
    expect(files).toContain(PUBLISH_MARKER);
    expect(files.filter((file) => !file.startsWith("assets/")).sort()).toEqual([PUBLISH_MARKER, "dataset.bundle.json", "index.html"].sort());
    // No server code: the site is the page, its assets and the bundle.
    expect(files.filter((file) => file.startsWith("assets/")).every((file) => /\.(js|css|wasm|svg|png|woff2?)$/.test(file))).toBe(true);
    // Made beside --out, renamed into place: nothing else is left in the parent folder.
    expect(await readdir(path.dirname(out))).toEqual(["site"]);
  }, 180_000);
});

describe("atlas publish around the build (a stand-in explorer)", () => {
  it("publishes a broken dataset nowhere: every error located, exit 1, nothing written, a previous site left as it was", async () => {
    const dataset = await brokenDataset(path.join(scratch, "broken", "my-data"));
    const out = path.join(scratch, "broken", "site");
    const result = await atlas("publish", dataset, "--out", out, "--app", app);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${path.join(dataset, "broken.json")}:1:`);
    expect(result.stderr).toMatch(new RegExp(`${path.join(dataset, "canada.json").replaceAll("/", "\\/")}:/relations/\\d+/target: .*no-such-entity`));
    expect(result.stderr).toMatch(/has \d+ errors; nothing was written/);
    expect(await readdir(path.dirname(out))).toEqual(["my-data"]);

    // Over a previous publish: it stays exactly as it was.
    const good = await atlas("publish", "data", "--out", out, "--app", app);
    expect(good.code).toBe(0);
    const before = await allFiles(out);
    const bundleBefore = await readFile(path.join(out, "dataset.bundle.json"), "utf8");
    expect((await atlas("publish", dataset, "--out", out, "--app", app)).code).toBe(1);
    expect(await allFiles(out)).toEqual(before);
    expect(await readFile(path.join(out, "dataset.bundle.json"), "utf8")).toBe(bundleBefore);
    expect((await readdir(path.dirname(out))).sort()).toEqual(["my-data", "site"]);
  });

  it("carries the dataset's saved layouts (layouts/NAME.json) in the bundle, as they are, and not as dataset documents", async () => {
    const dataset = path.join(scratch, "layouts", "my-data");
    await cp("data", dataset, { recursive: true });
    await mkdir(path.join(dataset, "layouts"), { recursive: true });
    const layout = '{\n  "name": "default",\n  "positions": { "bell": [12.5, -3], "huawei": [0, 0] }\n}\n';
    await writeFile(path.join(dataset, "layouts", "default.json"), layout);
    const out = path.join(scratch, "layouts", "site");
    const result = await atlas("publish", dataset, "--out", out, "--app", app);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/, 1 saved layout; base \.\/$/m);
    const bundle = readBundle(JSON.parse(await readFile(path.join(out, "dataset.bundle.json"), "utf8")), "dataset.bundle.json");
    if (!bundle.ok) throw new Error("the published bundle does not read");
    expect(bundle.layouts).toEqual([{ path: "layouts/default.json", text: layout }]);
    expect(bundle.documents.map((document) => document.file)).not.toContain("layouts/default.json");
  });

  it("refuses a non-empty folder that no publish made, unless --force; replaces a previous publish without it", async () => {
    const out = path.join(scratch, "refuse", "site");
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, "thesis.tex"), "\\documentclass{article}\n");
    const refused = await atlas("publish", "data", "--out", out, "--app", app);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not empty and is not a site atlas publish made .*--force/);
    expect(await allFiles(out)).toEqual(["thesis.tex"]);

    const forced = await atlas("publish", "data", "--out", out, "--app", app, "--force");
    expect(forced.code).toBe(0);
    expect(await allFiles(out)).not.toContain("thesis.tex");
    expect(await allFiles(out)).toContain("dataset.bundle.json");

    // A previous publish is replaced without --force (the marker says what made it).
    const again = await atlas("publish", "data", "--out", out, "--app", app, "--title", "Second");
    expect(again.code).toBe(0);
    expect(await readFile(path.join(out, "index.html"), "utf8")).toContain("<title>Second</title>");

    // An empty folder is fine too.
    const empty = path.join(scratch, "refuse", "empty");
    await mkdir(empty);
    expect((await atlas("publish", "data", "--out", empty, "--app", app)).code).toBe(0);
  });

  it("never puts the site on or inside the dataset folder or over the current folder, even with --force", async () => {
    const dataset = path.join(scratch, "guard", "data");
    await cp("data", dataset, { recursive: true });
    const before = await allFiles(dataset);
    for (const out of [dataset, path.join(dataset, "site"), path.dirname(dataset), "."]) {
      const result = await atlas("publish", dataset, "--out", out, "--app", app, "--force");
      expect(result.code, out).toBe(2);
      expect(result.stderr, out).toMatch(/--out .*(holds the dataset folder|inside the dataset folder|holds the current folder)/);
    }
    expect(await allFiles(dataset)).toEqual(before);
  });

  it("says what is wrong with its arguments: no --out, a bad --base, a missing or empty dataset folder", async () => {
    const out = path.join(scratch, "args", "site");
    expect((await atlas("publish", "data")).stderr).toMatch(/give --out SITE\//);
    const base = await atlas("publish", "data", "--out", out, "--base", "/a b/", "--app", app);
    expect(base.code).toBe(2);
    expect(base.stderr).toMatch(/--base must be a path/);
    expect((await atlas("publish", path.join(scratch, "nowhere"), "--out", out, "--app", app)).stderr).toMatch(/no such folder/);
    await mkdir(path.join(scratch, "args", "empty"), { recursive: true });
    expect((await atlas("publish", path.join(scratch, "args", "empty"), "--out", out, "--app", app)).stderr).toMatch(/no \.json files/);
  });
});

describe("the published page's pieces", () => {
  it("takes a base that works under any path by default, or an absolute path with a trailing slash", () => {
    expect(publishBase(undefined)).toBe("./");
    expect(publishBase("/atlas")).toBe("/atlas/");
    expect(publishBase("/research/atlas/")).toBe("/research/atlas/");
    for (const bad of ["atlas/", "/a/../b/", 'x"><script>', "/a?b/", "https://example.org/"]) expect(() => publishBase(bad), bad).toThrow(/--base/);
  });

  it("writes the title as text in <title> and in the meta the page reads", () => {
    const html = publishedIndexHtml("<head>\n    <title>Leverage Atlas</title>\n</head>", "</title><script>alert(1)</script>");
    expect(html).toContain("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(html).not.toContain("<script>");
  });
});
