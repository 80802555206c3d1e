import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import { selectSubgraph } from "../../src/graph/select.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { joinChunks, zipFiles } from "../../src/formats/bundle.ts";
import { csvFiles } from "./sheets-support.ts";
import { exportDataset } from "../../src/formats/exported-dataset.ts";
import type { Chunk, FormatSpec, ReadInput } from "../../src/formats/format.ts";
import { NODE_FORMATS } from "../../src/formats/node.ts";
import { readFiles } from "../../src/formats/read-files.ts";
import { formatById, readableFormats } from "../../src/formats/registry.ts";
import { sheetDatasetArb } from "../support/sheet-arbitraries.ts";
import { hostileDataset, starterDataset } from "./support.ts";

const READERS = readableFormats("node", NODE_FORMATS);

async function writeFile(format: FormatSpec, graph: AtlasGraph): Promise<Uint8Array> {
  const { writer } = format;
  if (writer?.output !== "file") throw new Error(`${format.id} does not write one file`);
  const chunks: Chunk[] = [];
  await writer.write({ graph, options: {}, date: "2026-01-01" }, (chunk) => chunks.push(chunk));
  return joinChunks(chunks);
}

function readBack(inputs: readonly ReadInput[]): Dataset {
  const outcome = readFiles(inputs, READERS);
  if (!outcome.ok) throw new Error(`not read back: ${JSON.stringify(outcome.issues.slice(0, 5))}`);
  expect(outcome.issues).toEqual([]);
  expect(outcome.native).toBe(true);
  return outcome.dataset;
}

const xlsxInMemory = async (graph: AtlasGraph): Promise<Dataset> =>
  readBack([{ file: "roundtrip.xlsx", bytes: await writeFile(formatById("xlsx"), graph) }]);

const xlsxStreamed = async (graph: AtlasGraph): Promise<Dataset> => {
  const streaming = NODE_FORMATS.find((format) => format.id === "xlsx") as FormatSpec;
  return readBack([{ file: "roundtrip.xlsx", bytes: await writeFile(streaming, graph) }]);
};

const csvFolder = async (graph: AtlasGraph): Promise<Dataset> =>
  readBack([...(await csvFiles(graph))].map(([name, bytes]) => ({ file: `roundtrip/${name}`, bytes })));

const csvZip = async (graph: AtlasGraph): Promise<Dataset> =>
  readBack([{ file: "roundtrip.csv.zip", bytes: zipFiles(await csvFiles(graph)) }]);

describe("dataset -> spreadsheet -> dataset is lossless", () => {
  it("keeps every field of any valid dataset through XLSX, texts full of quotes, separators, line breaks, formula starts, accents, emoji and right-to-left text", async () => {
    await fc.assert(
      fc.asyncProperty(sheetDatasetArb(), async (dataset) => {
        const graph = buildGraph(dataset);
        expect(await xlsxInMemory(graph)).toEqual(exportDataset(graph));
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("keeps them through the CSV tables, as a folder and as a zip", async () => {
    await fc.assert(
      fc.asyncProperty(sheetDatasetArb(), async (dataset) => {
        const graph = buildGraph(dataset);
        expect(await csvFolder(graph)).toEqual(exportDataset(graph));
        expect(await csvZip(graph)).toEqual(exportDataset(graph));
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("keeps them through the workbook the CLI streams (exceljs's WorkbookWriter)", async () => {
    await fc.assert(
      fc.asyncProperty(sheetDatasetArb({ maxEntities: 6, maxRelations: 8 }), async (dataset) => {
        const graph = buildGraph(dataset);
        expect(await xlsxStreamed(graph)).toEqual(exportDataset(graph));
      }),
      { numRuns: 10 },
    );
  }, 60_000);

  it("keeps the hostile dataset (U+FFFE, U+FFFF, CR, markup) and the starter dataset exactly, every way", async () => {
    for (const dataset of [hostileDataset(), await starterDataset()]) {
      const graph = buildGraph(dataset);
      const expected = exportDataset(graph);
      expect(await xlsxInMemory(graph)).toEqual(expected);
      expect(await xlsxStreamed(graph)).toEqual(expected);
      expect(await csvFolder(graph)).toEqual(expected);
      expect(await csvZip(graph)).toEqual(expected);
    }
  }, 60_000);

  it("keeps a selection: the subgraph's entities and relations and exactly the sources they cite", async () => {
    const graph = selectSubgraph(buildGraph(await starterDataset()), { ego: { id: "huawei", depth: 1 } });
    const expected = exportDataset(graph);
    expect(expected.entities.length).toBeLessThan(graph.getAttribute("counts").entities);
    expect(await xlsxInMemory(graph)).toEqual(expected);
    expect(await csvZip(graph)).toEqual(expected);
  });
});
