/**
 * The graph without a mouse. Tab reaches the graph (a focusable application region): the arrow keys
 * move a ring (sigma's isCursor flag, render/renderer.ts) round the entity whose details are open, or
 * through every shown entity from the most connected (model/graph-keyboard.ts); Enter opens the ringed
 * entity's details and walks on around it, Space selects it, + − 0 zoom and fit. Each step is said in
 * a live region for screen readers. "/" goes to the search from anywhere, and the toolbar's
 * "Keyboard" button lists every key.
 */
import { byRelations, describeCursor, keyboardRing, stepInRing, type Ring } from "../model/graph-keyboard.ts";
import { plural } from "../model/format.ts";
import type { ViewResult } from "../model/view.ts";
import type { AtlasRenderer } from "../render/renderer.ts";
import { focusEntity, moveCursor, toggleSelected } from "../state/actions.ts";
import { el } from "../ui/dom.ts";
import { Inputs, isTextEntry, type MountedPanel, type Panel, type PanelContext } from "./panel.ts";
import "./graph-keyboard.css";

/** Screen pixels kept between the ringed entity and the graph's edges before the camera follows it. */
const VIEW_MARGIN = 60;

/** The keys, as the help lists them: [keys, what they do]. */
const KEYS: readonly { heading: string; keys: readonly [string[], string][] }[] = [
  {
    heading: "Anywhere",
    keys: [
      [["Tab", "Shift+Tab"], "Move between the search, the graph, its toolbar, the table and the panels"],
      [["/"], "Go to the search"],
      [["Escape"], "Close this list or a report; stop a box selection; clear the highlighted chain, then the selection"],
    ],
  },
  {
    heading: "On the graph",
    keys: [
      [["→", "↓"], "Next entity: round the entity in Details (clockwise), otherwise from the most connected"],
      [["←", "↑"], "Previous entity"],
      [["Home"], "Back to the entity in Details"],
      [["Enter"], "Open the ringed entity's details, then go round it"],
      [["Shift+Enter"], "Open its details and move to them"],
      [["Space"], "Select or deselect the ringed entity"],
      [["+", "−", "0"], "Zoom in, zoom out, fit the graph"],
      [["?"], "Show these keys"],
    ],
  },
  {
    heading: "In the table",
    keys: [
      [["←", "→"], "On the tabs: switch between entities and relations"],
      [["Enter"], "On a name: open its details; on a column header: sort by it"],
      [["Space"], "On a checkbox: select or deselect in the graph"],
    ],
  },
];

function helpList(): HTMLElement {
  return el(
    "div",
    { class: "keyboard-help-body" },
    ...KEYS.map(({ heading, keys }) =>
      el(
        "section",
        {},
        el("h3", { text: heading }),
        el(
          "dl",
          {},
          ...keys.flatMap(([names, what]) => [
            el("dt", {}, ...names.flatMap((name, index) => [index > 0 ? " " : null, el("kbd", { text: name })])),
            el("dd", { text: what }),
          ]),
        ),
      ),
    ),
  );
}

/** Moves the camera just enough to bring an entity into view when it is outside, or too near an edge. */
function keepInView(renderer: AtlasRenderer, id: string): void {
  const data = renderer.getNodeDisplayData(id);
  if (!data) return;
  const { width, height } = renderer.getDimensions();
  const at = renderer.framedGraphToViewport(data);
  if (at.x >= VIEW_MARGIN && at.x <= width - VIEW_MARGIN && at.y >= VIEW_MARGIN && at.y <= height - VIEW_MARGIN) return;
  void renderer.getCamera().animate({ x: data.x, y: data.y }, { duration: 300 });
}

