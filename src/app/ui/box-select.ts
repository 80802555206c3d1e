/**
 * Box selection on the graph: shift+drag, or a drag while the "Box select" toggle is on, draws a
 * rectangle; the entities shown inside it join the selection. Uses sigma's own events
 * (downStage, moveBody with preventSigmaDefault so the camera does not pan, the mouse captor's mouseup)
 * and coordinate conversion (viewportToGraph); the hit test is model/box-select.ts.
 */
import "./box-select.css";
import { boxCorners, isBox, nodesInside, type Point } from "../model/box-select.ts";
import type { AtlasRenderer } from "../render/renderer.ts";
import { el } from "./dom.ts";

export class BoxSelect {
  readonly toggle: HTMLButtonElement;
  private readonly rectangle: HTMLElement;
  private start: Point | null = null;
  private active = false;

  constructor(
    private readonly renderer: AtlasRenderer,
    private readonly container: HTMLElement,
    private readonly onSelect: (ids: string[]) => void,
  ) {
    this.toggle = el("button", {
      class: "button",
      text: "⬚ Box select",
      attrs: {
        type: "button",
        "aria-pressed": "false",
        title: "Drag a box on the graph to select the entities in it (or hold Shift and drag)",
      },
    });
    this.toggle.addEventListener("click", () => this.setActive(!this.active));
    this.rectangle = el("div", { class: "box-select-rectangle", attrs: { hidden: true, "aria-hidden": "true" } });
    container.append(this.rectangle);

    // A box may start anywhere, on an entity or a relation too (a press without a drag stays a click).
    const begin = ({
      event,
    }: {
      event: { x: number; y: number; original: MouseEvent | TouchEvent; preventSigmaDefault(): void };
    }): void => {
      const original = event.original;
      if (!this.active && !("shiftKey" in original && original.shiftKey)) return;
      this.start = { x: event.x, y: event.y };
      event.preventSigmaDefault();
    };
    renderer.on("downStage", begin);
    renderer.on("downNode", begin);
    renderer.on("downEdge", begin);
    renderer.on("moveBody", ({ event }) => {
      if (this.start === null) return;
      event.preventSigmaDefault();
      if (!this.rectangle.hidden || isBox(this.start, event)) this.draw({ x: event.x, y: event.y });
    });
    renderer.getMouseCaptor().on("mouseup", (coordinates) => {
      if (this.start === null) return;
      const start = this.start;
      this.cancel();
      const end = { x: coordinates.x, y: coordinates.y };
      if (isBox(start, end)) this.onSelect(this.entitiesIn(start, end));
    });
  }

  get isActive(): boolean {
    return this.active;
  }

  setActive(active: boolean): void {
    this.active = active;
    this.toggle.setAttribute("aria-pressed", String(active));
    this.container.classList.toggle("box-select-on", active);
    if (!active) this.cancel();
  }

  /** Stops a drag in progress (Escape). Returns true when there was one. */
  cancel(): boolean {
    const dragging = this.start !== null;
    this.start = null;
    this.rectangle.hidden = true;
    return dragging;
  }

  /** The shown entities whose positions fall inside the dragged rectangle (in graph coordinates). */
  entitiesIn(a: Point, b: Point): string[] {
    const corners = boxCorners(a, b).map((corner) => this.renderer.viewportToGraph(corner));
    const graph = this.renderer.getGraph();
    return nodesInside(
      corners,
      (callback) => graph.forEachNode((id, attributes) => callback(id, attributes)),
      (id) => !this.renderer.getNodeState(id).isHidden,
    );
  }

  private draw(to: Point): void {
    if (this.start === null) return;
    const [topLeft, , bottomRight] = boxCorners(this.start, to);
    Object.assign(this.rectangle.style, {
      left: `${topLeft.x}px`,
      top: `${topLeft.y}px`,
      width: `${bottomRight.x - topLeft.x}px`,
      height: `${bottomRight.y - topLeft.y}px`,
    });
    this.rectangle.hidden = false;
  }
}
