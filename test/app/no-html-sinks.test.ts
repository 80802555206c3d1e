/**
 * Untrusted text never becomes HTML: src/app has no HTML sinks, and the only links it makes are the
 * reviewed ones below (http(s) links through isHttpUrl, and the Blob URL of a download).
 * A new sink or link fails this test and needs a review here.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../formats/support.ts";

const APP = path.join(REPO_ROOT, "src/app");
const files = readdirSync(APP, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.(ts|html)$/.test(file))
  .map((file) => ({ file: path.join("src/app", file), text: readFileSync(path.join(APP, file), "utf8") }));
files.push({ file: "index.html", text: readFileSync(path.join(REPO_ROOT, "index.html"), "utf8") });

const SINKS = [
  /\.innerHTML\b/,
  /\.outerHTML\b/,
  /insertAdjacentHTML/,
  /document\.write/,
  /createContextualFragment/,
  /DOMParser/,
  /\.srcdoc\b/,
  /\beval\s*\(/,
  /new Function\b/,
  /setAttribute\(\s*["'`]on/,
  /\.src\s*=/,
];

function isComment(line: string): boolean {
  return /^\s*(\*|\/\/|\/\*|<!--)/.test(line);
}

/** Every line that makes a link or reads an address, reviewed. */
const REVIEWED_LINK_LINES = new Map([
  // externalLink: the line above it returns plain text unless isHttpUrl(url).
  [
    "src/app/ui/dom.ts",
    ['return el("a", { text, class: className, attrs: { href: url, target: "_blank", rel: "noopener noreferrer" } });'],
  ],
  // The download link's URL is the Blob URL made two lines above.
  ["src/app/files/export-files.ts", ["link.href = url;"]],
  ["src/app/files/load.ts", ["url = new URL(address, location.href);"]],
  // "Open in Leverage Atlas": this page's own origin and path with the view's query (addressOf), never a dataset's text.
  ["src/app/panels/embed.ts", ['link.setAttribute("href", addressOf({ ...view, embed: false }));']],
]);

describe("no untrusted text becomes HTML in the explorer", () => {
  it("has no HTML sinks (innerHTML, outerHTML, insertAdjacentHTML, document.write, eval...)", () => {
    const found = files.flatMap(({ file, text }) =>
      text
        .split("\n")
        .flatMap((line, index) =>
          !isComment(line) && SINKS.some((sink) => sink.test(line)) ? [`${file}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });

  it("makes links only where reviewed, and external links only through isHttpUrl", () => {
    const links = new Map<string, string[]>();
    for (const { file, text } of files) {
      if (file.endsWith(".html")) continue;
      const lines = text
        .split("\n")
        .filter((line) => !isComment(line) && /\bhref\b/.test(line))
        .map((line) => line.trim());
      if (lines.length > 0) links.set(file, lines);
    }
    expect(links).toEqual(REVIEWED_LINK_LINES);
    const dom = readFileSync(path.join(APP, "ui/dom.ts"), "utf8");
    expect(dom).toMatch(/if \(!isHttpUrl\(url\)\) return el\("span", \{ text, class: className \}\);\n\s*return el\("a"/);
  });

  it("declares a Content-Security-Policy that allows no inline script and no eval", () => {
    const html = readFileSync(path.join(REPO_ROOT, "index.html"), "utf8");
    const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const directives = new Map(
      policy
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'none'"]);
    expect(directives.get("default-src")).toEqual(["'self'"]);
  });
});
