/**
 * `atlas publish [DIR] --out SITE/ [--title T] [--base /path/] [--force]`: a static site of a dataset folder:
 * the explorer's production build (vite, built now from this package's sources, so the site is what the
 * sources say) and the folder's validated bundle, saved layouts included, under the name the page's dataset
 * meta gives. No server code: any static host serves it, `python3 -m http.server` included. A dataset with
 * errors does not publish; the site is made in a folder beside SITE and renamed into place once complete.
 */
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Option, type Command } from "commander";
import { isLayoutPath } from "../../load/bundle.ts";
import { bundleFolder } from "../../load/folder-bundle.ts";
import { formatIssue } from "../../load/issues.ts";
import { listJsonFiles } from "../../load/read.ts";
import { plural } from "../../model/text.ts";
import { writeFolderAtomically } from "../atomic-write.ts";
import { DEFAULT_DATASET_PATH } from "../dataset.ts";
import { CliError, EXIT, type CliIo } from "../io.ts";
import { buildExplorer, packageRoot } from "../serve/app-files.ts";
import {
  bundleFileOf,
  forbiddenOut,
  isPublishMarker,
  publishBase,
  publishedIndexHtml,
  PUBLISH_MARKER,
  PUBLISH_MARKER_FORMAT,
  type PublishMarker,
} from "../publish/site.ts";

interface PublishOptions {
  out?: string;
  title?: string;
  base?: string;
  force?: boolean;
  /** A built explorer to copy instead of building one (tests): it must have been built for the same base. */
  app?: string;
}

/** Whether `out` may be replaced: absent, empty, a previous publish, or --force. */
async function checkOut(out: string, force: boolean): Promise<void> {
  const info = await stat(out).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw new CliError(`--out ${out} is a file; give a folder for the site`, EXIT.usage);
  const entries = await readdir(out);
  if (entries.length === 0 || force) return;
  const marker = await readFile(path.join(out, PUBLISH_MARKER), "utf8").catch(() => "");
  if (isPublishMarker(marker)) return;
  throw new CliError(
    `--out ${out} is not empty and is not a site atlas publish made (no ${PUBLISH_MARKER}); choose a new or empty folder, or add --force to replace it`,
    EXIT.usage,
  );
}

/** Copies a built explorer (the hidden --app) into the site's folder. */
async function copyApp(app: string, folder: string): Promise<void> {
  if (!existsSync(path.join(app, "index.html"))) throw new CliError(`--app ${app} has no index.html`, EXIT.usage);
  await cp(app, folder, { recursive: true });
}

export function registerPublish(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("publish")
    .description("write a static site of a dataset folder: the explorer and the validated dataset, for any static host")
    .argument("[dir]", "dataset folder", DEFAULT_DATASET_PATH)
    .option("--out <folder>", "the site's folder (made, or replaced when a previous publish made it)")
    .option("--title <text>", "the page's title (default: the dataset's name)")
    .option("--base <path>", 'the path the site is served under, such as /atlas/ (default "./": any path)')
    .option("--force", "replace --out even when it holds other files")
    .addOption(new Option("--app <folder>", "a built explorer to copy instead of building one (tests)").hideHelp())
    .addHelpText(
      "after",
      [
        "",
        "The site is the explorer and DIR's files as one dataset.bundle.json; it runs no server code. Try it with",
        "  python3 -m http.server --directory SITE",
        "A dataset with errors is not published (they are listed, as atlas validate lists them). The site is made",
        "beside --out and replaces it only once complete. Exit status: 0 published, 1 dataset errors, 2 usage error.",
      ].join("\n"),
    )
    .action(async (dir: string, options: PublishOptions) => {
      if (options.out === undefined || options.out === "") throw new CliError("give --out SITE/: the folder to write the site into", EXIT.usage);
      const out = options.out;
      const base = publishBase(options.base);
      const info = await stat(dir).catch(() => undefined);
      if (!info?.isDirectory())
        throw new CliError(info ? `${dir} is a file; atlas publish publishes a dataset folder` : `no such folder: ${dir}`, EXIT.usage);
      if ((await listJsonFiles(dir)).length === 0) throw new CliError(`no .json files found in ${dir}`, EXIT.usage);
      const forbidden = forbiddenOut(path.resolve(out), path.resolve(dir), process.cwd());
      if (forbidden !== null) throw new CliError(forbidden, EXIT.usage);
      await checkOut(out, options.force === true);

      const { bundle, result } = await bundleFolder(dir);
      const located = (issue: (typeof result.issues)[number]): string => formatIssue({ ...issue, file: path.join(dir, issue.file) });
      if (!result.ok) {
        for (const issue of result.issues) io.stderr(`${located(issue)}\n`);
        const errors = result.issues.filter((issue) => issue.severity === "error").length;
        io.stderr(`atlas publish: ${dir} has ${plural(errors, "error")}; nothing was written (fix them, then publish again)\n`);
        setExit(EXIT.invalid);
        return;
      }
      for (const issue of result.issues) io.stderr(`${located(issue)}\n`);
      const title = options.title ?? `${result.dataset.meta.name} · Leverage Atlas`;

      await mkdir(path.dirname(path.resolve(out)), { recursive: true });
      io.stderr(`atlas publish: building the explorer (vite build) for ${out}…\n`);
      await writeFolderAtomically(out, async (_add, folder) => {
        if (options.app === undefined) await buildExplorer(packageRoot(), folder, { base });
        else await copyApp(options.app, folder);
        const index = path.join(folder, "index.html");
        const html = await readFile(index, "utf8");
        const bundleFile = bundleFileOf(html);
        await writeFile(index, publishedIndexHtml(html, title));
        await writeFile(path.join(folder, bundleFile), JSON.stringify(bundle));
        const marker: PublishMarker = {
          format: PUBLISH_MARKER_FORMAT,
          version: 1,
          dataset: bundle.name,
          title,
          base,
          bundle: bundleFile,
          digest: bundle.checked?.digest ?? "",
          by: bundle.checked?.by ?? "",
          at: bundle.checked?.at ?? new Date().toISOString(),
        };
        await writeFile(path.join(folder, PUBLISH_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
      });

      const { entities, relations, sources } = result.counts;
      const layouts = bundle.files.filter((file) => isLayoutPath(file.path)).length;
      io.stdout(
        `published ${dir} to ${out}: ${plural(entities, "entity", "entities")}, ${plural(relations, "relation")}, ${plural(sources, "source")}` +
          `${layouts > 0 ? `, ${plural(layouts, "saved layout")}` : ""}; base ${base}\n`,
      );
      io.stdout(
        base === "./"
          ? `try it: python3 -m http.server --directory ${out}, then open http://localhost:8000/\n`
          : `serve ${out} at ${base} of its host (the site's addresses start with ${base})\n`,
      );
      setExit(EXIT.ok);
    });
}
