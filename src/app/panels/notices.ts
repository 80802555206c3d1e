/**
 * Notices over the graph: what the address asked for that could not be used, what the view cannot
 * show (an unknown focus, a focus hidden by a filter...), and one folded notice for the dataset's
 * warnings. Each closes with its × button and stays closed while it is still raised; raised anew
 * later (the condition went and came back), it shows again (state.dismissedNotices).
 */
import { plural } from "../model/format.ts";
import { dismissNotice, keepDismissedNotices } from "../state/actions.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./notices.css";

/** Warnings listed in the page; the CLI lists them all. */
const MAX_LISTED_WARNINGS = 50;

function closeButton(text: string, onClose: () => void): HTMLButtonElement {
  const button = el("button", {
    class: "notice-close",
    text: "×",
    attrs: { type: "button", "aria-label": `Close the notice: ${text}`, title: "Close this notice" },
  });
  button.addEventListener("click", onClose);
  return button;
}

/** One folded notice for all dataset warnings, built once so it stays open across updates. */
function warningsNotice(summary: string, warnings: readonly string[], onClose: () => void): HTMLElement {
  return el(
    "div",
    { class: "notice notice-warnings" },
    el(
      "details",
      {},
      el("summary", { text: summary }),
      el("ul", {}, ...warnings.slice(0, MAX_LISTED_WARNINGS).map((text) => el("li", { text }))),
      warnings.length > MAX_LISTED_WARNINGS
        ? el("p", {
            text: `…and ${(warnings.length - MAX_LISTED_WARNINGS).toLocaleString("en")} more (npm run atlas -- validate lists them all).`,
          })
        : null,
    ),
    closeButton(summary, onClose),
  );
}

function mount({ store, region }: PanelContext): MountedPanel {
  const element = el("div", { class: "notices", attrs: { role: "status", "aria-live": "polite" } });
  region("pane").append(element);
  const { warnings } = store.get().dataset;
  const warningsText = `The dataset has ${plural(warnings.length, "warning")}`;
  /** Closes a notice; keyboard focus on its button goes to the next notice's button, else to the graph. */
  const dismiss = (text: string, button: HTMLElement): void => {
    const index = [...element.querySelectorAll(".notice-close")].indexOf(button);
    const hadFocus = document.activeElement === button;
    store.dispatch(dismissNotice, text);
    if (!hadFocus) return;
    const buttons = [...element.querySelectorAll<HTMLElement>(".notice-close")];
    (buttons[index] ?? buttons[index - 1] ?? document.getElementById("graph"))?.focus();
  };
  const warned = warnings.length === 0 ? null : warningsNotice(warningsText, warnings, () => dismiss(warningsText, closeOf(warned)));
  const raisedInputs = new Inputs();
  const shownInputs = new Inputs();
  return {
    update: (state, derived) => {
      const raised = [...state.dataset.notices, ...derived.view.notices, ...(warned ? [warningsText] : [])];
      // Closed notices no longer raised are forgotten, so they show again when raised anew (after this update).
      if (raisedInputs.changed(state.dataset.notices, derived.view.notices) && [...state.dismissedNotices].some((text) => !raised.includes(text)))
        queueMicrotask(() => store.dispatch(keepDismissedNotices, raised));
      if (!shownInputs.changed(state.dataset.notices, derived.view.notices, state.dismissedNotices)) return;
      const texts = [...state.dataset.notices, ...derived.view.notices].filter((text) => !state.dismissedNotices.has(text));
      const notices = texts.map((text) => {
        const notice = el("div", { class: "notice" }, el("p", { text }));
        notice.append(closeButton(text, () => dismiss(text, closeOf(notice))));
        return notice;
      });
      const showWarnings = warned !== null && !state.dismissedNotices.has(warningsText);
      element.replaceChildren(...notices, ...(showWarnings ? [warned] : []));
      element.hidden = element.childElementCount === 0;
    },
    destroy: () => {},
  };
}

/** A notice's close button. */
function closeOf(notice: HTMLElement | null): HTMLElement {
  return notice?.querySelector<HTMLElement>(".notice-close") ?? document.body;
}

export const noticesPanel: Panel = { id: "notices", mount };
