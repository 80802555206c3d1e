import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CONFIDENCES, ENTITY_KINDS, RELATION_FAMILIES } from "../../../src/model/ontology.ts";
import { ADDRESS_PARAMETERS, defaultViewState, queryString, readViewState, writeViewState } from "../../../src/app/state/address.ts";
import type { ViewState } from "../../../src/app/state/state.ts";
import { idArb } from "../../support/arbitraries.ts";

const read = (query: string) => readViewState(new URLSearchParams(query));

describe("view state in the query string", () => {
  it("reads the default view from an empty query and writes it back as nothing", () => {
    expect(read("")).toEqual({ state: defaultViewState(), problems: [] });
    expect(queryString(writeViewState(new URLSearchParams(), defaultViewState()))).toBe("");
  });

  it("reads focus, depth, families, kinds, date, path, leverage government, chain and open table", () => {
    const { state, problems } = read(
      "focus=bell&depth=2&families=pressure,dependency&kinds=carrier,vendor&at=2019-11&path=bell,huawei&leverage=gov-canada&chain=p-1:gov-united-states:gov-canada&table=relations",
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      ...defaultViewState(),
      focus: "bell",
      depth: 2,
      families: ["pressure", "dependency"],
      kinds: ["carrier", "vendor"],
      at: "2019-11",
      path: { from: "bell", to: "huawei" },
      leverage: "gov-canada",
      chain: "p-1:gov-united-states:gov-canada",
      table: "relations",
    });
  });

  it("writes a chain id with readable colons", () => {
    const state = { ...defaultViewState(), leverage: "gov-canada", chain: "p-1:gov-united-states:gov-canada" };
    expect(queryString(writeViewState(new URLSearchParams(), state))).toBe("?leverage=gov-canada&chain=p-1:gov-united-states:gov-canada");
  });

  it("keeps parameters it does not own, such as dataset", () => {
    const params = writeViewState(new URLSearchParams("dataset=/big.json&focus=x"), { ...defaultViewState(), focus: "bell" });
    expect(queryString(params)).toBe("?dataset=%2Fbig.json&focus=bell");
  });

  it("treats an empty families list as no family shown", () => {
    expect(read("families=").state.families).toEqual([]);
    expect(queryString(writeViewState(new URLSearchParams(), { ...defaultViewState(), families: [] }))).toBe("?families=");
  });

  it("reports and ignores what it cannot use", () => {
    const { state, problems } = read("focus=Not An Id&depth=7&families=pressure,gossip&at=2019-13&path=bell&leverage=Canada!&chain=a:b");
    expect(state.focus).toBeNull();
    expect(state.depth).toBeNull();
    expect(state.families).toEqual(["pressure"]);
    expect(state.at).toBeNull();
    expect(state.path).toBeNull();
    expect(state.leverage).toBeNull();
    expect(state.chain).toBeNull();
    expect(problems).toHaveLength(7);
    expect(problems.join("\n")).toMatch(/"a:b"/);
    expect(problems.join("\n")).toMatch(/"gossip"/);
  });

  it("ignores a families or kinds list that names nothing it knows, keeping every one shown, and says what it ignored", () => {
    expect(read("families=gossip")).toEqual({
      state: defaultViewState(),
      problems: ['ignored unknown relation family "gossip" in the address'],
    });
    const kinds = read("kinds=planet,moon");
    expect(kinds.state.kinds).toEqual([...ENTITY_KINDS]);
    expect(kinds.problems).toEqual([
      'ignored unknown entity kind "planet" in the address',
      'ignored unknown entity kind "moon" in the address',
    ]);
  });

  it("has one row per view field, in the order the address lists them", () => {
    expect(Object.keys(ADDRESS_PARAMETERS)).toEqual(Object.keys(defaultViewState()));
    expect(Object.keys(ADDRESS_PARAMETERS)).toEqual([
      "focus",
      "depth",
      "families",
      "kinds",
      "at",
      "path",
      "leverage",
      "chain",
      "countries",
      "confidence",
      "isolated",
      "range",
      "entities",
      "paths",
      "table",
      "embed",
    ]);
  });

  it("reads and writes countries, confidences, isolated entities, a range, entities in time and directed paths", () => {
    const query = "countries=CA,US,none&confidence=confirmed&isolated=hide&range=2018-01,2020-12&entities=all&paths=directed";
    const { state, problems } = read(query);
    expect(problems).toEqual([]);
    expect(state).toMatchObject({
      countries: ["CA", "US", "none"],
      confidence: ["confirmed"],
      isolated: "hide",
      range: { from: "2018-01", to: "2020-12" },
      entities: "all",
      paths: "directed",
    });
    expect(queryString(writeViewState(new URLSearchParams(), state))).toBe(`?${query}`);
  });

  it("reads a range's dates as months, the right way round, and ignores what it cannot use", () => {
    expect(read("range=2020,2018-03-05").state.range).toEqual({ from: "2018-03", to: "2020-01" });
    const { state, problems } = read("range=2018&countries=Canada&confidence=maybe&isolated=sometimes&entities=some&paths=up");
    expect(state).toEqual(defaultViewState());
    expect(problems).toHaveLength(6);
    expect(problems.join("\n")).toMatch(/range "2018": use two months/);
    expect(problems.join("\n")).toMatch(/country "Canada"/);
  });

  it("reads embed=1 as the embedded view, writes it back, and ignores any other value with a notice", () => {
    expect(read("embed=1&focus=bell").state).toMatchObject({ embed: true, focus: "bell" });
    expect(queryString(writeViewState(new URLSearchParams(), { ...defaultViewState(), embed: true }))).toBe("?embed=1");
    expect(read("embed=0")).toEqual({ state: defaultViewState(), problems: [] });
    const { state, problems } = read("embed=yes");
    expect(state.embed).toBe(false);
    expect(problems).toEqual(['ignored embed "yes": use 1 or leave it out']);
  });

  it("ignores a depth without a focus", () => {
    const { state, problems } = read("depth=2");
    expect(state.depth).toBeNull();
    expect(problems[0]).toMatch(/needs an entity/);
  });

  it("opens the table view on the table named, and ignores an unknown one with a notice", () => {
    expect(read("table=relations").state.table).toBe("relations");
    const { state, problems } = read("table=people");
    expect(state.table).toBeNull();
    expect(problems).toEqual(['ignored table "people": use "entities" or "relations"']);
  });

  it("normalises a year or a day in `at` to its month", () => {
    expect(read("at=2019").state.at).toBe("2019-01");
    expect(read("at=2019-11-23").state.at).toBe("2019-11");
  });

  it("round-trips every view", () => {
    const stateArb: fc.Arbitrary<ViewState> = fc
      .record({
        focus: fc.option(idArb, { nil: null }),
        depth: fc.option(fc.constantFrom(1 as const, 2 as const, 3 as const), { nil: null }),
        families: fc.subarray([...RELATION_FAMILIES]),
        kinds: fc.subarray([...ENTITY_KINDS]),
        at: fc.option(
          fc
            .integer({ min: 2000, max: 2030 })
            .chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, "0")}`)),
          { nil: null },
        ),
        path: fc.option(fc.record({ from: idArb, to: idArb }), { nil: null }),
        leverage: fc.option(idArb, { nil: null }),
        chain: fc.option(
          fc.tuple(idArb, idArb, idArb).map((parts) => parts.join(":")),
          { nil: null },
        ),
        countries: fc.option(
          fc.uniqueArray(fc.constantFrom("CA", "US", "CN", "EU", "none"), { minLength: 1 }).map((codes) => [...codes].sort()),
          { nil: null },
        ),
        confidence: fc.subarray([...CONFIDENCES]),
        isolated: fc.constantFrom("show" as const, "hide" as const),
        range: fc.option(
          fc.tuple(fc.integer({ min: 1870 * 12, max: 2030 * 12 }), fc.integer({ min: 0, max: 200 })).map(([start, length]) => {
            const month = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
            return { from: month(start), to: month(start + length) };
          }),
          { nil: null },
        ),
        entities: fc.constantFrom("active" as const, "all" as const),
        paths: fc.constantFrom("undirected" as const, "directed" as const),
        table: fc.option(fc.constantFrom("entities" as const, "relations" as const), { nil: null }),
        embed: fc.boolean(),
      })
      .map((state) => (state.focus === null ? { ...state, depth: null } : state));
    fc.assert(
      fc.property(stateArb, (state) => {
        const text = queryString(writeViewState(new URLSearchParams(), state));
        const back = readViewState(new URLSearchParams(text.slice(1)));
        expect(back.problems).toEqual([]);
        expect(back.state).toEqual(state);
      }),
    );
  });
});
