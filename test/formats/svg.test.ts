import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.ts";
import type { AtlasGraph } from "../../src/graph/types.ts";
import { loadDataset } from "../../src/load/read.ts";
import type { Chunk, WriteInput, WriteReport } from "../../src/formats/format.ts";
import { SVG_FORMAT } from "../../src/formats/svg/format.ts";
import { drawRelation, insideShape, parallelCurvatures, relationPath, shapeOutline } from "../../src/formats/svg/geometry.ts";
import { spelledDate } from "../../src/formats/svg/figure.ts";
import { ENTITY_KIND_LOOKS, RELATION_FAMILY_LOOKS, hexColor } from "../../src/model/presentation.ts";
import type { SavedLayout } from "../../src/model/layout.ts";
import { atlas } from "../support/cli.ts";
import { hostileDataset, REPO_ROOT } from "./support.ts";

const run = promisify(execFile);
const FIGURE = path.join(REPO_ROOT, "test/fixtures/layouts/figure");
const DATE = "2024-01-02";
const SVG_NS = "http://www.w3.org/2000/svg";
/** The only elements a figure is made of: nothing that runs, links or styles. */
const ELEMENTS = new Set(["svg", "title", "desc", "rect", "g", "path", "polygon", "circle", "text"]);

let figure: { graph: AtlasGraph; layout: SavedLayout };
let folder: string;

