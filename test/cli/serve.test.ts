/**
 * `atlas serve` against the real server (the built bin, on a free port, on a temporary copy of data/): what it
 * serves, that it follows the folder, and every guard of POST /api/save. A web page on another site must not
 * be able to write a researcher's files through localhost, and a save must never leave a half-written or
 * invalid dataset, or overwrite a change made meanwhile.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRecordEdit } from "../../src/formats/json/edit.ts";
import { readBundle, sha256Hex, type DatasetBundle } from "../../src/load/bundle.ts";
import { loadDataset } from "../../src/load/read.ts";
import { servedIndexHtml, staleReason } from "../../src/cli/serve/app-files.ts";
import { MAX_SAVE_BYTES, startServer } from "../../src/cli/serve/server.ts";
import { atlas } from "../support/cli.ts";
import { allFiles, fakeExplorerBuild, request, startServe, type RawResponse, type RunningServe } from "../support/serve.ts";

let scratch = "";
let app = "";

/** A fresh copy of data/ (so each group of tests starts from the same files). */
async function datasetCopy(name: string): Promise<string> {
  const folder = path.join(scratch, name);
  await cp("data", folder, { recursive: true });
  return folder;
}

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), "atlas-serve-"));
  app = await fakeExplorerBuild(path.join(scratch, "app"));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function sessionToken(html: string): string {
  const token = /<meta name="leverage-atlas-session" content="([^"]+)">/.exec(html)?.[1];
  if (!token) throw new Error("no session token in the page");
  return token;
}

