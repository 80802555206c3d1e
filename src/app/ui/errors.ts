/** What the page shows instead of the graph when the dataset is broken or the browser cannot draw. */
import "./errors.css";
import type { LoadIssue } from "../../load/issues.ts";
import { el } from "./dom.ts";

/** Issues as an ordered list: where (file, JSON pointer, line and column, or sheet, row and column), severity and message. */
export function issueList(issues: readonly LoadIssue[]): HTMLElement {
  return el(
    "ol",
    { class: "issues" },
    ...issues.map((issue) =>
      el(
        "li",
        { class: `issue issue-${issue.severity}` },
        el(
          "span",
          { class: "issue-where" },
          el("code", { text: issue.file }),
          issue.pointer ? el("code", { text: issue.pointer }) : null,
          issue.line !== undefined ? `line ${issue.line}${issue.column !== undefined ? `, column ${issue.column}` : ""}` : null,
          issue.cell?.sheet !== undefined ? el("code", { text: `sheet ${issue.cell.sheet}` }) : null,
          issue.cell?.row !== undefined ? `row ${issue.cell.row}` : null,
          issue.cell?.column !== undefined ? el("code", { text: issue.cell.column }) : null,
        ),
        el("span", { class: "issue-severity", text: issue.severity }),
        el("span", { class: "issue-message", text: issue.message }),
      ),
    ),
  );
}

/** Errors first, then warnings, each group in its original order. */
export function errorsFirst(issues: readonly LoadIssue[]): LoadIssue[] {
  return [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
}

/** The dataset's problems as a list: file, JSON pointer, line and message, errors first. */
export function renderIssues(container: HTMLElement, title: string, issues: readonly LoadIssue[]): void {
  const sorted = errorsFirst(issues);
  const errors = issues.filter((issue) => issue.severity === "error").length;
  container.replaceChildren(
    el(
      "section",
      { class: "fatal", attrs: { role: "alert", "aria-labelledby": "fatal-title" } },
      el("h1", { text: title, attrs: { id: "fatal-title" } }),
      el("p", {
        text: `${errors.toLocaleString("en")} ${errors === 1 ? "error" : "errors"} must be fixed before the explorer can open this dataset.`,
      }),
      issueList(sorted),
    ),
  );
}

/** A plain message (no WebGL, an unexpected failure): never a blank page, never a stack trace. */
export function renderMessage(container: HTMLElement, title: string, ...paragraphs: string[]): void {
  container.replaceChildren(
    el(
      "section",
      { class: "fatal", attrs: { role: "alert", "aria-labelledby": "fatal-title" } },
      el("h1", { text: title, attrs: { id: "fatal-title" } }),
      ...paragraphs.map((text) => el("p", { text })),
    ),
  );
}
