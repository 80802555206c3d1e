import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { isSigmaDist, NATIVE_HELPER, withNativeSpread } from "../../scripts/sigma-native-spread-plugin.ts";

// The installed sigma's ES build, as vite bundles it into the page.
const dist = path.dirname(createRequire(import.meta.url).resolve("sigma/package.json")) + "/dist";
const esmFiles = readdirSync(dist)
  .filter((file) => file.endsWith(".esm.js"))
  .map((file) => ({ file: path.join(dist, file), code: readFileSync(path.join(dist, file), "utf8") }));
const definingHelper = esmFiles.filter(({ code }) => code.includes("function _objectSpread2(e)"));

type Spread = (target: object, ...sources: unknown[]) => object;

/** babel's helper with the helpers it calls, taken from sigma's own file and run as sigma runs it. */
function babelSpread(): Spread {
  const code = definingHelper[0]?.code ?? "";
  const names = ["_toPrimitive", "_toPropertyKey", "_defineProperty", "ownKeys", "_objectSpread2"];
  const source = names.map((name) => new RegExp(`function ${name}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n\\}\\n`).exec(code)?.[0] ?? "").join("\n");
  return vm.runInNewContext(`${source}; _objectSpread2`) as Spread;
}

const nativeSpread = vm.runInNewContext(`${NATIVE_HELPER}; _objectSpread2`) as Spread;

describe("sigma's object spread made native", () => {
  it("finds babel's helper in the one module of the installed sigma that defines it, and replaces it", () => {
    expect(definingHelper).toHaveLength(1);
    const replaced = withNativeSpread(definingHelper[0]?.code ?? "");
    expect(replaced).toContain(NATIVE_HELPER);
    expect(replaced).not.toContain("_defineProperty(e, r, t[r])");
  });

  it("leaves sigma's other modules as they are", () => {
    for (const { code } of esmFiles.filter((file) => !definingHelper.includes(file))) expect(withNativeSpread(code)).toBeNull();
  });

  it("fails loudly when the helper it expects has changed shape", () => {
    expect(() => withNativeSpread("function _objectSpread2(e) { return e; }")).toThrow(/no longer recognises it/);
  });

  it("builds the same objects as babel's helper from the plain objects sigma spreads, keys in the same order", () => {
    const babel = babelSpread();
    const defaults = { isHovered: false, isLabelHovered: false, isHidden: false, isHighlighted: false, parallelIndex: 0, parallelCount: 1 };
    const custom = { isActive: false, isDimmed: true, isWaiting: false };
    const symbol = Symbol("tag");
    const cases: [string, () => unknown[]][] = [
      ["an item's state: defaults, then custom defaults", () => [{}, defaults, custom]],
      ["a state changed: the state, then the change over it", () => [{ ...defaults, ...custom }, { isDimmed: false, isHidden: true }]],
      ["missing sources", () => [{}, null, defaults, undefined]],
      ["symbol keys and nested values", () => [{}, { [symbol]: 1, nested: { a: [1, 2] } }, { later: "x" }]],
    ];
    for (const [, args] of cases) {
      const [babelTarget, ...babelSources] = args() as [object, ...unknown[]];
      const [nativeTarget, ...nativeSources] = args() as [object, ...unknown[]];
      const fromBabel = babel(babelTarget, ...babelSources);
      const fromNative = nativeSpread(nativeTarget, ...nativeSources);
      expect(fromNative).toBe(nativeTarget);
      expect(fromBabel).toBe(babelTarget);
      expect(Reflect.ownKeys(fromNative)).toEqual(Reflect.ownKeys(fromBabel));
      expect(fromNative).toEqual(fromBabel);
    }
  });

  it("applies to sigma's ES build files only", () => {
    for (const { file } of esmFiles) expect(isSigmaDist(file)).toBe(true);
    expect(isSigmaDist(path.join(dist, "sigma.cjs.dev.js"))).toBe(false);
    expect(isSigmaDist("/work/node_modules/graphology/dist/graphology.mjs")).toBe(false);
    expect(isSigmaDist("/work/src/app/render/renderer.ts")).toBe(false);
  });
});
