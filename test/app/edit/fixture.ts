/** A two-file dataset in the data files' style, for the workbench's tests. */
import { indexRecords, type RecordIndex } from "../../../src/app/edit/records.ts";
import type { BaseFile } from "../../../src/app/edit/session.ts";

export const ACTORS = `{
  "entities": [
    {"id": "gov-canada", "kind": "government", "name": "Government of Canada", "aliases": ["Canada"], "country": "CA"},
    {"id": "bell", "kind": "carrier", "name": "Bell Canada", "country": "CA"},
    {"id": "huawei", "kind": "vendor", "name": "Huawei Technologies", "country": "CN"},
    {"id": "jane-doe", "kind": "person", "name": "Jane Doe"}
  ],
  "relations": [
    {
      "id": "bell-uses-huawei", "kind": "uses_equipment_from", "source": "bell", "target": "huawei",
      "start": "2019", "end": null,
      "claim": "Bell ran Huawei radio equipment.",
      "evidence": [{"source": "report-2019"}],
      "confidence": "reported"
    }
  ]
}
`;

export const SOURCES = `{
  "sources": [
    {"id": "report-2019", "url": "https://example.org/report", "publisher": "Example News", "title": "Bell and Huawei", "published": "2019-05-01"}
  ]
}
`;

export const FILES: BaseFile[] = [
  { path: "actors.json", text: ACTORS, sha256: "a".repeat(64) },
  { path: "sources/world.json", text: SOURCES, sha256: "b".repeat(64) },
];

export function fixtureIndex(texts: readonly { path: string; text: string }[] = FILES): RecordIndex {
  return indexRecords(texts.map((file) => ({ file: file.path, json: JSON.parse(file.text) as unknown })));
}

export const PRESSURE = {
  id: "canada-presses-bell",
  kind: "pressures",
  source: "gov-canada",
  target: "bell",
  about: "huawei",
  start: "2025-06",
  claim: "Canada pressed Bell over Huawei.",
  evidence: [{ source: "report-2019" }],
  confidence: "reported",
};
