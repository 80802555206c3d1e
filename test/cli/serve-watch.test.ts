import { mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchFolder, type FolderWatcher } from "../../src/cli/serve/watch.ts";

describe("watching a served folder", () => {
  let watcher: FolderWatcher | undefined;
  let folder = "";
  afterEach(async () => {
    watcher?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("still hears a top-level file written in place after it was replaced by a rename (an atomic save)", async () => {
    folder = await mkdtemp(path.join(tmpdir(), "atlas-watch-"));
    const file = path.join(folder, "canada.json");
    await writeFile(file, '{"entities": []}\n');
    const heard: string[][] = [];
    watcher = await watchFolder(folder, (files) => heard.push(files));
    const next = async (count: number): Promise<void> => {
      await expect.poll(() => heard.length, { timeout: 10_000, interval: 50 }).toBe(count);
    };
    await writeFile(path.join(folder, ".canada.json.tmp"), '{"entities": [], "sources": []}\n');
    await rename(path.join(folder, ".canada.json.tmp"), file);
    await next(1);
    await writeFile(file, '{"relations": []}\n');
    await next(2);
    expect(heard).toEqual([["canada.json"], ["canada.json"]]);
  });
});
