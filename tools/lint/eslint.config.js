// The project's lint rules: typescript-eslint's strict type-checked set, with no style rules (prettier owns layout),
// and the layers of ARCHITECTURE.md (model -> load / graph -> analysis / formats -> cli / app).
import { builtinModules } from "node:module";
import path from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const root = path.resolve(import.meta.dirname, "../..");

/** What each folder of src/ may import from the others (besides itself); everything else in src/, bench/ and test/ is refused. */
const LAYERS = {
  model: [],
  load: ["model"],
  graph: ["model", "load"],
  generate: ["model", "load"],
  analysis: ["model", "load", "graph"],
  formats: ["model", "load", "graph"],
  cli: ["model", "load", "graph", "generate", "analysis", "formats"],
  app: ["model", "load", "graph", "generate", "analysis", "formats"],
};
/** src/index.ts, the library: everything but the two front ends. */
const LIBRARY = ["model", "load", "graph", "generate", "analysis", "formats"];
const OUTSIDE_SRC = ["bench", "test"];
/** Deepest folder nesting below a layer's own folder that the rule covers (src/formats/gexf/map/ is 2). */
const MAX_DEPTH = 6;

const NODE_BUILTINS = {
  group: ["node:*", ...builtinModules.flatMap((name) => [name, `${name}/**`])],
  message: "src/app runs in the browser: no node built-in modules (test/app/browser-imports.test.ts checks the whole import graph).",
};

/**
 * The built-in rule matches the import as written, so relative paths are spelled out per folder depth:
 * from src/<layer>/<d folders>/file.ts, src/<other>/ is `../` × (d + 1) + `<other>/`.
 */
function layerRules(layer, allowed, extra = []) {
  const forbidden = Object.keys(LAYERS).filter((name) => name !== layer && !allowed.includes(name));
  return Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => {
    const up = "../".repeat(depth + 1);
    return {
      files: [`src/${layer}/${"*/".repeat(depth)}*.ts`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              ...(forbidden.length === 0
                ? []
                : [
                    {
                      group: forbidden.map((name) => `${up}${name}/**`),
                      message: `src/${layer} may import only ${allowed.length === 0 ? "itself" : `${allowed.map((name) => `src/${name}`).join(", ")} (and itself)`}; see ARCHITECTURE.md.`,
                    },
                  ]),
              { group: OUTSIDE_SRC.map((name) => `${up}../${name}/**`), message: "src/ is the product: it never imports bench/ or test/." },
              ...extra,
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ["**/node_modules/**", "dist/**", "dist-*/**", "coverage/**", "tools/**", ".bench/**", "**/golden/**", "test/fixtures/**"] },
  { files: ["**/*.ts"], extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked] },
  {
    files: ["**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      // Counts and sizes in messages are numbers; everything else must be made a string on purpose.
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `() => void promise` and one-line arrows returning a call are idiomatic in event handlers.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
      // `const { dropped: _dropped, ...rest } = value` is how a copy leaves a field out.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
      // graphology types copy(), nullCopy() and Graph.from() as the base class, though they build `new this.constructor`.
      "@typescript-eslint/no-unsafe-class-instance-assignment": "off",
    },
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      // In a test, a missing value fails the test right at the `!` (the same line a guard would).
      "@typescript-eslint/no-non-null-assertion": "off",
      // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`; any that is used is still caught.
      "@typescript-eslint/no-unsafe-assignment": "off",
    },
  },
  ...Object.entries(LAYERS).flatMap(([layer, allowed]) => layerRules(layer, allowed, layer === "app" ? [NODE_BUILTINS] : [])),
  {
    files: ["src/index.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: Object.keys(LAYERS)
                .filter((name) => !LIBRARY.includes(name))
                .map((name) => `./${name}/**`),
              message: "the library (src/index.ts) exports the layers below the CLI and the explorer, never those.",
            },
            { group: OUTSIDE_SRC.map((name) => `../${name}/**`), message: "src/ is the product: it never imports bench/ or test/." },
          ],
        },
      ],
    },
  },
  ...Array.from({ length: MAX_DEPTH + 1 }, (_, depth) => ({
    files: [`test/${"*/".repeat(depth)}*.ts`],
    ignores: ["test/bench/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: [`${"../".repeat(depth + 1)}bench/**`], message: "only the bench's own tests (test/bench/) import bench/." }],
        },
      ],
    },
  })),
);
