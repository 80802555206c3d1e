/** Saved layouts in the page: read from a bundle with the dataset, and what Save layout says after a save into the folder. */
import { describe, expect, it } from "vitest";
import { openBundle } from "../../src/app/files/load.ts";
import { savedLayoutNote } from "../../src/app/panels/save-layout.ts";
import { makeBundle } from "../../src/load/bundle.ts";
import { FIXTURE_DOCUMENT } from "./fixture.ts";

const firstEntity = FIXTURE_DOCUMENT.entities[0]?.id ?? "";

describe("a bundle's saved layouts", () => {
  it("are read with the dataset, against its entities: the page opens at them", async () => {
    const bundle = await makeBundle("fixture", [
      { path: "fixture.json", text: JSON.stringify(FIXTURE_DOCUMENT) },
      { path: "layouts/default.json", text: JSON.stringify({ name: "default", positions: { [firstEntity]: [3, 4] } }) },
    ]);
    const { result } = await openBundle(JSON.parse(JSON.stringify(bundle)), "/api/dataset");
    expect(result.ok).toBe(true);
    expect(result.layouts.map((layout) => [layout.name, [...layout.positions]])).toEqual([["default", [[firstEntity, { x: 3, y: 4 }]]]]);
  });

  it("fail the load with a located error when one is broken, as the node loader does", async () => {
    const bundle = await makeBundle("fixture", [
      { path: "fixture.json", text: JSON.stringify(FIXTURE_DOCUMENT) },
      { path: "layouts/default.json", text: '{"name": "default", "positions": {"x": [1e999, 0]}}' },
    ]);
    const { result } = await openBundle(JSON.parse(JSON.stringify(bundle)), "/api/dataset");
    expect(result.ok).toBe(false);
    expect(result.issues.filter((issue) => issue.severity === "error").map((issue) => [issue.file, issue.pointer])).toEqual([
      ["layouts/default.json", "/positions/x/0"],
    ]);
  });
});

describe("Save layout's note after a save into the folder", () => {
  const path = "layouts/default.json";
  it("says where it was saved, or why not, in words", () => {
    expect(savedLayoutNote(path, { status: "saved", files: [{ path, sha256: "0".repeat(64) }] })).toBe(
      "Saved layouts/default.json in the dataset folder: the dataset opens with these positions.",
    );
    expect(savedLayoutNote(path, { status: "conflict", conflicts: [{ path, sha256: null, text: null }] })).toMatch(
      /^Not saved: layouts\/default\.json changed on disk since the page read it\./,
    );
    expect(
      savedLayoutNote(path, {
        status: "invalid",
        issues: [{ file: path, pointer: "/positions/x/0", message: "x must be a finite number", severity: "error" }],
      }),
    ).toBe("Not saved: x must be a finite number.");
    expect(savedLayoutNote(path, { status: "refused", httpStatus: 405, message: "the dataset is served read-only" })).toBe(
      "Not saved: the dataset is served read-only.",
    );
  });
});
