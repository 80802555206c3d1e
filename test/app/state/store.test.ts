import { describe, expect, it } from "vitest";
import { Store } from "../../../src/app/state/store.ts";

const add = (state: number, amount: number): number => state + amount;
const same = (state: number): number => state;

describe("the explorer's store", () => {
  it("applies actions and tells subscribers of each change with the previous state, never of no change", () => {
    const store = new Store(1);
    const heard: [number, number][] = [];
    const stop = store.subscribe((state, previous) => heard.push([state, previous]));
    store.dispatch(add, 2);
    store.dispatch(same);
    store.dispatch(add, 0);
    store.dispatch(add, 4);
    expect(store.get()).toBe(7);
    expect(heard).toEqual([
      [3, 1],
      [7, 3],
    ]);
    stop();
    store.dispatch(add, 1);
    expect(heard).toHaveLength(2);
  });

  it("runs an action dispatched by a subscriber after every subscriber has heard the change in progress", () => {
    const store = new Store(0);
    const heard: string[] = [];
    store.subscribe((state) => {
      heard.push(`first ${state}`);
      if (state === 1) store.dispatch(add, 10);
    });
    store.subscribe((state) => heard.push(`second ${state}`));
    store.dispatch(add, 1);
    expect(heard).toEqual(["first 1", "second 1", "first 11", "second 11"]);
    expect(store.get()).toBe(11);
  });
});