describe("atlas serve in edit mode", () => {
  let folder = "";
  let server: RunningServe;
  let token = "";
  let origin = "";

  /** A save as the served page makes it, with any part overridden. */
  function save(body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
    return request(`${server.url}api/save`, {
      method: "POST",
      headers: { Origin: origin, "X-Atlas-Token": token, "Content-Type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  async function current(file: string): Promise<{ text: string; sha256: string }> {
    const text = await readFile(path.join(folder, file), "utf8");
    return { text, sha256: await sha256Hex(text) };
  }

  /** canada.json with a new pressure relation, made the way the page makes it. */
  async function withNewRelation(id = "canada-presses-bell-test"): Promise<{ text: string; sha256: string; edited: string }> {
    const { text, sha256 } = await current("canada.json");
    const record = {
      id,
      kind: "pressures",
      source: "gov-canada",
      target: "bell",
      about: "huawei",
      start: "2025-06-18",
      end: null,
      claim: "A test claim.",
      evidence: [{ source: "cnw-2022-05-19-champagne-statement" }],
      confidence: "reported",
    };
    const outcome = applyRecordEdit(text, { op: "add", collection: "relations", id, record });
    if (!outcome.ok) throw new Error(outcome.problem);
    return { text, sha256, edited: outcome.text };
  }

  beforeAll(async () => {
    folder = await datasetCopy("edit");
    server = await startServe([folder, "--port", "0", "--app", app]);
    origin = server.url.slice(0, -1);
    token = sessionToken((await request(server.url)).text);
  });

  afterAll(async () => {
    await server.stop();
  });

  it("serves the page with the dataset, mode and session metas, and the explorer's files", async () => {
    const page = await request(server.url);
    expect(page.status).toBe(200);
    expect(page.headers["x-frame-options"]).toBe("DENY");
    expect(page.text).toContain('<meta name="leverage-atlas-dataset" content="/api/dataset">');
    expect(page.text).toContain('<meta name="leverage-atlas-mode" content="edit">');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect((await request(`${server.url}assets/app.js`)).text).toBe("console.log('app');\n");
    expect((await request(`${server.url}assets/../../serve.test.ts`)).status).toBe(404);
    expect((await request(`${server.url}%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it("answers the folder's bundle, checked, and unknown routes with 404", async () => {
    const answer = await request(`${server.url}api/dataset`);
    expect(answer.status).toBe(200);
    const bundle = answer.json() as DatasetBundle;
    const read = readBundle(bundle, "/api/dataset");
    expect(read.ok).toBe(true);
    expect(bundle.checked?.by).toMatch(/^atlas /);
    expect(bundle.files.map((file) => file.path)).toContain("sources/canada.json");
    const unknown = await request(`${server.url}api/nothing`);
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toEqual({ error: "no such route: /api/nothing" });
  });

  it("listens on 127.0.0.1 only", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === "IPv4" && !address.internal);
    if (outside) await expect(request(`http://${outside.address}:${server.port}/`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it("refuses a request naming another host (DNS rebinding), to read or to write", async () => {
    const read = await request(`${server.url}api/dataset`, { headers: { Host: `evil.example:${server.port}` } });
    expect(read.status).toBe(403);
    expect(read.text).not.toContain("entities");
    const page = await request(server.url, { headers: { Host: `evil.example:${server.port}` } });
    expect(page.status).toBe(403);
    expect(page.text).not.toContain(token);
    const { sha256, edited } = await withNewRelation();
    const write = await save(
      { changes: [{ path: "canada.json", baseSha256: sha256, text: edited }] },
      { Host: `evil.example:${server.port}` },
    );
    expect(write.status).toBe(403);
    expect((await current("canada.json")).sha256).toBe(sha256);
  });

  it("refuses a save from another origin, even with the token", async () => {
    const { sha256, edited } = await withNewRelation();
    const body = { changes: [{ path: "canada.json", baseSha256: sha256, text: edited }] };
    for (const other of ["https://evil.example", "http://127.0.0.1:1", "null"]) {
      const answer = await save(body, { Origin: other });
      expect(answer.status, other).toBe(403);
      expect(answer.json()).toEqual({ error: "saves are accepted only from the page this server serves (Origin)" });
    }
    const without = await request(`${server.url}api/save`, {
      method: "POST",
      headers: { "X-Atlas-Token": token, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(without.status).toBe(403);
    expect((await current("canada.json")).sha256).toBe(sha256);
  });

  it("refuses a save without the session token or with a wrong one", async () => {
    const { sha256, edited } = await withNewRelation();
    const body = { changes: [{ path: "canada.json", baseSha256: sha256, text: edited }] };
    expect((await save(body, { "X-Atlas-Token": "" })).status).toBe(403);
    expect((await save(body, { "X-Atlas-Token": `${token.slice(0, -1)}x` })).status).toBe(403);
    const answer = await request(`${server.url}api/save`, {
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(403);
    expect((answer.json() as { error: string }).error).toMatch(/session token is missing or wrong/);
    expect((await current("canada.json")).sha256).toBe(sha256);
  });

  it("refuses a body that is not JSON by its type, too big, or malformed", async () => {
    const { sha256, edited } = await withNewRelation();
    const body = JSON.stringify({ changes: [{ path: "canada.json", baseSha256: sha256, text: edited }] });
    expect((await save(body, { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await save(body, { "Content-Type": "application/x-www-form-urlencoded" })).status).toBe(415);
    const declared = await save(body, { "Content-Length": String(MAX_SAVE_BYTES + 1) });
    expect(declared.status).toBe(413);
    const streamed = await request(`${server.url}api/save`, {
      method: "POST",
      headers: { Origin: origin, "X-Atlas-Token": token, "Content-Type": "application/json", "Transfer-Encoding": "chunked" },
      chunks: Array.from({ length: 22 }, () => Buffer.alloc(1024 * 1024, 0x20)),
    });
    expect(streamed.status).toBe(413);
    expect((await save("{not json")).status).toBe(400);
    const shape = await save({ changes: [{ path: "canada.json", text: edited }] });
    expect(shape.status).toBe(400);
    expect((shape.json() as { error: string }).error).toMatch(/^the body is not \{"changes"/);
    expect((await save({ changes: [] })).status).toBe(400);
    expect((await current("canada.json")).sha256).toBe(sha256);
  });

  it("refuses paths outside the folder, hidden, not .json, or through a symlink that leads outside", async () => {
    const outside = path.join(scratch, "outside");
    await mkdir(outside, { recursive: true });
    await writeFile(path.join(outside, "victim.json"), "{}\n");
    await symlink(outside, path.join(folder, "linked-folder"));
    await symlink(path.join(outside, "victim.json"), path.join(folder, "linked-file.json"));
    const text = '{"entities": []}\n';
    const cases: [string, RegExp][] = [
      ["../outside/victim.json", /not a relative path inside the dataset folder/],
      ["sub/../../outside/victim.json", /not a relative path inside the dataset folder/],
      [path.join(outside, "victim.json"), /not a relative path/],
      ["/etc/x.json", /not a relative path/],
      ["linked-folder/victim.json", /leads outside the dataset folder/],
      ["linked-folder/new.json", /leads outside the dataset folder/],
      ["linked-file.json", /is a symbolic link/],
      [".hidden.json", /names a hidden file or folder/],
      [".git/config.json", /names a hidden file or folder/],
      ["notes.txt", /is not a \.json file/],
      ["node_modules/x.json", /inside node_modules/],
    ];
    for (const [target, message] of cases) {
      const answer = await save({ changes: [{ path: target, baseSha256: await sha256Hex("{}\n"), text }] });
      expect(answer.status, target).toBe(400);
      expect((answer.json() as { error: string }).error, target).toMatch(message);
    }
    expect(await readFile(path.join(outside, "victim.json"), "utf8")).toBe("{}\n");
    expect(await allFiles(outside)).toEqual(["victim.json"]);
    await rm(path.join(folder, "linked-folder"));
    await rm(path.join(folder, "linked-file.json"));
  });

  it("refuses a save whose base is stale with 409 and what is on disk now, and writes nothing", async () => {
    const { text, sha256, edited } = await withNewRelation();
    const stale = await sha256Hex(`${text} `);
    const answer = await save({
      changes: [
        { path: "canada.json", baseSha256: stale, text: edited },
        { path: "new-file.json", baseSha256: null, text: '{"entities": []}\n' },
        { path: "vendors.json", baseSha256: null, text: '{"entities": []}\n' },
      ],
    });
    expect(answer.status).toBe(409);
    const vendors = await current("vendors.json");
    expect(answer.json()).toEqual({
      error: "conflict",
      conflicts: [
        { path: "canada.json", sha256, text },
        { path: "vendors.json", sha256: vendors.sha256, text: vendors.text },
      ],
    });
    expect((await current("canada.json")).sha256).toBe(sha256);
    expect(await allFiles(folder)).not.toContain("new-file.json");
  });

  it("refuses a save that would leave the dataset invalid with 422 and its located issues, and writes nothing", async () => {
    const { sha256, text } = await current("canada.json");
    const outcome = applyRecordEdit(text, {
      op: "add",
      collection: "relations",
      id: "bad-relation",
      record: {
        id: "bad-relation",
        kind: "pressures",
        source: "gov-canada",
        target: "no-such-entity",
        start: "2019-13",
        claim: "x",
        evidence: [],
        confidence: "reported",
      },
    });
    if (!outcome.ok) throw new Error(outcome.problem);
    const answer = await save({ changes: [{ path: "canada.json", baseSha256: sha256, text: outcome.text }] });
    expect(answer.status).toBe(422);
    const body = answer.json() as { error: string; issues: { file: string; pointer: string; message: string; severity: string }[] };
    expect(body.error).toBe("invalid");
    const errors = body.issues.filter((issue) => issue.severity === "error");
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.every((issue) => issue.file === "canada.json" && issue.pointer.startsWith("/relations/"))).toBe(true);
    expect(errors.map((issue) => issue.message).join("\n")).toMatch(/no-such-entity/);
    expect((await current("canada.json")).sha256).toBe(sha256);
    // A saved layout is checked as the loader checks it: not JSON, or placing a non-finite coordinate, is refused.
    const layout = await save({ changes: [{ path: "layouts/broken.json", baseSha256: null, text: "{ not json" }] });
    expect(layout.status).toBe(422);
    const infinite = await save({
      changes: [{ path: "layouts/far.json", baseSha256: null, text: '{"name": "far", "positions": {"gov-canada": [1e999, 0]}}' }],
    });
    expect(infinite.status).toBe(422);
    expect(JSON.stringify(infinite.json())).toMatch(/layouts\/far\.json/);
  });

  it("saves: the file changes in the saved record's lines only, atomically, and the folder still validates", async () => {
    const before = await allFiles(folder);
    const { text, sha256, edited } = await withNewRelation("saved-relation");
    const answer = await save({ changes: [{ path: "canada.json", baseSha256: sha256, text: edited }] });
    expect(answer.status).toBe(200);
    expect(answer.json()).toEqual({ files: [{ path: "canada.json", sha256: await sha256Hex(edited) }] });
    const after = await current("canada.json");
    expect(after.text).toBe(edited);
    // Like `git diff`: the lines of the new record, and the comma the record before it gained.
    const old = text.split("\n");
    const now = after.text.split("\n");
    const first = now.findIndex((line, index) => line !== old[index]);
    const inserted = now.length - old.length;
    expect(now.slice(0, first)).toEqual(old.slice(0, first));
    expect(now[first]).toBe(`${old[first]},`);
    expect(now.slice(first + 1 + inserted)).toEqual(old.slice(first + 1));
    expect(now.slice(first + 1, first + 1 + inserted).join("\n")).toMatch(
      /^ {4}\{\n {6}"id": "saved-relation", "kind": "pressures"[^\n]*\n[\s\S]*\n {4}\}$/,
    );
    expect(await allFiles(folder)).toEqual(before);
    expect((await loadDataset(folder)).ok).toBe(true);
    // The page read the file before this save: its base is stale now.
    const again = await save({ changes: [{ path: "canada.json", baseSha256: sha256, text: edited }] });
    expect(again.status).toBe(409);
  });

  it("creates new files and folders inside the dataset folder (base null)", async () => {
    // data/ has layouts/default.json: a new layout beside it.
    const layout = '{"name": "overview", "positions": {"gov-canada": [1, 2]}}\n';
    const entities = '{\n  "entities": [\n    {"id": "new-agency", "kind": "agency", "name": "New agency", "country": "CA"}\n  ]\n}\n';
    const answer = await save({
      changes: [
        { path: "layouts/overview.json", baseSha256: null, text: layout },
        { path: "regions/new/agencies.json", baseSha256: null, text: entities },
      ],
    });
    expect(answer.status).toBe(200);
    expect(await readFile(path.join(folder, "layouts/overview.json"), "utf8")).toBe(layout);
    expect(await readFile(path.join(folder, "regions/new/agencies.json"), "utf8")).toBe(entities);
    expect((await allFiles(folder)).filter((file) => path.basename(file).startsWith("."))).toEqual([]);
  });

  it("lets only one of two saves from the same base through", async () => {
    const { sha256 } = await current("vendors.json");
    const { text } = await current("vendors.json");
    const first = text.replace('"entities": [', '"entities": [\n    {"id": "first-tab", "kind": "vendor", "name": "First"},');
    const second = text.replace('"entities": [', '"entities": [\n    {"id": "second-tab", "kind": "vendor", "name": "Second"},');
    const answers = await Promise.all([
      save({ changes: [{ path: "vendors.json", baseSha256: sha256, text: first }] }),
      save({ changes: [{ path: "vendors.json", baseSha256: sha256, text: second }] }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const [one] = answers;
    const winner = one.status === 200 ? first : second;
    expect((await current("vendors.json")).text).toBe(winner);
  });

  it("tells the page, by a server-sent event, which files changed on disk", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}api/events`, { signal: controller.signal });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let received = "";
    // Earlier tests' saves may still be announced: wait for the event about this file.
    const changed = (async () => {
      while (!/event: changed\ndata: .*sources\/canada\.json/.test(received)) {
        const { value, done } = await reader.read();
        if (done) break;
        received += new TextDecoder().decode(value);
      }
    })();
    // Give the stream a moment to be registered, then edit like a text editor would: write a temp file, rename.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const file = path.join(folder, "sources", "canada.json");
    const text = await readFile(file, "utf8");
    await writeFile(path.join(folder, "sources", ".canada.json.swp"), "swap");
    await writeFile(
      file,
      text.replace(
        '"sources": [',
        '"sources": [\n    {"id": "sse-test-source", "url": "https://example.org/", "publisher": "P", "title": "T"},',
      ),
    );
    await changed;
    controller.abort();
    const data = /event: changed\ndata: (.*sources\/canada\.json.*)\n/.exec(received)?.[1];
    expect(JSON.parse(data ?? "null")).toEqual({ files: ["sources/canada.json"], bundle: "/api/dataset" });
  });
});

describe("atlas serve --read-only", () => {
  let server: RunningServe;
  let folder = "";

  beforeAll(async () => {
    folder = await datasetCopy("read-only");
    server = await startServe([folder, "--read-only", "--port", "0", "--app", app]);
  });

  afterAll(async () => {
    await server.stop();
  });

  it("serves the page without a session token and refuses every save with 405", async () => {
    const page = await request(server.url);
    expect(page.text).toContain('<meta name="leverage-atlas-mode" content="read-only">');
    expect(page.text).not.toContain("leverage-atlas-session");
    const text = await readFile(path.join(folder, "vendors.json"), "utf8");
    const answer = await request(`${server.url}api/save`, {
      method: "POST",
      headers: { Origin: server.url.slice(0, -1), "X-Atlas-Token": "anything", "Content-Type": "application/json" },
      body: JSON.stringify({ changes: [{ path: "vendors.json", baseSha256: await sha256Hex(text), text: "{}" }] }),
    });
    expect(answer.status).toBe(405);
    expect((answer.json() as { error: string }).error).toMatch(/read-only/);
    expect(await readFile(path.join(folder, "vendors.json"), "utf8")).toBe(text);
  });
});

describe("atlas serve's arguments", () => {
  it("refuses a missing folder, a file, a bad port and a port in use, in one line", async () => {
    expect(await atlas("serve", path.join(scratch, "missing"), "--app", app)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^atlas: no such folder: .*\n$/) as unknown,
    });
    expect(await atlas("serve", "data/canada.json", "--app", app)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/is a file; atlas serve serves a dataset folder/) as unknown,
    });
    expect(await atlas("serve", "data", "--port", "http", "--app", app)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--port must be a number/) as unknown,
    });
    const running = await startServer({ folder: "data", app, port: 0, readOnly: true });
    try {
      expect(running.address).toBe("127.0.0.1");
      expect(await atlas("serve", "data", "--port", String(running.port), "--app", app)).toMatchObject({
        code: 2,
        stderr: `atlas: port ${running.port} is in use; choose another with --port (0: any free port)\n`,
      });
    } finally {
      await running.close();
    }
  });
});

describe("the explorer atlas serve serves", () => {
  it("is built again when a source of the page is newer than the build, and not otherwise", async () => {
    const root = path.join(scratch, "package");
    const built = path.join(root, "built");
    await mkdir(path.join(root, "src"), { recursive: true });
    await writeFile(path.join(root, "src", "main.ts"), "");
    expect(await staleReason(root, built)).toBe("the explorer has not been built for atlas serve yet");
    await fakeExplorerBuild(built);
    const past = new Date(Date.now() - 60_000);
    await utimes(path.join(root, "src", "main.ts"), past, past);
    expect(await staleReason(root, built)).toBeNull();
    await writeFile(path.join(root, "src", "main.ts"), "// changed");
    const future = new Date(Date.now() + 60_000);
    await utimes(path.join(root, "src", "main.ts"), future, future);
    expect(await staleReason(root, built)).toBe("the explorer's sources changed since it was built");
  });

  it("gets the server's metas in place of the build's dataset meta, and a build without it is refused", async () => {
    const html = await servedIndexHtml(app, { mode: "edit", token: "abc" });
    expect(html).not.toContain("dataset.bundle.json");
    expect(html).toContain('<meta name="leverage-atlas-session" content="abc">');
    const other = path.join(scratch, "other-app");
    await mkdir(other, { recursive: true });
    await writeFile(path.join(other, "index.html"), "<!doctype html><title>x</title>");
    await expect(servedIndexHtml(other, { mode: "read-only", token: null })).rejects.toThrow(/has no dataset meta/);
  });
});
