/** A seeded random source for the generator: pure-rand's xoroshiro128+ behind a few helpers. */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

export class Random {
  private readonly generator: RandomGenerator;

  constructor(seed: number) {
    this.generator = xoroshiro128plus(seed);
  }

  /** An integer in [0, size). */
  below(size: number): number {
    return uniformInt(this.generator, 0, size - 1);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** A float in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)] as T;
  }
}

/** Draws keys in proportion to their weights (cumulative table, binary search). */
export class WeightedChoice<K> {
  private readonly keys: K[];
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(weights: ReadonlyMap<K, number> | readonly (readonly [K, number])[]) {
    const entries = [...weights].filter(([, weight]) => weight > 0);
    if (entries.length === 0) throw new Error("WeightedChoice needs at least one positive weight");
    this.keys = entries.map(([key]) => key);
    let sum = 0;
    for (const [, weight] of entries) {
      sum += weight;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  draw(random: Random): K {
    const target = random.float() * this.total;
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return this.keys[low] as K;
  }
}
