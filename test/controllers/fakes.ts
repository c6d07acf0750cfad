/**
 * A fake `ReactiveControllerHost` and a fake clock, so controllers are tested alone: no element, no
 * DOM, no network, and time that moves only when the test says.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountResult } from '../../src/internal/events.js';
import type { SearchOutcome } from '../../src/internal/search/outcome.js';

export class FakeHost extends EventTarget implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  readonly renderRoot = { querySelector: () => null };
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(controller: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(controller), 1);
  }
  requestUpdate(): void {
    this.updates += 1;
  }
  /** Runs one update cycle's controller hooks. */
  cycle(): void {
    for (const c of this.controllers) c.hostUpdate?.();
    for (const c of this.controllers) c.hostUpdated?.();
  }
  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }
}

interface Timer {
  id: number;
  at: number;
  run: () => void;
  every?: number;
}

/** Replaces setTimeout, setInterval and Date.now until `uninstall()`; `tick(ms)` moves time on. */
export class FakeClock {
  now = Date.parse('2026-03-02T10:00:00Z');
  #timers: Timer[] = [];
  #nextId = 1;
  readonly #saved = {
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
    now: Date.now,
  };

  install(): this {
    const add = (run: () => void, ms = 0, every?: number): number => {
      const id = this.#nextId++;
      this.#timers.push({ id, at: this.now + Math.max(0, ms), run, ...(every !== undefined ? { every: Math.max(1, every) } : {}) });
      return id;
    };
    const clear = (id?: unknown): void => {
      this.#timers = this.#timers.filter((t) => t.id !== id);
    };
    Object.assign(globalThis, {
      setTimeout: (run: () => void, ms?: number) => add(run, ms),
      clearTimeout: clear,
      setInterval: (run: () => void, ms?: number) => add(run, ms, ms),
      clearInterval: clear,
    });
    Date.now = () => this.now;
    return this;
  }

  uninstall(): void {
    Object.assign(globalThis, this.#saved);
    Date.now = this.#saved.now;
  }

  /** Pending timers. */
  get pending(): number {
    return this.#timers.length;
  }

  /** Moves time on by `ms`, running each timer due on the way, in order, letting promises settle between. */
  async tick(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      const next = [...this.#timers].sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > end) break;
      this.now = next.at;
      if (next.every) next.at += next.every;
      else this.#timers = this.#timers.filter((t) => t !== next);
      next.run();
      await settle();
    }
    this.now = end;
    await settle();
  }
}

/** Lets pending promise callbacks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
}

/**
 * The results of one page for `query`, as the search controller hands them over. No `asOf`: the
 * server's clock is then the (fake) client clock.
 */
export function outcome(results: AccountResult[], query = 'acme'): SearchOutcome {
  return {
    query,
    params: { endpoint: '/x', site: 's', user: '', limit: 25, timeout: 10000 },
    site: { id: 's', name: 'S', privateLabels: [], includeUnlabeled: true },
    results,
    nextCursor: null,
    malformed: 0,
    syncWindowMinutes: 15,
    receivedAt: performance.now(),
    pageCount: 1,
  } as SearchOutcome;
}
