/** Ids of the dataset made from a file, and where each entity or relation came from in it. */
import { slugify } from "../../../model/text.ts";
import { ID_MAX_LENGTH, ID_PATTERN } from "../../../model/schema.ts";

/** Dataset ids: unique across entities, relations and sources, in the id format. */
export class IdAllocator {
  private readonly used = new Set<string>();
  /**
   * The counter to try first for each prefix and slug: every lower one was taken when it was last tried, and
   * ids are never given back, so the search resumes there (ids in a file that all slug alike would otherwise
   * take a search from 2 each, in time quadratic in their number).
   */
  private readonly nextCounter = new Map<string, number>();

  reserve(id: string): void {
    this.used.add(id);
  }

  /** The wanted id when it is free and well formed, else a slug of it (prefixed when needed), made unique. */
  allocate(wanted: string, prefix: string): string {
    if (ID_PATTERN.test(wanted) && wanted.length <= ID_MAX_LENGTH && !this.used.has(wanted)) {
      this.used.add(wanted);
      return wanted;
    }
    const base = slugify(wanted, ID_MAX_LENGTH - 10);
    let candidate = base === "" || this.used.has(base) ? `${prefix}-${base || "item"}`.replace(/-+$/, "") : base;
    if (this.used.has(candidate)) {
      const key = `${prefix}\n${base}`;
      let counter = this.nextCounter.get(key) ?? 2;
      for (; ; counter += 1) {
        candidate = `${prefix}-${base || "item"}-${counter}`.replace(/--+/g, "-");
        if (!this.used.has(candidate)) break;
      }
      this.nextCounter.set(key, counter + 1);
    }
    this.used.add(candidate);
    return candidate;
  }
}

/** Where each entity or relation came from (its node's or edge's id or position, line and column), by index: kept compact, one per item. */
export class Origins {
  private readonly items: (string | number)[] = [];
  private readonly places: number[] = [];

  push(item: string | number, line: number, column: number): void {
    this.items.push(item);
    this.places.push(line, column);
  }

  at(index: number): { item: string | number; line: number; column: number } | undefined {
    const item = this.items[index];
    const line = this.places[2 * index];
    const column = this.places[2 * index + 1];
    return item === undefined || line === undefined || column === undefined ? undefined : { item, line, column };
  }
}
