/**
 * A hand-driven `setTimeout` for tests about time (a debounce, a wait): while installed, timers armed
 * on `window` do not run by themselves; `tick(ms)` moves the clock and runs the ones that came due,
 * in order. Only `setTimeout`/`clearTimeout` are replaced (not Date, not intervals), and only until
 * `uninstall()`: install it around the steps under test, and uninstall it before waiting for the
 * network or for anything that waits with timers.
 */
interface Pending {
  id: number;
  due: number;
  run: () => void;
}

export interface ManualClock {
  /** Moves the clock forward by `ms`, running every timer that comes due, earliest first. */
  tick(ms: number): void;
  /** How many timers are armed and not yet run. */
  readonly pending: number;
  /** Puts the real timers back; timers still pending are re-armed on them with their remaining time. */
  uninstall(): void;
}

export function installManualClock(): ManualClock {
  const w = window as unknown as { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
  const realSetTimeout = w.setTimeout;
  const realClearTimeout = w.clearTimeout;
  let now = 0;
  let nextId = 1_000_000;
  const timers = new Map<number, Pending>();

  w.setTimeout = ((handler: TimerHandler, ms = 0, ...args: unknown[]) => {
    const id = nextId++;
    const run = () => (typeof handler === 'function' ? handler(...args) : undefined);
    timers.set(id, { id, due: now + Math.max(0, ms), run });
    return id;
  }) as typeof setTimeout;
  w.clearTimeout = ((id?: number) => {
    if (id !== undefined) timers.delete(id);
  }) as typeof clearTimeout;

  return {
    tick(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = [...timers.values()].filter((t) => t.due <= end).sort((a, b) => a.due - b.due || a.id - b.id)[0];
        if (!next) break;
        timers.delete(next.id);
        now = next.due;
        next.run();
      }
      now = end;
    },
    get pending() {
      return timers.size;
    },
    uninstall() {
      w.setTimeout = realSetTimeout;
      w.clearTimeout = realClearTimeout;
      for (const t of timers.values()) realSetTimeout(t.run, t.due - now);
      timers.clear();
    },
  };
}
