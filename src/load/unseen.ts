/** What the checks could not see (unreadable files and parts of files), so that no problem is reported twice. */
import type { Collection } from "./items.ts";

/**
 * What the checks could not see: the ids that unreadable parts of the files seem to define, and the
 * collections holding a record whose id is unknown (an item that is not an object, or has no usable id).
 * A reference no definition resolves is not reported when it may be to one of those: the problem that
 * hid it has been reported already.
 */
export class Unseen {
  readonly ids = new Set<string>();
  readonly collections = new Set<Collection>();

  mayDefine(id: string, collection: Collection): boolean {
    return this.ids.has(id) || this.collections.has(collection);
  }
}

/**
 * Gathers from a part of a file no check could reach (a file that is not JSON, as far as it could be
 * read; a collection that is not a list; an item that is not an object) the ids it seems to define and
 * those it refers to. Iterative: the part may be nested arbitrarily deep.
 */
export function gatherUnchecked(value: unknown, ids: Set<string>, mentioned: Set<string>): void {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current !== "object" || current === null) continue;
    if (Array.isArray(current)) {
      for (const item of current as unknown[]) pending.push(item);
      continue;
    }
    for (const [key, field] of Object.entries(current)) {
      if (typeof field !== "string") pending.push(field);
      else if (key === "id") ids.add(field);
      else if (key === "source" || key === "target" || key === "about") mentioned.add(field);
    }
  }
}
