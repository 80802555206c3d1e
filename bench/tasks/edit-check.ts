/**
 * Live validation of an edit in the workbench (src/app/edit/check.ts): the loader run on the edited record
 * and the records it refers to, against the loader run on the whole dataset (what validating on every
 * keystroke would cost otherwise), on the same files in the same process. Cases: a relation being typed
 * (its claim changed) and the best-connected entity edited (checked with every relation that refers to it).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkRecord, type FieldProblem } from "../../src/app/edit/check.ts";
import { ENTITY_KINDS } from "../../src/model/ontology.ts";
import { indexRecords } from "../../src/app/edit/records.ts";
import { isLayoutPath } from "../../src/load/bundle.ts";
import { parseDataset } from "../../src/load/parse.ts";
import { listDatasetFiles } from "../../src/load/read.ts";
import { collectGarbage, measure, type MeasuredCase } from "./index.ts";

export async function editCheck(args: { dir: string; repeats: number }): Promise<MeasuredCase[]> {
  const paths = (await listDatasetFiles(args.dir)).filter((file) => !isLayoutPath(path.relative(args.dir, file)));
  const inputs = await Promise.all(paths.map(async (file) => ({ file: path.relative(args.dir, file), text: await readFile(file, "utf8") })));
  const index = indexRecords(inputs.map((input) => ({ file: input.file, json: JSON.parse(input.text) as unknown })));
  const [relation] = index.relations.values();
  if (!relation) throw new Error("the benchmark dataset has no relation");
  let hub = "";
  for (const [id, referrers] of index.referrers) if (index.entities.has(id) && referrers.length > (index.referrers.get(hub)?.length ?? -1)) hub = id;
  const hubRecord = index.entities.get(hub)?.record;
  if (!hubRecord) throw new Error("the benchmark dataset has no referred entity");
  const cases = [
    {
      name: "a relation being typed",
      check: () => checkRecord(index, "relations", { ...relation.record, claim: `${relation.record.claim} (edited)` }, relation.record.id),
    },
    {
      name: "the best-connected entity's description being typed",
      check: () => checkRecord(index, "entities", { ...hubRecord, description: "Edited." }, hub),
    },
    {
      // A kind chosen from the list (not typed): every relation of the hub is checked again, and most refuse it.
      name: `the best-connected entity's kind changed (its ${index.referrers.get(hub)?.length ?? 0} relations checked again)`,
      check: () => checkRecord(index, "entities", { ...hubRecord, kind: ENTITY_KINDS.find((kind) => kind !== hubRecord.kind) }, hub),
      errorsExpected: true,
    },
  ];
  const results: MeasuredCase[] = [];
  for (const { name, check, errorsExpected } of cases as { name: string; check: () => FieldProblem[]; errorsExpected?: boolean }[]) {
    const measured: MeasuredCase = { name, baseline: "parseDataset of the whole dataset", ms: [], baselineMs: [], cpuMs: [], baselineCpuMs: [], notes: "" };
    for (let repeat = 0; repeat < args.repeats; repeat += 1) {
      collectGarbage();
      const full = await measure(() => parseDataset(inputs));
      if (!full.value.ok) throw new Error("the benchmark dataset is invalid");
      collectGarbage();
      const live = await measure(check);
      if (!errorsExpected && live.value.some((problem) => problem.severity === "error")) throw new Error(`${name}: ${live.value[0]?.message ?? ""}`);
      measured.ms.push(live.ms);
      measured.cpuMs.push(live.cpuMs);
      measured.baselineMs.push(full.ms);
      measured.baselineCpuMs.push(full.cpuMs);
    }
    results.push(measured);
  }
  return results;
}
