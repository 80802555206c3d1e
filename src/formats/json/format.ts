/**
 * The JSON dataset in the format registry: a dataset file (write.ts), read by the loader's parseDataset; opened
 * with its folder's files, its saved layouts (load/layouts.ts) come with it.
 */
import { defineFormat } from "../format.ts";
import { exportDataset, relationsAboutMissing } from "../exported-dataset.ts";
import { firstCharacter } from "../sniff.ts";
import { decodeDatasetBytes } from "../../load/decode.ts";
import type { LoadIssue } from "../../load/issues.ts";
import { looksLikeLayout, withLayouts, type FolderFile } from "../../load/layouts.ts";
import { parseDataset, type DatasetInput } from "../../load/parse.ts";
import { plural } from "../../model/text.ts";
import { writeDatasetJson } from "./write.ts";

export const JSON_DATASET_FORMAT = defineFormat({
  id: "json",
  name: "JSON",
  label: "JSON dataset",
  description: "a JSON dataset file like those in data/, which loads back with zero errors",
  extensions: ["json"],
  mediaType: "application/json",
  options: {},
  writer: {
    output: "file",
    content: "text",
    runs: ["node", "browser"],
    writes: "data",
    write(input, emit) {
      const dataset = exportDataset(input.graph);
      emit(writeDatasetJson(dataset));
      const missing = relationsAboutMissing(input.graph);
      const notes =
        missing.length > 0
          ? [
              `${plural(missing.length, "relation")} ${missing.length === 1 ? "is" : "are"} about an entity outside the export; "about" was left out to keep the dataset valid (e.g. ${missing.slice(0, 3).join(", ")})`,
            ]
          : [];
      return { sources: dataset.sources.length, notes };
    },
  },
  reader: {
    runs: ["node", "browser"],
    accepts: "several",
    noun: "dataset",
    help: "a dataset file (or several read together, as data/ is split): checked, and written back in the schema's order",
    signature: "{",
    // Any JSON object could be a dataset (its fields are all optional): never more than a maybe.
    sniff: (bytes) => (firstCharacter(bytes) === "{" ? "maybe" : "no"),
    read(files, options) {
      const texts: DatasetInput[] = [];
      const issues: LoadIssue[] = [];
      for (const { file, bytes } of files) {
        const decoded = decodeDatasetBytes(file, bytes);
        if (decoded.ok) texts.push(decoded.input);
        else issues.push(decoded.issue);
      }
      // A dataset folder's saved layouts (layouts/NAME.json) come with its files: read as layouts, not documents.
      const layoutFiles: FolderFile[] = texts
        .filter((input) => "text" in input && looksLikeLayout(input.file, input.text))
        .map((input) => ({
          path: `layouts/${input.file.replace(/^.*[\\/]/, "")}`,
          file: input.file,
          text: "text" in input ? input.text : "",
        }));
      const documents = texts.filter((input) => !layoutFiles.some((layout) => layout.file === input.file));
      const only = documents.length === 1 ? documents[0] : undefined;
      const defaultName = options.name ?? (only ? only.file.replace(/^.*[\\/]/, "").replace(/\.json$/i, "") : "Imported dataset");
      const result = withLayouts(parseDataset(documents, { defaultName }), layoutFiles);
      if (result.ok && issues.length === 0)
        return { ok: true, dataset: result.dataset, issues: result.issues, native: true, layouts: result.layouts };
      return { ok: false, issues: [...issues, ...result.issues] };
    },
    describe: ({ files }) => (files > 1 ? "dataset files read together" : "a dataset file"),
  },
});
