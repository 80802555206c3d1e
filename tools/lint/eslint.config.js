// The project's lint rules: typescript-eslint's strict type-checked set, with no style rules (prettier owns layout).
import path from "node:path";
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const root = path.resolve(import.meta.dirname, "../..");

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
    },
  },
);
