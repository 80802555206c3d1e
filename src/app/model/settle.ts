/**
 * When to stop ForceAtlas2: after each batch of iterations the detector compares positions with the
 * previous batch; once the mean movement is a small fraction of the layout's extent for a few
 * batches in a row (or a batch budget is spent) the layout has settled. Buffers are reused, so
 * observing allocates nothing once the first batch has been seen.
 */

export interface SettleOptions {
  /** Mean movement per node, as a fraction of the layout's larger side, below which a batch is calm. */
  threshold?: number;
  /** Calm batches in a row needed to settle. */
  patience?: number;
  /** Batches before which the layout never counts as settled (a restart always runs a while). */
  minBatches?: number;
  /** Batches after which the layout stops anyway. */
  maxBatches?: number;
}

export class SettleDetector {
  private previous: Float64Array;
  private current: Float64Array;
  private seen = false;
  private calm = 0;
  private batches = 0;
  private readonly threshold: number;
  private readonly patience: number;
  private readonly minBatches: number;
  private readonly maxBatches: number;

  constructor(nodeCount: number, options: SettleOptions = {}) {
    this.previous = new Float64Array(nodeCount * 2);
    this.current = new Float64Array(nodeCount * 2);
    this.threshold = options.threshold ?? 0.0008;
    this.patience = options.patience ?? 5;
    this.minBatches = options.minBatches ?? 100;
    this.maxBatches = options.maxBatches ?? 1500;
  }

  /** The buffer to fill with x0, y0, x1, y1... before calling settled(). */
  get buffer(): Float64Array {
    return this.current;
  }

  /** The mean movement of the last batch relative to the layout's extent (Infinity on the first batch). */
  lastMovement = Infinity;

  /** Reads the buffer as the newest positions; true once the layout has settled. */
  settled(): boolean {
    const positions = this.current;
    const count = positions.length / 2;
    this.batches += 1;
    if (this.seen && count > 0) {
      let minX = Infinity;
      let maxX = -Infinity;
      let minY = Infinity;
      let maxY = -Infinity;
      let moved = 0;
      for (let i = 0; i < positions.length; i += 2) {
        const x = positions[i] as number;
        const y = positions[i + 1] as number;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
        moved += Math.hypot(x - (this.previous[i] as number), y - (this.previous[i + 1] as number));
      }
      const extent = Math.max(maxX - minX, maxY - minY, Number.EPSILON);
      this.lastMovement = moved / count / extent;
      this.calm = this.lastMovement < this.threshold ? this.calm + 1 : 0;
    }
    this.seen = true;
    // Swap buffers instead of copying.
    [this.previous, this.current] = [this.current, this.previous];
    if (count === 0 || this.batches >= this.maxBatches) return true;
    return this.calm >= this.patience && this.batches >= this.minBatches;
  }

  /** Starts counting afresh (after the user restarts the layout). */
  reset(): void {
    this.seen = false;
    this.calm = 0;
    this.batches = 0;
    this.lastMovement = Infinity;
  }
}
