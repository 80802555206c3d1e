/**
 * The Chromium the browser benchmark and the e2e tests drive: Debian's (CHROMIUM_PATH overrides),
 * headless as root (no sandbox), quiet, with software WebGL 2 through SwiftShader (no GPU here).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];
