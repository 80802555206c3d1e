/**
 * The graph's labels: which entities sigma labels and on which side, chosen by model/labels.ts's
 * placement from where entities are on screen, and applied as each entity's label state (sigma's
 * labelVisibility and labelPosition styles, renderer.ts). The placement runs again once the camera
 * rests, as the layout moves entities, and when the view, the forced labels or the preference change.
 *
 * Past PLACE_UP_TO shown entities the placement would cost too much per camera move: sigma's own label
 * grid chooses then, with the preference's density.
 */
import {
  ALWAYS_LABEL_UP_TO,
  LABEL_FONT_PX,
  LABEL_GRID_DENSITY,
  placeLabels,
  type Box,
  type LabelCandidate,
  type LabelSide,
  type PlacedLabel,
} from "../model/labels.ts";
import type { LabelPreference } from "../state/state.ts";
import type { ViewGraph } from "../model/view-graph.ts";
import { LABEL_FONT, type AtlasRenderer } from "./renderer.ts";

/** Above this many shown entities, sigma's label grid chooses the labels. */
export const PLACE_UP_TO = 3_000;

/** Whether sigma's label grid chooses the labels of a view showing this many entities (else they are placed). */
export function labelsByGrid(shown: number): boolean {
  return shown > PLACE_UP_TO;
}
/** The camera counts as resting once it has not moved for this long. */
const REST_MS = 150;
/** While the layout moves entities, labels are placed again at most this often. */
const MOVING_EVERY_MS = 400;
/** Line height of a label, as a share of its font size (the box sigma draws the background in). */
const LINE_HEIGHT = 1.25;

export interface LabelInputs {
  /** The entities shown. */
  nodes: ReadonlySet<string>;
  /** Entities whose label is drawn whatever the room: the focus, the selection, a path, a leverage chain. */
  forced: ReadonlySet<string>;
  /**
   * The neighbourhood lit by the pointer or the keyboard, when there is one: only its labels (and the forced ones)
   * are placed, so a hub's neighbours share the room instead of piling up; the rest is faded anyway.
   */
  lit: ReadonlySet<string> | null;
  /** How many shown relations each shown entity has (the most connected are labelled first). */
  degree: (id: string) => number;
  preference: LabelPreference;
}

export class LabelController {
  private inputs: LabelInputs | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A placement is due: the view, the camera or the positions changed since the last one. */
  private wanted = false;
  /** The next placement must not wait (the view or the preference changed: stale labels would show). */
  private urgent = false;
  private lastPlaced = -Infinity;
  private cameraMovedAt = -Infinity;
  /** The labels drawn now, for tests and the console. */
  placed: readonly PlacedLabel[] = [];
  private readonly states = new Map<string, { isLabelled: boolean; labelSide: LabelSide }>();
  private readonly widths = new Map<string, number>();
  private readonly measure: CanvasRenderingContext2D | null;
  private readonly unbind: () => void;

  constructor(
    private readonly renderer: AtlasRenderer,
    /** The graph the renderer draws (it may be given it after this is made: Explorer). */
    private readonly graph: ViewGraph,
    /** Screen areas over the graph that labels stay clear of, in the graph container's pixels. */
    private readonly obstacles: () => Box[],
    /** Whether the renderer was created with sigma's grid choosing the labels (its labelsByGrid). */
    private byGrid: boolean,
  ) {
    this.measure = document.createElement("canvas").getContext("2d");
    const camera = renderer.getCamera();
    // Positions are read from sigma's display data, which is fresh once a frame has been drawn: placements follow frames.
    const onRender = (): void => this.afterRender();
    const onCamera = (): void => {
      this.cameraMovedAt = performance.now();
      this.want(false);
    };
    const onPositions = (): void => this.want(false);
    const onResize = (): void => this.want(false);
    renderer.on("afterRender", onRender);
    camera.on("updated", onCamera);
    graph.on("eachNodeAttributesUpdated", onPositions);
    window.addEventListener("resize", onResize);
    this.unbind = () => {
      renderer.off("afterRender", onRender);
      camera.off("updated", onCamera);
      graph.off("eachNodeAttributesUpdated", onPositions);
      window.removeEventListener("resize", onResize);
    };
  }

