/** Camera moves: to an entity (a chosen focus), and to fit a set of entities (what is shown, a leverage chain, a slide). */
import type { AtlasRenderer } from "./renderer.ts";

/** Screen pixels kept free around fitted entities: more on the right, where labels extend past their entity. */
const FIT_MARGIN: FitMargin = { left: 50, right: 190, top: 60, bottom: 60 };
const FIT_DURATION_MS = 450;

export function moveCameraTo(renderer: AtlasRenderer, node: string): void {
  // Display data holds framed-graph coordinates, the camera's own space.
  const data = renderer.getNodeDisplayData(node);
  if (!data) return;
  const camera = renderer.getCamera();
  void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 450 });
}

/** Screen pixels kept free around fitted entities. */
export interface FitMargin {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Margins for a drawing of this size: room on the right for labels (as wide as the widest label in a
 * small view, where every entity is labelled), never more than a share of the drawing, and room at the
 * top for the toolbar over the graph.
 */
export function fitMargin(size: { width: number; height: number }, room: { labels?: number; top?: number } = {}): FitMargin {
  const labels = room.labels ?? 0;
  return {
    left: Math.min(FIT_MARGIN.left, size.width * 0.06),
    right: labels > 0 ? Math.min(labels + 16, size.width * 0.45) : Math.min(FIT_MARGIN.right, size.width * 0.22),
    top: Math.min(Math.max(room.top ?? 0, 24) + 16, size.height * 0.3),
    bottom: Math.min(36, size.height * 0.08),
  };
}

/**
 * The camera state that brings every entity given into view. Sigma 4 has no "fit these nodes" helper,
 * so this measures the entities' box on screen at ratio 1 (the camera's scale is linear in its ratio)
 * and scales the ratio to fit it within the drawing, less the margins. Null when no entity is drawn.
 */
export function fittedCameraState(
  renderer: AtlasRenderer,
  nodes: Iterable<string>,
  margin: FitMargin = FIT_MARGIN,
): { x: number; y: number; ratio: number } | null {
  // The box in graph coordinates, then framed: reading each entity's display data copies dozens of style fields
  // per entity (a second for 10,000), and the framing is the same linear map for every entity.
  const graph = renderer.getGraph();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    if (!graph.hasNode(node)) continue;
    const { x, y } = graph.getNodeAttributes(node);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX)) return null;
  const low = renderer.graphToFramedGraph({ x: minX, y: minY });
  const high = renderer.graphToFramedGraph({ x: maxX, y: maxY });
  [minX, maxX] = [Math.min(low.x, high.x), Math.max(low.x, high.x)];
  [minY, maxY] = [Math.min(low.y, high.y), Math.max(low.y, high.y)];
  const camera = renderer.getCamera();
  const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  const atOne = { ...camera.getState(), ...centre, ratio: 1 };
  const a = renderer.framedGraphToViewport({ x: minX, y: minY }, { cameraState: atOne });
  const b = renderer.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: atOne });
  const { width, height } = renderer.getDimensions();
  const free = { width: Math.max(width - margin.left - margin.right, 1), height: Math.max(height - margin.top - margin.bottom, 1) };
  const ratio = camera.getBoundedRatio(Math.max(Math.abs(b.x - a.x) / free.width, Math.abs(b.y - a.y) / free.height, 0.15));
  // Put the box's centre in the middle of the free area, left of the pane's centre.
  const shift = { x: (margin.right - margin.left) / 2, y: (margin.bottom - margin.top) / 2 };
  const target = renderer.viewportToFramedGraph({ x: width / 2 + shift.x, y: height / 2 + shift.y }, { cameraState: { ...atOne, ratio } });
  return { x: target.x, y: target.y, ratio };
}

/** Moves the camera (animated) so every entity given is in view. */
export function fitCameraTo(renderer: AtlasRenderer, nodes: Iterable<string>, margin?: FitMargin): void {
  const state = fittedCameraState(renderer, nodes, margin);
  if (state) void renderer.getCamera().animate(state, { duration: FIT_DURATION_MS });
}
