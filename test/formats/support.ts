/** Shared by the export tests: the GEXF checker, fixtures on disk and a dataset full of hostile strings. */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadDataset } from "../../src/load/read.ts";
import { parseDataset } from "../../src/load/parse.ts";
import type { Dataset } from "../../src/model/schema.ts";
import { findCheckGexf } from "../support/check-gexf.ts";

const run = promisify(execFile);

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const GEXF_FIXTURES = path.join(REPO_ROOT, "test/fixtures/gexf");

async function hasCommand(command: string, args: string[]): Promise<boolean> {
  try {
    await run(command, args);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the interop tests can run: the checker, xmllint and python3 with networkx. In CI they must:
 * a missing tool there fails the tests instead of skipping them.
 */
export async function interopToolsAvailable(): Promise<boolean> {
  if (process.env.CI) return true;
  return (
    findCheckGexf() !== undefined &&
    (await hasCommand("xmllint", ["--version"])) &&
    (await hasCommand("python3", ["-c", "import networkx"]))
  );
}

/** Runs a python3 script (networkx available) with arguments; returns stdout. */
export async function python(script: string, args: readonly string[] = []): Promise<string> {
  const { stdout } = await run("python3", ["-c", script, ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

export async function starterDataset(): Promise<Dataset> {
  const result = await loadDataset(path.join(REPO_ROOT, "data"));
  if (!result.ok) throw new Error("data/ does not load");
  return result.dataset;
}

/**
 * A valid dataset (it passes the loader) whose every text is hostile to XML and to careless readers:
 * markup, entities, quotes, CDATA and comment ends, emoji, right-to-left text with marks, tab, newline and
 * carriage return in long text, and the noncharacters U+FFFE and U+FFFF, which XML 1.0 cannot carry, and the line separators U+2028 and U+2029.
 */
export function hostileDataset(): Dataset {
  const nasty = `<b>&amp; "double" 'single' ]]> <!-- --> 📡🛰️ עברית\u200f مرحبا \u2028\u2029 \ufffe\uffff`;
  const document = {
    dataset: { name: `Hostile ${nasty}`, description: `multi\nline\ttab\r\ncrlf ${nasty}`, licence: "CC0 & <none>" },
    entities: [
      {
        id: "state-a",
        kind: "government",
        name: `State <A> & "B"`,
        aliases: ["a, b | c", "[x]", `"quoted"`, "\\back\\slash", nasty],
        country: "CA",
        description: `line one\nline two\twith tab\r\n${nasty}`,
        url: "https://example.org/?a=1&b=<2>",
      },
      { id: "vendor-b", kind: "vendor", name: "الشركة 📡", aliases: ["ZTE"], country: "CN" },
      { id: "carrier-c", kind: "carrier", name: "Carrier ]]>", description: "\u0009tabbed\u000d\u000acrlf" },
    ],
    relations: [
      {
        id: "r-1",
        kind: "bans",
        source: "state-a",
        target: "vendor-b",
        start: "2019",
        end: "2020-02",
        claim: `Claim with ${nasty}\nand a second line`,
        evidence: [{ source: "src-a", locator: `p. 4 & "5" ${nasty}` }, { source: "src-b" }],
        confidence: "confirmed",
      },
      {
        id: "r-2",
        kind: "bans",
        source: "state-a",
        target: "vendor-b",
        start: "2021-03-04",
        end: null,
        claim: "A parallel relation of the same kind.",
        evidence: [{ source: "src-b" }],
        confidence: "reported",
      },
      {
        id: "r-3",
        kind: "pressures",
        source: "state-a",
        target: "carrier-c",
        about: "vendor-b",
        start: "2018-11",
        claim: "Tab\tand CR\r here.",
        evidence: [{ source: "src-a" }],
        confidence: "alleged",
      },
      {
        id: "r-4",
        kind: "uses_equipment_from",
        source: "carrier-c",
        target: "vendor-b",
        start: "2012",
        end: "2012",
        claim: "Right-to-left: מידע",
        evidence: [{ source: "src-b", locator: "§ 2" }],
        confidence: "reported",
      },
    ],
    sources: [
      {
        id: "src-a",
        url: "https://example.org/a?x=1&y=2#frag",
        publisher: `Publisher <&> ${nasty}`,
        title: `Title "quoted" ${nasty}`,
        published: "2019-05-16",
        accessed: "2024-01",
        archive: "https://web.archive.org/web/2019/https://example.org/a",
      },
      { id: "src-b", url: "http://example.com/b", publisher: "B", title: "B title" },
      { id: "src-uncited", url: "https://example.net/c", publisher: "C", title: "Never cited", published: "2020" },
    ],
  };
  const result = parseDataset([{ file: "hostile.json", json: document }]);
  if (!result.ok) throw new Error(`the hostile dataset must be valid: ${JSON.stringify(result.issues)}`);
  return result.dataset;
}

/**
 * A valid dataset whose texts are hostile to CSV, to Neo4j's importer and to Cypher literals: quotes of every
 * kind, commas, semicolons (the importer's default array delimiter), tabs, LF, CRLF and lone CR, backslashes
 * (one ending a text, one before a quote), spaces at either end, emoji, right-to-left text, line separators,
 * and what Cypher gives meaning to outside strings ($x, :param, //, `).
 */
export function quotingHostileDataset(): Dataset {
  const hostile = [
    'She said "no", then ""nothing""',
    "a,b;c|d\te",
    "line one\nline two\r\nline three\rline four",
    "ends with a backslash \\",
    'backslash quote \\" and \\\\"',
    "  leading and trailing  ",
    "📡🛰️ 👩‍👩‍👧 עברית\u200f مرحبا",
    '"quoted entirely"',
    "'single' `back` ${x} $x :param //",
    "\u2028\u2029 separators",
  ];
  const document = {
    dataset: { name: `CSV "hostile" dataset, with; everything\u2028and lines` },
    entities: [
      {
        id: "state-a",
        kind: "government",
        name: hostile[0],
        aliases: hostile.map((text) => text.replace(/[\r\n\t\u0085]/g, " ")),
        country: "CA",
        description: hostile.join("\n"),
      },
      { id: "vendor-b", kind: "vendor", name: 'Vendor; B, Inc. "B"', aliases: ["B;C", "D,E", "F\\"] },
      { id: "case-c", kind: "legal_case", name: 'Case \\"C\\"', url: 'https://example.org/?a=1,2;3&q="x"' },
    ],
    relations: [
      {
        id: "r-1",
        kind: "bans",
        source: "state-a",
        target: "vendor-b",
        start: "2019",
        end: "2020-02",
        claim: hostile.join("\r\n"),
        evidence: [
          { source: "src-a", locator: "a,b;c|d e" },
          { source: "src-b", locator: hostile[4] },
        ],
        confidence: "confirmed",
      },
      {
        id: "r-2",
        kind: "bans",
        source: "state-a",
        target: "vendor-b",
        start: "2021-03-04",
        claim: hostile[2],
        evidence: [{ source: "src-b" }],
        confidence: "reported",
      },
      {
        id: "r-3",
        kind: "pressures",
        source: "state-a",
        target: "vendor-b",
        about: "vendor-b",
        start: "2018-11",
        claim: hostile[6],
        evidence: [{ source: "src-a" }, { source: "src-a", locator: "again" }],
        confidence: "alleged",
      },
    ],
    sources: [
      { id: "src-a", url: "https://example.org/a?x=1,2", publisher: hostile[0], title: hostile[3], published: "2019-02" },
      { id: "src-b", url: "http://example.com/b;c", publisher: 'P, "Q"', title: hostile[9] },
    ],
  };
  const result = parseDataset([{ file: "csv-hostile.json", json: document }]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.dataset;
}
