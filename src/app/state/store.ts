/**
 * A tiny store: holds a state, applies pure actions to it and tells its subscribers when it
 * changed. An action dispatched while subscribers are being told (the leverage analysis answering
 * from its cache) runs once they all have been, so every subscriber sees every state in order.
 */
export type Listener<S> = (state: S, previous: S) => void;

export class Store<S> {
  private state: S;
  private readonly listeners = new Set<Listener<S>>();
  private readonly queue: ((state: S) => S)[] = [];
  private notifying = false;

  constructor(initial: S) {
    this.state = initial;
  }

  get(): S {
    return this.state;
  }

  /** Applies `action(state, ...args)`; subscribers hear of it when the state changed (a new object). */
  dispatch<A extends unknown[]>(action: (state: S, ...args: A) => S, ...args: A): void {
    this.queue.push((state) => action(state, ...args));
    if (this.notifying) return;
    this.notifying = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        const previous = this.state;
        this.state = next(previous);
        if (this.state !== previous) for (const listener of this.listeners) listener(this.state, previous);
      }
    } finally {
      this.notifying = false;
      this.queue.length = 0;
    }
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: Listener<S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
