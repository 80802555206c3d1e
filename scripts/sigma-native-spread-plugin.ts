/**
 * The vite plugin that gives sigma's ES build a native object spread. sigma 4 ships its code compiled by babel,
 * whose `_objectSpread2` helper adds each property through a generic keyed store; sigma calls it twice for every
 * entity's and relation's state when it is given a graph (about 1 s of the explorer's 50,000-entity first frame,
 * in CPU profiles: docs/benchmarks.md). The helper becomes `Object.assign`, which gives the same objects from the
 * plain data objects sigma spreads. The build fails if the helper is not found, so a sigma upgrade is noticed.
 */
import type { Plugin } from "vite";

/** babel's helper as sigma's dist files define it (one module of them holds it; the others import it). */
const BABEL_HELPER = /function _objectSpread2\(e\) \{\n[\s\S]*?\n\}\n/;

export const NATIVE_HELPER = `function _objectSpread2(e) {
  for (var r = 1; r < arguments.length; r++) if (arguments[r] != null) Object.assign(e, arguments[r]);
  return e;
}
`;

/** The module's code with babel's helper replaced, or null when it does not define it. */
export function withNativeSpread(code: string): string | null {
  if (!code.includes("function _objectSpread2(e)")) return null;
  const replaced = code.replace(BABEL_HELPER, NATIVE_HELPER);
  if (replaced === code) throw new Error("sigma's _objectSpread2 helper has changed: scripts/sigma-native-spread-plugin.ts no longer recognises it");
  return replaced;
}

/** Whether a module id is one of sigma's ES build files (where vite resolves `sigma` and its subpaths). */
export function isSigmaDist(id: string): boolean {
  return /[\\/]node_modules[\\/]sigma[\\/]dist[\\/][^\\/]+\.esm\.js$/.test(id);
}

export function sigmaNativeSpreadPlugin(): Plugin {
  let replaced = 0;
  return {
    name: "leverage-atlas-sigma-native-spread",
    // The dev server serves sigma pre-bundled, untouched: only the built page, which users open, needs the speed.
    apply: "build",
    buildStart() {
      replaced = 0;
    },
    transform(code, id) {
      if (!isSigmaDist(id)) return null;
      const out = withNativeSpread(code);
      if (out === null) return null;
      replaced += 1;
      return { code: out, map: null };
    },
    buildEnd(error) {
      // A build that bundles sigma without the helper replaced would be slower without saying so.
      if (!error && [...this.getModuleIds()].some(isSigmaDist) && replaced === 0)
        this.error("sigma's ES build no longer defines _objectSpread2 where expected: scripts/sigma-native-spread-plugin.ts");
    },
  };
}