function mount(context: PanelContext): MountedPanel {
  const { graph, store, renderer } = context;
  const container = renderer.getContainer();
  // An application region: screen readers pass the arrow keys on to it.
  container.tabIndex = 0;
  container.setAttribute("role", "application");
  container.setAttribute("aria-roledescription", "graph");
  container.setAttribute("aria-describedby", "graph-keys-hint");
  const hint = el("p", {
    class: "visually-hidden",
    attrs: { id: "graph-keys-hint" },
    text: "Arrow keys move between entities, Enter opens details, Space selects; the Keyboard button lists every key.",
  });
  const announcer = el("p", { class: "visually-hidden", attrs: { role: "status", "aria-live": "polite", id: "graph-announcer" } });
  context.region("pane").append(hint, announcer);

  const help = el(
    "details",
    { class: "keyboard-help", attrs: { id: "keyboard-help" } },
    el("summary", { class: "button", text: "⌨ Keyboard", attrs: { title: "Keys for the graph, the table and the page" } }),
    el("div", { class: "keyboard-help-popover" }, el("h2", { class: "section-heading", text: "Keyboard" }), helpList()),
  );
  context.region("toolbar").append(help);

  let view: ViewResult | null = null;
  // The shown entities by relations, kept while the view shows the same entities.
  let ranked: { shown: ReadonlySet<string>; entities: readonly string[] } | null = null;
  const everything = (): readonly string[] => {
    const shown = view?.nodes ?? new Set<string>();
    if (ranked?.shown !== shown) ranked = { shown, entities: byRelations(graph, shown) };
    return ranked.entities;
  };
  const ring = (): Ring => {
    const state = store.get();
    const position = (id: string): { x: number; y: number } | null => {
      const data = renderer.getNodeDisplayData(id);
      return data ? renderer.framedGraphToViewport(data) : null;
    };
    return keyboardRing(graph, view ?? { nodes: new Set(), edges: new Set() }, state.view.focus, position, everything);
  };
  const say = (text: string): void => {
    announcer.textContent = text;
  };
  const reach = (id: string | null, current: Ring): void => {
    if (id === null) {
      say("The graph shows no entity.");
      return;
    }
    store.dispatch(moveCursor, id);
    keepInView(renderer, id);
    say(describeCursor(graph, view?.edges ?? new Set(), current, id));
  };

  container.addEventListener("keydown", (event) => {
    if (event.target !== container || event.altKey || event.ctrlKey || event.metaKey) return;
    const state = store.get();
    const cursor = state.cursor;
    const camera = renderer.getCamera();
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
      case "ArrowLeft":
      case "ArrowUp": {
        const current = ring();
        reach(stepInRing(current, cursor, event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : -1), current);
        break;
      }
      case "Home": {
        const current = ring();
        reach(current.anchor ?? current.entities[0] ?? null, current);
        break;
      }
      case "Enter": {
        if (cursor === null) return;
        store.dispatch(focusEntity, cursor);
        if (event.shiftKey) {
          context.request({ type: "focus-details" });
          break;
        }
        say(`Details open: ${describeCursor(graph, view?.edges ?? new Set(), ring(), cursor)}`);
        break;
      }
      case " ": {
        if (cursor === null) return;
        store.dispatch(toggleSelected, cursor);
        const selection = store.get().selection;
        const label = graph.getNodeAttribute(cursor, "label");
        say(`${label} ${selection.has(cursor) ? "selected" : "deselected"}; ${plural(selection.size, "entity", "entities")} selected.`);
        break;
      }
      case "+":
      case "=":
        void camera.zoomIn({ duration: 200 });
        break;
      case "-":
      case "−":
        void camera.zoomOut({ duration: 200 });
        break;
      case "0":
        void camera.reset({ duration: 300 });
        break;
      case "?":
        help.open = true;
        help.querySelector("summary")?.focus();
        break;
      default:
        return;
    }
    event.preventDefault();
  });
  // Keyboard focus puts the ring on the entity in Details; a pointer press or leaving the graph takes it off.
  container.addEventListener("focus", () => {
    if (!container.matches(":focus-visible")) return;
    const current = ring();
    if (current.anchor !== null) reach(current.anchor, current);
    else say(`${plural(current.entities.length, "entity", "entities")} shown. Arrow keys move between them, from the most connected.`);
  });
  container.addEventListener("blur", () => store.dispatch(moveCursor, null));
  container.addEventListener("pointerdown", () => store.dispatch(moveCursor, null));

  const onSlash = (event: KeyboardEvent): void => {
    if (event.key !== "/" || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.target)) return;
    const search = document.getElementById("search");
    if (!(search instanceof HTMLInputElement)) return;
    event.preventDefault();
    search.focus();
  };
  document.addEventListener("keydown", onSlash);
  // The list of keys floats over the graph: a press anywhere else closes it.
  const onPressOutside = (event: PointerEvent): void => {
    if (help.open && event.target instanceof Node && !help.contains(event.target)) help.open = false;
  };
  document.addEventListener("pointerdown", onPressOutside);
  help.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !help.open) return;
    event.preventDefault();
    help.open = false;
    help.querySelector("summary")?.focus();
  });

  const counts = new Inputs();
  return {
    update: (_state, derived) => {
      view = derived.view;
      if (counts.changed(derived.view))
        container.setAttribute(
          "aria-label",
          `Graph: ${plural(derived.view.nodes.size, "entity", "entities")} and ${plural(derived.view.edges.size, "relation")} shown`,
        );
    },
    destroy: () => {
      document.removeEventListener("keydown", onSlash);
      document.removeEventListener("pointerdown", onPressOutside);
    },
    onEscape: () => {
      if (!help.open) return false;
      help.open = false;
      return true;
    },
  };
}

export const graphKeyboardPanel: Panel = { id: "graph-keyboard", mount };
