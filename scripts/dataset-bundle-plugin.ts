/**
 * The vite plugin that gives the page its dataset (DELIVERY.md §2): the built site carries
 * `dataset.bundle.json`, the bundle of data/ validated by the node loader (`checked` set), and its index.html
 * a `<meta name="leverage-atlas-dataset" content="dataset.bundle.json">` (relative: the site works under any
 * base path). In `npm start` the dev server answers the same address from data/ as it is now, and reloads
 * the page when a file there changes. The build `atlas serve` makes (its own vite mode) emits no bundle: the
 * server answers the page's dataset itself.
 */
import path from "node:path";
import type { Plugin } from "vite";
import { SERVE_BUILD_MODE } from "../src/cli/serve/app-files.ts";
import { formatIssue } from "../src/load/issues.ts";
import { bundleFolder } from "../src/load/folder-bundle.ts";

export const BUNDLE_FILE = "dataset.bundle.json";
export const DATASET_META = "leverage-atlas-dataset";

export function datasetBundlePlugin(options: { folder: string }): Plugin {
  const folder = path.resolve(options.folder);
  const inFolder = (file: string): boolean => file.endsWith(".json") && !path.relative(folder, file).startsWith("..");
  let emit = true;
  return {
    name: "leverage-atlas-dataset-bundle",
    configResolved(config) {
      emit = config.mode !== SERVE_BUILD_MODE;
    },
    transformIndexHtml: () => [{ tag: "meta", attrs: { name: DATASET_META, content: BUNDLE_FILE }, injectTo: "head-prepend" }],
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (request.url?.split("?")[0] !== `/${BUNDLE_FILE}`) {
          next();
          return;
        }
        // An invalid folder is still served: the page lists its problems, as it would for a file it opens.
        bundleFolder(folder).then(
          ({ bundle }) => {
            response.setHeader("Content-Type", "application/json; charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.end(JSON.stringify(bundle));
          },
          (error: unknown) => next(error),
        );
      });
      server.watcher.add(folder);
      const reload = (file: string): void => {
        if (inFolder(file)) server.ws.send({ type: "full-reload" });
      };
      for (const event of ["add", "change", "unlink"] as const) server.watcher.on(event, reload);
    },
    async generateBundle() {
      if (!emit) return;
      const { bundle, result } = await bundleFolder(folder);
      for (const issue of result.issues) if (issue.severity === "warning") this.warn(formatIssue(issue));
      if (!result.ok) {
        const errors = result.issues.filter((issue) => issue.severity === "error").map(formatIssue);
        this.error(`the dataset in ${path.relative(process.cwd(), folder) || "."} does not validate:\n${errors.join("\n")}`);
      }
      this.emitFile({ type: "asset", fileName: BUNDLE_FILE, source: JSON.stringify(bundle) });
    },
  };
}