beforeAll(async () => {
  const loaded = await loadDataset(FIGURE);
  if (!loaded.ok || !loaded.layouts[0]) throw new Error("the figure fixture does not load with its layout");
  figure = { graph: buildGraph(loaded.dataset), layout: loaded.layouts[0] };
  folder = mkdtempSync(path.join(tmpdir(), "atlas-svg-"));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function writeSvg(
  input: Omit<WriteInput, "options">,
  options: Partial<{ width: number; height: number; layout: "saved" | "forceatlas2" }> = {},
): Promise<{ text: string; report: WriteReport }> {
  const chunks: Chunk[] = [];
  const writer = SVG_FORMAT.writer;
  if (writer?.output !== "file") throw new Error("the SVG writer writes one file");
  const report = await writer.write({ date: DATE, ...input, options: { width: 1200, height: 800, layout: "saved", ...options } }, (chunk) =>
    chunks.push(chunk),
  );
  return { text: chunks.join(""), report };
}

function figureInput(): WriteInput["positions"] {
  return (id) => figure.layout.positions.get(id);
}

/** Parses with saxes (strict, namespaces): throws on anything that is not well-formed XML. */
function wellFormed(text: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(text).close();
}

function parse(text: string) {
  return new DOMParser().parseFromString(text, "image/svg+xml");
}

function all(root: { getElementsByTagName(name: string): ArrayLike<Element> }, name: string): Element[] {
  return Array.from(root.getElementsByTagName(name));
}

function groups(document: ReturnType<typeof parse>, cls: string): Element[] {
  return all(document, "g").filter((element) => element.getAttribute("class") === cls);
}

describe("the SVG figure", () => {
  it("is well-formed SVG (saxes, xmllint) with named layers and one group per entity and per relation", async () => {
    const { text } = await writeSvg({ graph: figure.graph, positions: figureInput() });
    wellFormed(text);
    const file = path.join(folder, "figure.svg");
    writeFileSync(file, text);
    await run("xmllint", ["--noout", file]);
    const document = parse(text);
    const root = document.documentElement;
    expect([root?.namespaceURI, root?.getAttribute("width"), root?.getAttribute("height"), root?.getAttribute("viewBox")]).toEqual([
      SVG_NS,
      "1200",
      "800",
      "0 0 1200 800",
    ]);
    for (const id of ["background", "relations", "entities", "legend", "header", "title", "subtitle", "source"])
      expect(document.getElementById(id), id).not.toBeNull();
    expect(groups(document, "entity").map((group) => group.getAttribute("data-id"))).toEqual(expect.arrayContaining(figure.graph.nodes()));
    expect(groups(document, "entity")).toHaveLength(figure.graph.order);
    expect(groups(document, "relation").map((group) => group.getAttribute("data-id"))).toEqual(figure.graph.edges());
    // Every relation is a stroked path and a filled arrowhead in its family's colour.
    for (const group of groups(document, "relation")) {
      const family = group.getAttribute("data-family") as keyof typeof RELATION_FAMILY_LOOKS;
      const [body, head] = all(group, "path");
      expect(body?.getAttribute("stroke")).toBe(hexColor(RELATION_FAMILY_LOOKS[family].color));
      expect(head?.getAttribute("fill")).toBe(hexColor(RELATION_FAMILY_LOOKS[family].color));
      expect(head?.getAttribute("d")).toMatch(/^M[-\d. ]+ L[-\d. ]+ L[-\d. ]+ Z$/);
    }
  });

  it("draws each entity in its kind's shape and colour, with its name as real text", async () => {
    const { text } = await writeSvg({ graph: figure.graph, positions: figureInput() });
    const document = parse(text);
    for (const group of groups(document, "entity")) {
      const id = group.getAttribute("data-id") ?? "";
      const look = ENTITY_KIND_LOOKS[figure.graph.getNodeAttribute(id, "kind")];
      const shape = all(group, look.shape === "circle" ? "circle" : "polygon")[0];
      expect(shape?.getAttribute("fill"), id).toBe(hexColor(look.color));
      if (look.shape !== "circle") expect(shape?.getAttribute("points")?.split(" ").length, id).toBe(look.shape === "triangle" ? 6 : 8);
      expect(all(group, "text")[0]?.textContent, id).toBe(figure.graph.getNodeAttribute(id, "label"));
    }
  });

  it("keeps hostile names literal text: markup, quotes, ampersands, CJK and Arabic; nothing runs, links or styles", async () => {
    for (const graph of [figure.graph, buildGraph(hostileDataset())]) {
      const { text } = await writeSvg({ graph });
      wellFormed(text);
      const document = parse(text);
      const elements = all(document, "*");
      expect(elements.filter((element) => !ELEMENTS.has(element.localName ?? "")).map((element) => element.localName)).toEqual([]);
      for (const element of elements)
        for (const attribute of Array.from(element.attributes)) {
          expect(attribute.name).not.toMatch(/^on|href$|^style$/i);
          expect(attribute.value).not.toMatch(/javascript:|url\(/i);
        }
      const labels = groups(document, "entity").map((group) => all(group, "text")[0]?.textContent);
      expect(labels.sort()).toEqual(graph.mapNodes((_id, attributes) => attributes.label.replace(/[\ufffe\uffff]/g, "\ufffd")).sort());
    }
    const { text } = await writeSvg({ graph: figure.graph });
    expect(text).toContain("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text>");
    expect(text).toContain("华为技术有限公司</text>");
    expect(text).toContain("هواوي تكنولوجيز</text>");
    expect(text).not.toContain("<script");
    expect(parse(text).getElementById("title")?.textContent).toBe('Figure fixture <svg onload=alert(1)> & "co"');
  });

  it("has a legend of the kinds and families shown, a title, the as-of date and a source line", async () => {
    const graph = figure.graph;
    const { text } = await writeSvg({ graph, positions: figureInput(), asOf: "2019-11" });
    const document = parse(text);
    const rows = (id: string) =>
      all(document.getElementById(id) as Element, "g").map((row) => [row.getAttribute("data-key"), all(row, "text")[0]?.textContent]);
    expect(rows("legend-entities")).toEqual(
      ["government", "person", "carrier", "vendor", "organization", "policy", "legal_case"].map((kind) => [
        kind,
        ENTITY_KIND_LOOKS[kind as keyof typeof ENTITY_KIND_LOOKS].label,
      ]),
    );
    expect(rows("legend-relations")).toEqual([
      ["pressure", "Pressure"],
      ["dependency", "Dependency"],
      ["structure", "Structure"],
    ]);
    expect(document.getElementById("subtitle")?.textContent).toBe("9 entities, 12 relations, as of November 2019");
    expect(document.getElementById("source")?.textContent).toBe(
      'Source: Figure fixture <svg onload=alert(1)> & "co" (https://example.org/figure?a=1&b=<2>). Exported 2024-01-02 with Leverage Atlas.',
    );
    // Only the families a subgraph shows are listed.
    const structureOnly = graph.copy();
    structureOnly.filterEdges((_edge, attributes) => attributes.family !== "structure").forEach((edge) => structureOnly.dropEdge(edge));
    const legend = parse((await writeSvg({ graph: structureOnly, positions: figureInput() })).text);
    expect(all(legend.getElementById("legend-relations") as Element, "g").map((row) => row.getAttribute("data-key"))).toEqual([
      "structure",
    ]);
    expect(spelledDate("2019")).toBe("2019");
    expect(spelledDate("2019-11-05")).toBe("5 November 2019");
  });

  it("is the same bytes for the same input, and follows the positions it is given (y up, as in the explorer)", async () => {
    const first = await writeSvg({ graph: figure.graph, positions: figureInput() });
    const second = await writeSvg({ graph: figure.graph, positions: figureInput() });
    expect(second.text).toBe(first.text);
    expect(first.report.notes).toEqual([]);
    const document = parse(first.text);
    const center = (id: string) => {
      const group = groups(document, "entity").find((candidate) => candidate.getAttribute("data-id") === id) as Element;
      const circle = all(group, "circle")[0];
      if (circle) return { x: Number(circle.getAttribute("cx")), y: Number(circle.getAttribute("cy")) };
      const points = (all(group, "polygon")[0]?.getAttribute("points") ?? "").split(" ").map(Number);
      const xs = points.filter((_value, index) => index % 2 === 0);
      const ys = points.filter((_value, index) => index % 2 === 1);
      return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
    };
    const ids = figure.graph.nodes();
    for (const a of ids)
      for (const b of ids) {
        const [pa, pb] = [figure.layout.positions.get(a), figure.layout.positions.get(b)];
        if (!pa || !pb || a === b) continue;
        if (pa.x < pb.x - 1) expect(center(a).x, `${a} left of ${b}`).toBeLessThan(center(b).x);
        if (pa.y < pb.y - 1) expect(center(a).y, `${a} below ${b}`).toBeGreaterThan(center(b).y);
      }
  });

  it("places entities with ForceAtlas2 from a fixed seed when it has no positions, and says so", async () => {
    const first = await writeSvg({ graph: figure.graph });
    const again = await writeSvg({ graph: figure.graph });
    expect(again.text).toBe(first.text);
    expect(first.report.notes).toEqual([
      'no saved layout: the entities were placed by ForceAtlas2 (1,000 iterations from seed 20181201); "atlas layout" saves one',
    ]);
    const partial = await writeSvg({
      graph: figure.graph,
      positions: (id) => (id === "gov-a" ? undefined : figure.layout.positions.get(id)),
    });
    expect(partial.report.notes).toEqual([
      "1 entity had no saved position and was placed by ForceAtlas2 (1,000 iterations from seed 20181201)",
    ]);
    // --layout forceatlas2 ignores the positions given.
    const fresh = await writeSvg({ graph: figure.graph, positions: figureInput() }, { layout: "forceatlas2" });
    expect(fresh.text).toBe(first.text);
    expect(fresh.report.notes).toEqual([]);
  });

  it("takes its size from the options and the explorer's entity sizes when given", async () => {
    const { text } = await writeSvg({ graph: figure.graph, positions: figureInput(), sizes: () => 7 }, { width: 640, height: 480 });
    const document = parse(text);
    expect(document.documentElement?.getAttribute("viewBox")).toBe("0 0 640 480");
    const radii = groups(document, "entity").flatMap((group) => all(group, "circle").map((circle) => circle.getAttribute("r")));
    expect(new Set(radii)).toEqual(new Set(["7"]));
  });

  it("draws the explorer's labels when given: only those, each on its side, at its size, over a pale halo", async () => {
    const ids = figure.graph.nodes();
    const sides = ["right", "left", "below", "above"] as const;
    const labelled = new Map(ids.slice(0, 4).map((id, index) => [id, sides[index] ?? "right"]));
    const { text } = await writeSvg({
      graph: figure.graph,
      positions: figureInput(),
      labels: { fontSize: 15, side: (id) => labelled.get(id) },
    });
    const document = parse(text);
    expect(document.getElementById("entities")?.getAttribute("font-size")).toBe("15");
    for (const group of groups(document, "entity")) {
      const id = group.getAttribute("data-id") ?? "";
      const label = all(group, "text")[0];
      const side = labelled.get(id);
      expect(label?.getAttribute("display"), id).toBe(side === undefined ? "none" : null);
      expect(label?.getAttribute("text-anchor"), id).toBe(side === "left" ? "end" : side === "below" || side === "above" ? "middle" : null);
      expect(label?.getAttribute("paint-order"), id).toBe("stroke");
      const center = all(group, "circle")[0] ?? null;
      if (side === undefined || center === null) continue;
      const [cx, cy, x, y] = [center.getAttribute("cx"), center.getAttribute("cy"), label?.getAttribute("x"), label?.getAttribute("y")].map(Number);
      if (side === "right") expect(x).toBeGreaterThan(cx as number);
      if (side === "left") expect(x).toBeLessThan(cx as number);
      if (side === "below") expect(y).toBeGreaterThan(cy as number);
      if (side === "above") expect(y).toBeLessThan(cy as number);
    }
    // Laid out from scratch, the explorer's labels no longer fit: the figure places its own.
    const fresh = parse((await writeSvg({ graph: figure.graph, positions: figureInput(), labels: { fontSize: 15, side: () => undefined } }, { layout: "forceatlas2" })).text);
    expect(groups(fresh, "entity").some((group) => all(group, "text")[0]?.getAttribute("display") === null)).toBe(true);
  });

  it("says when a name held characters XML cannot carry", async () => {
    const { report } = await writeSvg({ graph: buildGraph(hostileDataset()) });
    expect(report.notes).toContain("1 name held characters XML 1.0 cannot carry; drawn with U+FFFD instead");
  });
});

describe("the embedded dataset's SVG figure from the CLI", () => {
  it("is well-formed XML (saxes, xmllint), at its saved layout, and the same bytes twice", async () => {
    const flags = ["export", path.join(REPO_ROOT, "data"), "--format", "svg"];
    const [first, second] = [await atlas(...flags), await atlas(...flags)];
    expect([first.code, first.stderr]).toEqual([0, ""]);
    expect(second.stdout).toBe(first.stdout);
    wellFormed(first.stdout);
    const file = path.join(folder, "data.svg");
    writeFileSync(file, first.stdout);
    await run("xmllint", ["--noout", file]);
    const loaded = await loadDataset(path.join(REPO_ROOT, "data"));
    expect(groups(parse(first.stdout), "entity")).toHaveLength(loaded.dataset?.entities.length ?? -1);
  }, 60_000);
});

describe("the figure's geometry, as sigma draws it", () => {
  it("curves parallel relations apart like sigma: (i - (n - 1) / 2) * 0.25, forward first, negated against the pair's order", () => {
    const curvatures = parallelCurvatures([
      { id: "ab-1", source: "a", target: "b" },
      { id: "ba", source: "b", target: "a" },
      { id: "ab-2", source: "a", target: "b" },
      { id: "lone", source: "a", target: "c" },
      { id: "loop", source: "a", target: "a" },
    ]);
    expect(Object.fromEntries(curvatures)).toEqual({ "ab-1": -0.25, "ab-2": 0, ba: -0.25 });
    // Two relations between the same entities, one each way, bend to opposite sides of the line.
    const pair = parallelCurvatures([
      { id: "ab", source: "a", target: "b" },
      { id: "ba", source: "b", target: "a" },
    ]);
    expect(Object.fromEntries(pair)).toEqual({ ab: -0.125, ba: -0.125 });
    const from = { x: 0, y: 0 };
    const to = { x: 100, y: 0 };
    const forward = relationPath(from, to, pair.get("ab") ?? 0);
    const backward = relationPath(to, from, pair.get("ba") ?? 0);
    if (forward.type !== "quadratic" || backward.type !== "quadratic") throw new Error("parallel relations are curves");
    expect(Math.sign(forward.control.y)).toBe(-Math.sign(backward.control.y));
    expect(Math.abs(forward.control.y)).toBeCloseTo(12.5);
  });

  it("spreads parallel relations as the explorer counted them when told (sigma counts hidden ones too)", () => {
    // Two relations shown of three between a and b: sigma still spreads them as the 1st and 3rd of three.
    const shown = [
      { id: "ab-1", source: "a", target: "b" },
      { id: "ab-3", source: "a", target: "b" },
      { id: "lone", source: "a", target: "c" },
    ];
    const places = new Map([
      ["ab-1", { index: 0, count: 3 }],
      ["ab-3", { index: 2, count: 3 }],
      ["lone", { index: 0, count: 1 }],
    ]);
    expect(Object.fromEntries(parallelCurvatures(shown, (id) => places.get(id)))).toEqual({ "ab-1": -0.25, "ab-3": 0.25 });
    expect(Object.fromEntries(parallelCurvatures(shown))).toEqual({ "ab-1": -0.125, "ab-3": 0.125 });
  });

  it("puts the arrowhead's tip on the target's outline, for every shape", () => {
    for (const shape of ["circle", "square", "diamond", "triangle"] as const) {
      const center = { x: 100, y: 40 };
      for (const curvature of [0, 0.25]) {
        const { head, body } = drawRelation(relationPath({ x: 0, y: 0 }, center, curvature), { shape, center, size: 10 });
        const [tip] = head;
        expect(insideShape(shape, center, 10.2, tip), `${shape} ${curvature}`).toBe(true);
        expect(insideShape(shape, center, 9.8, tip), `${shape} ${curvature}`).toBe(false);
        // The body stops at the arrowhead's base, 5 widths (8 px) before the tip.
        const end = body.type === "line" || body.type === "quadratic" ? body.to : body.to;
        expect(Math.hypot(tip.x - end.x, tip.y - end.y)).toBeCloseTo(8, 0);
      }
    }
    expect(shapeOutline("triangle", { x: 0, y: 0 }, 10)).toEqual({
      polygon: [
        { x: 0, y: -10 },
        { x: 5 * Math.sqrt(3), y: 5 },
        { x: -5 * Math.sqrt(3), y: 5 },
      ],
    });
  });
});
