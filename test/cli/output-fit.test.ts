/**
 * Terminal output that fits where it goes: tables and paragraphs narrowed to the width (#19 defect 9), a
 * compact first view on a terminal with a line saying how to see all, and --limit.
 */
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { outputColumns } from "../../src/cli/io.ts";
import { paragraph, table } from "../../src/cli/table.ts";
import { atlas, atlasOn } from "../support/cli.ts";

/** Lines wider than `width`, but for URL lines: a URL is kept whole so that it can be copied. */
function overlong(text: string, width: number): string[] {
  return text.split("\n").filter((line) => stringWidth(line) > width && !/^\s*https?:\/\/\S+$/.test(line));
}

/** Every word of `text` but the rules under headers, sorted: the same whichever way the lines were wrapped. */
function words(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((word) => word !== "" && !/^-+$/.test(word))
    .sort();
}

/** Every visible character of `text` but the rules under headers, sorted: the same however cells were wrapped, words broken included. */
function characters(text: string): string {
  return [
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points suffice: both sides are split the same way and compared sorted
    ...text
      .split("\n")
      .filter((line) => !/^[\s-]+$/.test(line))
      .join("")
      .replace(/\s/g, ""),
  ]
    .sort()
    .join("");
}

describe("table", () => {
  const header = ["#", "name", "notes"];
  const rows = [[1, "Government of the United Kingdom", "BT Group, Vodafone UK, EE, Three UK and others"]];

  it("is as wide as its cells when no width is given, or when they fit", () => {
    const natural = table(header, rows, [0], { shrink: { 1: "truncate", 2: "wrap" } });
    expect(natural.split("\n")[2]).toBe("1  Government of the United Kingdom  BT Group, Vodafone UK, EE, Three UK and others");
    expect(table(header, rows, [0], { width: 200, shrink: { 1: "truncate", 2: "wrap" } })).toBe(natural);
  });

  it("narrows the columns that may give way, cutting with an ellipsis or wrapping at spaces, to fit the width", () => {
    const text = table(header, rows, [0], { width: 40, shrink: { 1: "truncate", 2: "wrap" } });
    expect(overlong(text, 40)).toEqual([]);
    expect(text.split("\n")[2]).toMatch(/^1 {2}Government of… {2}BT Group, Vodafone$/);
    expect(words(text)).toEqual(words("# name notes 1 Government of… BT Group, Vodafone UK, EE, Three UK and others"));
  });

  it("keeps columns that may not give way whole, overflowing rather than cutting them", () => {
    const text = table(["date", "name"], [["2019-11-23", "x".repeat(50)]], [], { width: 20, shrink: { 1: "truncate" } });
    expect(text.split("\n")[2]?.startsWith("2019-11-23  ")).toBe(true);
  });

  it("counts display columns, not code units: wide characters and accents fit too", () => {
    const text = table(["name"], [["华为技术有限公司 Huawei Technologies"], ["Vidéotron"]], [], { width: 16, shrink: { 0: "wrap" } });
    expect(overlong(text, 16)).toEqual([]);
    expect(text).toContain("Vidéotron");
  });
});

describe("paragraph", () => {
  it("wraps with a first-line indent and a hanging one, keeping a long URL whole", () => {
    const text = paragraph("See https://example.org/a/very/long/path/that/does/not/fit/anywhere for the rest of it", 30, "  1. ", "     ");
    expect(text.split("\n")[0]).toBe("  1. See");
    expect(text).toContain("     https://example.org/a/very/long/path/that/does/not/fit/anywhere");
    expect(overlong(text, 30)).toEqual([]);
  });
});

describe("output width", () => {
  it("is the terminal's width on a terminal, else COLUMNS, else 100", () => {
    expect(outputColumns({ isTTY: true, columns: 132 }, {})).toBe(132);
    expect(outputColumns({ isTTY: false }, { COLUMNS: "72" })).toBe(72);
    expect(outputColumns({ isTTY: false }, { COLUMNS: "wide" })).toBe(100);
    expect(outputColumns({}, {})).toBe(100);
  });
});

