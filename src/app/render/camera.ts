/** Camera moves: to an entity (a chosen focus), and to fit a set of entities (a leverage chain). */
import type { AtlasRenderer } from "./renderer.ts";

/** Screen pixels kept free around fitted entities: more on the right, where labels extend past their entity. */
const FIT_MARGIN = { left: 50, right: 190, vertical: 60 };
const FIT_DURATION_MS = 450;

export function moveCameraTo(renderer: AtlasRenderer, node: string): void {
  // Display data holds framed-graph coordinates, the camera's own space.
  const data = renderer.getNodeDisplayData(node);
  if (!data) return;
  const camera = renderer.getCamera();
  void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 450 });
}

/**
 * Moves the camera so every entity given is in view. Sigma 4 has no "fit these nodes" helper, so
 * this measures the entities' box on screen at ratio 1 (the camera's scale is linear in its ratio)
 * and scales the ratio to fit it within the graph pane.
 */
export function fitCameraTo(renderer: AtlasRenderer, nodes: readonly string[]): void {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of nodes) {
    const data = renderer.getNodeDisplayData(node);
    if (!data) continue;
    minX = Math.min(minX, data.x);
    maxX = Math.max(maxX, data.x);
    minY = Math.min(minY, data.y);
    maxY = Math.max(maxY, data.y);
  }
  if (!Number.isFinite(minX)) return;
  const camera = renderer.getCamera();
  const centre = { x: (minX + maxX) / 2, y: (minY + maxY) / 2 };
  const atOne = { ...camera.getState(), ...centre, ratio: 1 };
  const a = renderer.framedGraphToViewport({ x: minX, y: minY }, { cameraState: atOne });
  const b = renderer.framedGraphToViewport({ x: maxX, y: maxY }, { cameraState: atOne });
  const { width, height } = renderer.getDimensions();
  const free = { width: Math.max(width - FIT_MARGIN.left - FIT_MARGIN.right, 1), height: Math.max(height - 2 * FIT_MARGIN.vertical, 1) };
  const ratio = camera.getBoundedRatio(Math.max(Math.abs(b.x - a.x) / free.width, Math.abs(b.y - a.y) / free.height, 0.15));
  // Put the box's centre in the middle of the free area, left of the pane's centre.
  const shift = (FIT_MARGIN.right - FIT_MARGIN.left) / 2;
  const target = renderer.viewportToFramedGraph({ x: width / 2 + shift, y: height / 2 }, { cameraState: { ...atOne, ratio } });
  void camera.animate({ x: target.x, y: target.y, ratio }, { duration: FIT_DURATION_MS });
}
