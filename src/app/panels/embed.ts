/**
 * Embedding. In the full explorer: "Copy embed code", an `<iframe>` snippet of the current view with `embed=1`
 * (to the clipboard, and always shown in a text field too, for browsers that refuse the clipboard). In the
 * embedded view (`?embed=1`): the link "Open in Leverage Atlas" to the same view without embed, in a new tab.
 */
import { EMBED_HEIGHT_PX, embedSnippet } from "../model/embed.ts";
import { formatMonth } from "../model/format.ts";
import { rangeLabel } from "../model/time.ts";
import { queryString, writeViewState } from "../state/address.ts";
import type { ViewState } from "../state/state.ts";
import { el } from "../ui/dom.ts";
import { Inputs, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./embed.css";

/** This page's address showing `view` (the parameters the view does not own, such as `dataset`, kept). */
function addressOf(view: ViewState): string {
  return `${location.origin}${location.pathname}${queryString(writeViewState(new URLSearchParams(location.search), view))}`;
}

function mountLink({ store, region }: PanelContext): MountedPanel {
  const link = el("a", {
    class: "embed-open",
    text: "Open in Leverage Atlas",
    attrs: { id: "embed-open", target: "_blank", rel: "noopener", title: "Open this view in the full explorer, in a new tab" },
  });
  // The embed has no time bar: when the view is at a date (or a range), it says so.
  const when = el("p", { class: "embed-when", attrs: { id: "embed-when", hidden: true } });
  region("header").append(when, link);
  const inputs = new Inputs();
  const show = (view: ViewState): void => {
    link.setAttribute("href", addressOf({ ...view, embed: false }));
    const text = view.at !== null ? `As of ${formatMonth(view.at)}` : view.range !== null ? `Active ${rangeLabel(view.range)}` : "";
    when.textContent = text;
    when.hidden = text === "";
  };
  show(store.get().view);
  return {
    update: (state) => {
      if (inputs.changed(state.view)) show(state.view);
    },
    destroy: () => {},
  };
}

function mountCopy({ store, graph, region }: PanelContext): MountedPanel {
  const button = el("button", {
    class: "button embed-copy",
    text: "Copy embed code",
    attrs: { type: "button", id: "embed-copy", "aria-haspopup": "dialog", "aria-expanded": "false" },
  });
  const code = el("textarea", {
    class: "embed-code",
    attrs: { id: "embed-code", readonly: true, rows: 4, spellcheck: "false" },
  });
  const status = el("p", { class: "hint embed-status", attrs: { role: "status" } });
  const close = el("button", { class: "link-button", text: "Close", attrs: { type: "button" } });
  const box = el(
    "section",
    { class: "embed-box", attrs: { role: "dialog", "aria-label": "Embed this view", id: "embed-box", hidden: true } },
    el("h2", { class: "section-heading", text: "Embed this view" }),
    el("p", {
      class: "hint",
      text: `Paste this into a web page: it shows the graph as it is now, ${String(EMBED_HEIGHT_PX)} pixels high, with a link to the full view.`,
    }),
    el("label", { class: "embed-label", text: "Embed code", attrs: { for: "embed-code" } }),
    code,
    status,
    close,
  );
  const share = el("div", { class: "embed-share" }, button, box);
  region("header").append(share);

  const hide = (): void => {
    box.hidden = true;
    button.setAttribute("aria-expanded", "false");
  };
  button.addEventListener("click", () => {
    if (!box.hidden) {
      hide();
      return;
    }
    code.value = embedSnippet(addressOf({ ...store.get().view, embed: true }), document.title || `${graph.getAttribute("name")} · Leverage Atlas`);
    box.hidden = false;
    button.setAttribute("aria-expanded", "true");
    code.focus();
    code.select();
    status.textContent = "Copying…";
    // The clipboard may be refused (no permission, an insecure page, a frame): the field above still holds the code.
    const copying = (navigator.clipboard as Clipboard | undefined)?.writeText(code.value) ?? Promise.reject(new Error("no clipboard"));
    copying.then(
      () => {
        status.textContent = "Copied to the clipboard.";
        box.dataset.copied = "true";
      },
      () => {
        status.textContent = "The browser did not allow copying: select the code above and copy it (Ctrl+C or ⌘C).";
        box.dataset.copied = "false";
      },
    );
  });
  close.addEventListener("click", () => {
    hide();
    button.focus();
  });
  return {
    // A page `atlas serve` serves is on this machine only and refuses to be framed: publish it to embed it.
    update: (state) => {
      share.hidden = state.dataset.served !== undefined;
    },
    destroy: () => {},
    onEscape: () => {
      if (box.hidden) return false;
      hide();
      button.focus();
      return true;
    },
  };
}

function mount(context: PanelContext): MountedPanel {
  return context.store.get().view.embed ? mountLink(context) : mountCopy(context);
}

export const embedPanel: Panel = { id: "embed", mount };
