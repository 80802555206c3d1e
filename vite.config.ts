/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { datasetBundlePlugin } from "./scripts/dataset-bundle-plugin.ts";
import { sigmaNativeSpreadPlugin } from "./scripts/sigma-native-spread-plugin.ts";

export default defineConfig({
  plugins: [sigmaNativeSpreadPlugin(), datasetBundlePlugin({ folder: fileURLToPath(new URL("data", import.meta.url)) })],
  build: {
    outDir: "dist",
    target: "es2022",
  },
  // Workers as ES modules (they are started with { type: "module" }), so that code they load on demand stays in its
  // own chunk: the import worker never writes a workbook, and does not carry exceljs.
  worker: { format: "es" },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**"],
          environment: "node",
          globalSetup: ["test/support/build-cli.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
