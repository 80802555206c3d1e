/**
 * e2e global setup: build the explorer, serve it with `vite preview` on a free port, and start a
 * Chromium (Debian's /usr/bin/chromium, driven by playwright-core) that test files connect to.
 * Without Chromium outside CI, nothing starts and the e2e tests skip; in CI they must run.
 */
import { existsSync } from "node:fs";
import { build, preview, type PreviewServer } from "vite";
import { chromium, type BrowserServer } from "playwright-core";
import type { TestProject } from "vitest/node";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium.ts";

export const OUT_DIR = "node_modules/.cache/atlas-e2e-dist";

declare module "vitest" {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eWsEndpoint: string;
  }
}

let server: PreviewServer | undefined;
let browser: BrowserServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`e2e tests need Chromium at ${CHROMIUM} in CI (apt-get install chromium)`);
    project.provide("e2eBaseUrl", "");
    project.provide("e2eWsEndpoint", "");
    return;
  }
  await build({ logLevel: "warn", build: { outDir: OUT_DIR, emptyOutDir: true } });
  server = await preview({
    logLevel: "warn",
    build: { outDir: OUT_DIR },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
  });
  const base = server.resolvedUrls?.local[0];
  if (!base) throw new Error("vite preview did not report its address");
  browser = await chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  project.provide("e2eBaseUrl", base);
  project.provide("e2eWsEndpoint", browser.wsEndpoint());
}

export async function teardown(): Promise<void> {
  await browser?.close();
  await server?.close();
}
