/**
 * Regenerates docs/screenshot.png (1280x800): the production build served by `vite preview`, Bell's
 * details open, the whole graph in view once the layout has settled. With a query naming a leverage
 * chain it makes docs/leverage.png: npx tsx test/e2e/take-screenshot.ts docs/leverage.png "?at=...&chain=..."
 * Run: npx tsx test/e2e/take-screenshot.ts [output.png] [query] [width] [height]
 */
import { build, preview } from "vite";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../support/chromium.ts";
import { OUT_DIR } from "./global-setup.ts";

const [output = "docs/screenshot.png", query = "?focus=bell", width = "1280", height = "800"] = process.argv.slice(2);

await build({ logLevel: "warn", build: { outDir: OUT_DIR, emptyOutDir: true } });
const server = await preview({ logLevel: "warn", build: { outDir: OUT_DIR }, preview: { host: "127.0.0.1", port: 0 } });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  await page.goto(`${server.resolvedUrls?.local[0] ?? ""}${query}`);
  await page.waitForSelector("#app[data-layout=settled]", { timeout: 120_000 });
  // A leverage chain in the query is fitted by the explorer itself; otherwise show the whole graph.
  if (!new URLSearchParams(query).has("chain")) await page.getByRole("button", { name: "Fit the graph" }).click();
  else await page.locator(".chain-chosen").evaluate((chain) => chain.scrollIntoView({ block: "start" }));
  // The chain's fit waits for sigma's first frame after the layout settles (slow with software GL).
  await page.waitForTimeout(new URLSearchParams(query).has("chain") ? 2500 : 800);
  await page.screenshot({ path: output });
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
  await server.close();
}