  update(inputs: LabelInputs): void {
    const before = this.inputs;
    this.inputs = inputs;
    if (before?.preference.size !== inputs.preference.size) this.widths.clear();
    this.want(true);
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.unbind();
  }

  private want(urgent: boolean): void {
    this.wanted = true;
    this.urgent ||= urgent;
    this.renderer.scheduleRender();
  }

  /** After a frame: place now, or once the camera rests and the layout's moves are far enough apart. */
  private afterRender(): void {
    if (!this.wanted) return;
    const now = performance.now();
    const wait = this.urgent ? 0 : Math.max(this.cameraMovedAt + REST_MS - now, this.lastPlaced + MOVING_EVERY_MS - now, 0);
    clearTimeout(this.timer);
    if (wait === 0) this.place();
    else this.timer = setTimeout(() => this.place(), wait);
  }

  /** Places the labels now (tests and the picture export call it to draw the labels of this very frame). */
  place(): void {
    clearTimeout(this.timer);
    const inputs = this.inputs;
    if (!inputs) return;
    this.wanted = false;
    this.urgent = false;
    this.lastPlaced = performance.now();
    const renderer = this.renderer;
    const { density, size } = inputs.preference;
    const byGrid = labelsByGrid(inputs.nodes.size);
    if (byGrid !== this.byGrid) {
      this.byGrid = byGrid;
      renderer.setNodesState(this.graph.nodes(), { labelsByGrid: byGrid });
    }
    if (byGrid) {
      // Changing a setting refreshes the whole renderer: only when the density changes.
      if (renderer.getSetting("labelDensity") !== LABEL_GRID_DENSITY[density]) renderer.setSetting("labelDensity", LABEL_GRID_DENSITY[density]);
      this.placed = [];
      return;
    }
    const font = LABEL_FONT_PX[size];
    const all = inputs.nodes.size <= ALWAYS_LABEL_UP_TO;
    const candidates: LabelCandidate[] = [];
    const { lit } = inputs;
    for (const id of inputs.nodes) {
      if (lit !== null && !lit.has(id) && !inputs.forced.has(id)) continue;
      const data = renderer.getNodeDisplayData(id);
      if (!data) continue;
      const { x, y } = renderer.framedGraphToViewport(data);
      candidates.push({
        id,
        x,
        y,
        radius: renderer.scaleSize(data.size),
        width: this.textWidth(data.label ?? "", font),
        height: font * LINE_HEIGHT,
        forced: all || inputs.forced.has(id),
        priority: -inputs.degree(id),
      });
    }
    const { width, height } = renderer.getDimensions();
    this.placed = placeLabels(candidates, { width, height, obstacles: this.obstacles(), density });
    const sides = new Map(this.placed.map((label) => [label.id, label.side]));
    for (const id of new Set([...this.states.keys(), ...inputs.nodes])) {
      const side = sides.get(id);
      const next = { isLabelled: side !== undefined, labelSide: side ?? this.states.get(id)?.labelSide ?? "right" };
      const now = this.states.get(id);
      if (now?.isLabelled === next.isLabelled && now.labelSide === next.labelSide) continue;
      if (now === undefined && !next.isLabelled) continue;
      this.states.set(id, next);
      if (this.graph.hasNode(id)) renderer.setNodeState(id, next);
    }
  }

  /** The widest label among these entities at the preferred size, in pixels (0 past ALWAYS_LABEL_UP_TO: not all are labelled). */
  widestLabel(nodes: ReadonlySet<string>): number {
    if (nodes.size > ALWAYS_LABEL_UP_TO || !this.inputs) return 0;
    const font = LABEL_FONT_PX[this.inputs.preference.size];
    let widest = 0;
    for (const id of nodes) widest = Math.max(widest, this.textWidth(this.renderer.getNodeDisplayData(id)?.label ?? "", font));
    return widest;
  }

  private textWidth(text: string, font: number): number {
    const key = `${font}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      if (this.measure) {
        this.measure.font = `${font}px ${LABEL_FONT}`;
        // A few percent more than the 2D canvas measures: sigma's glyph atlas advances differ slightly.
        width = this.measure.measureText(text).width * 1.04;
      } else width = text.length * font * 0.6;
      this.widths.set(key, width);
    }
    return width;
  }
}