describe("atlas leverage fitted to the output", () => {
  it("prints the exposure table of the embedded dataset within 100 columns (it was about 260), every name still there", async () => {
    const wide = await atlas("leverage", "--exposure");
    const fitted = await atlasOn({ columns: 100 }, "leverage", "--exposure");
    expect(fitted.code).toBe(0);
    expect(Math.max(...wide.stdout.split("\n").map((line) => stringWidth(line)))).toBeGreaterThan(200);
    expect(overlong(fitted.stdout, 100)).toEqual([]);
    expect(characters(fitted.stdout)).toBe(characters(wide.stdout));
  });

  it("prints every chain in detail within the width, each URL whole", async () => {
    for (const columns of [100, 72]) {
      const { code, stdout } = await atlasOn({ columns }, "leverage");
      expect(code).toBe(0);
      expect(overlong(stdout, columns), `at ${columns} columns`).toEqual([]);
      expect(stdout).toContain("https://");
    }
  });

  it("starts compact on a terminal: one line per chain and a line saying how to see the details", async () => {
    const chains = (JSON.parse((await atlas("leverage", "--json")).stdout) as { chains: unknown[] }).chains.length;
    expect(chains).toBeGreaterThan(1);
    const shown = Math.min(chains, 20);
    const { code, stdout } = await atlasOn({ stdoutIsTerminal: true, columns: 100 }, "leverage");
    expect(code).toBe(0);
    const [heading, summary, hint] = stdout.trimEnd().split("\n\n");
    expect(heading).toBe(`Leverage chains (all dates): ${chains}`);
    const rows = summary?.split("\n") ?? [];
    expect(rows[0]).toMatch(/^ ?#\s+presser\s+pressed\s+vendor\s+when\s+dependents\s+ties$/);
    expect(rows).toHaveLength(2 + shown);
    const hidden = shown < chains ? `showing ${shown} of ${chains} chains: --limit 0 for all; ` : "";
    expect(hint?.replace(/\n/g, " ")).toBe(`(${hidden}--details for each chain's steps, claims and sources; --json for everything)`);
    expect(overlong(stdout, 100)).toEqual([]);
    const details = await atlasOn({ stdoutIsTerminal: true, columns: 100 }, "leverage", "--details", "--limit", "1");
    expect(details.stdout).toMatch(/^1\. .+ -> /m);
    expect(details.stdout).not.toMatch(/^2\. /m);
    expect(details.stdout.trimEnd().split("\n").at(-1)).toBe(`(showing 1 of ${chains} chains: --limit 0 for all)`);
  });

  it("shows at most 20 rows on a terminal unless --limit says otherwise", async () => {
    const terminal = { stdoutIsTerminal: true, columns: 100 };
    const all = await atlasOn({}, "leverage", "--exposure", "--json");
    const pairs = (JSON.parse(all.stdout) as { exposure: unknown[] }).exposure.length;
    const limited = await atlasOn(terminal, "leverage", "--exposure", "--limit", "3");
    expect(limited.stdout).toMatch(/^3 {2}/m);
    expect(limited.stdout).not.toMatch(/^4 {2}/m);
    expect(limited.stdout.trimEnd().split("\n").at(-1)).toBe(`(showing 3 of ${pairs} pairs: --limit 0 for all)`);
    const json = await atlasOn(terminal, "leverage", "--exposure", "--json", "--limit", "2");
    expect((JSON.parse(json.stdout) as { exposure: unknown[] }).exposure).toEqual(
      (JSON.parse(all.stdout) as { exposure: unknown[] }).exposure.slice(0, 2),
    );
    const chains = (JSON.parse((await atlas("leverage", "--json")).stdout) as { chains: unknown[] }).chains.length;
    const unlimited = await atlasOn(terminal, "leverage", "--summary", "--limit", "0");
    expect(unlimited.stdout).toMatch(new RegExp(`^ *${chains} {2}`, "m"));
    expect(unlimited.stdout).not.toMatch(/--limit 0 for all/);
  });

  it("refuses a bad --limit and --summary with --details as usage errors", async () => {
    expect(await atlas("leverage", "--limit", "-1")).toMatchObject({
      code: 2,
      stderr: 'atlas: --limit must be a whole number, 0 for all, got "-1"\n',
    });
    expect(await atlas("leverage", "--limit", "many")).toMatchObject({ code: 2 });
    expect(await atlas("leverage", "--summary", "--details")).toMatchObject({
      code: 2,
      stderr: "atlas: --summary and --details exclude each other: choose one\n",
    });
  });
});
