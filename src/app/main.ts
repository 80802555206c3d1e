/** Placeholder until the explorer lands: parses the embedded dataset and shows its counts. */
import { parseDataset } from "../load/parse.ts";

const files = import.meta.glob<string>("/data/**/*.json", { query: "?raw", import: "default", eager: true });
const result = parseDataset(Object.entries(files).map(([file, text]) => ({ file: file.slice(1), text })));
const app = document.getElementById("app");
if (app) {
  app.textContent = result.ok
    ? `${result.dataset.meta.name}: ${result.dataset.entities.length} entities, ${result.dataset.relations.length} relations`
    : `The dataset has ${result.issues.length} problems.`;
}
