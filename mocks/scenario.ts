/**
 * What the mock server is doing right now: how slow it is, how it fails, and what time it thinks it
 * is. A tiny store that the training panel, stories and tests change and the handlers read on every
 * request, so a change applies to the very next search.
 */

export type Latency = 'none' | 'fast' | 'slow' | 'jitter';

export type Failure =
  | 'none'
  | 'server-error'
  | 'service-unavailable'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'bad-request'
  | 'not-found'
  | 'timeout'
  | 'slow-response'
  | 'invalid-json'
  | 'wrong-shape'
  | 'malformed-accounts'
  | 'network-down';

export interface Scenario {
  latency: Latency;
  failure: Failure;
  /** How far the mock clock runs ahead of the real one, in minutes. */
  clockOffsetMinutes: number;
  /** When the mock world started (epoch ms): the dataset's "booked 4 minutes ago" counts from here. */
  anchor: number;
}

export interface Option<T extends string> {
  value: T;
  label: string;
  description: string;
}

export const LATENCIES: readonly Option<Latency>[] = [
  { value: 'none', label: 'Instant', description: 'Answers at once (tests).' },
  { value: 'fast', label: 'Fast', description: 'About 150 ms, like a healthy server.' },
  { value: 'slow', label: 'Slow (3G)', description: 'About 2.5 s, like a slow mobile connection.' },
  { value: 'jitter', label: 'Random jitter', description: 'Anywhere from 50 ms to 3 s, so answers can arrive out of order.' },
];

export const FAILURES: readonly Option<Failure>[] = [
  { value: 'none', label: 'None', description: 'Normal answers.' },
  { value: 'server-error', label: 'Server error (500)', description: 'HTTP 500 with a JSON error body.' },
  { value: 'service-unavailable', label: 'Service unavailable (503)', description: 'HTTP 503 with Retry-After: 30.' },
  { value: 'unauthorized', label: 'Session expired (401)', description: 'HTTP 401: the admin must sign in again.' },
  { value: 'forbidden', label: 'Permission denied (403)', description: 'HTTP 403: the admin may not link accounts on this site.' },
  { value: 'rate-limited', label: 'Rate limited (429)', description: 'HTTP 429 with Retry-After: 5.' },
  { value: 'not-found', label: 'Endpoint not found (404)', description: 'HTTP 404, as when the endpoint attribute has a typo.' },
  { value: 'bad-request', label: 'Request refused (400)', description: 'HTTP 400: the server refuses the search (any other 4xx reads the same).' },
  { value: 'timeout', label: 'Timeout (never answers)', description: 'The server does not answer (a gateway would send 504 after 2 minutes); the picker gives up after its own timeout.' },
  { value: 'slow-response', label: 'Very slow answer (20 s)', description: 'Answers correctly, but only after 20 seconds.' },
  { value: 'invalid-json', label: 'Invalid JSON', description: 'HTTP 200 whose body is cut off mid-JSON.' },
  { value: 'wrong-shape', label: 'Wrong shape', description: 'HTTP 200 JSON from a different API: no site, no accounts list.' },
  { value: 'malformed-accounts', label: 'Some accounts malformed', description: 'Every third account lacks its id or name; the rest are fine.' },
  { value: 'network-down', label: 'Network down', description: 'The request fails like a dropped connection.' },
];

export interface ScenarioStore {
  get(): Scenario;
  /** Changes part of the scenario; listeners hear about it. */
  set(patch: Partial<Omit<Scenario, 'anchor'>>): Scenario;
  /** Moves the mock clock forward (or back, with a negative number). */
  advanceClock(minutes: number): Scenario;
  /** Defaults again, and a new mock world starting now: pending accounts are pending again. */
  reset(): Scenario;
  /** The mock server's clock: real time plus the offset. */
  now(): number;
  subscribe(listener: (scenario: Scenario) => void): () => void;
  /**
   * Keeps the scenario in `storage` (the demo uses sessionStorage) so a reload keeps the trainer's
   * settings and the same mock world; restores what was saved there.
   */
  persist(storage: Storage, key?: string): Scenario;
}

export interface ScenarioStoreOptions {
  /** Real time source, epoch ms; tests pin it. */
  clock?: () => number;
  /** Defaults for latency and failure (the anchor is always the clock's now). */
  defaults?: Partial<Pick<Scenario, 'latency' | 'failure'>>;
}

export const SCENARIO_STORAGE_KEY = 'link-account-picker:mock-scenario';

const LATENCY_VALUES = new Set<string>(LATENCIES.map((l) => l.value));
const FAILURE_VALUES = new Set<string>(FAILURES.map((f) => f.value));

export function createScenarioStore(options: ScenarioStoreOptions = {}): ScenarioStore {
  const clock = options.clock ?? Date.now;
  const initial = (): Scenario => ({
    latency: options.defaults?.latency ?? 'none',
    failure: options.defaults?.failure ?? 'none',
    clockOffsetMinutes: 0,
    anchor: clock(),
  });
  let state = initial();
  const listeners = new Set<(scenario: Scenario) => void>();
  let saveTo: ((scenario: Scenario) => void) | undefined;

  const commit = (next: Scenario): Scenario => {
    state = Object.freeze(next);
    saveTo?.(state);
    for (const listener of listeners) listener(state);
    return state;
  };

  return {
    get: () => state,
    set: (patch) => commit({ ...state, ...patch }),
    advanceClock: (minutes) => commit({ ...state, clockOffsetMinutes: state.clockOffsetMinutes + minutes }),
    reset: () => commit(initial()),
    now: () => clock() + state.clockOffsetMinutes * 60_000,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    persist(storage, key = SCENARIO_STORAGE_KEY) {
      const saved = readSaved(storage, key);
      saveTo = (scenario) => {
        try {
          storage.setItem(key, JSON.stringify(scenario));
        } catch {
          // Storage full or blocked (private mode): the demo still works, it just forgets on reload.
        }
      };
      return commit(saved ? { ...state, ...saved } : state);
    },
  };
}

function readSaved(storage: Storage, key: string): Partial<Scenario> | undefined {
  try {
    const raw: unknown = JSON.parse(storage.getItem(key) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return undefined;
    const r = raw as Record<string, unknown>;
    const saved: Partial<Scenario> = {};
    if (typeof r.latency === 'string' && LATENCY_VALUES.has(r.latency)) saved.latency = r.latency as Latency;
    if (typeof r.failure === 'string' && FAILURE_VALUES.has(r.failure)) saved.failure = r.failure as Failure;
    if (typeof r.clockOffsetMinutes === 'number' && Number.isFinite(r.clockOffsetMinutes)) saved.clockOffsetMinutes = r.clockOffsetMinutes;
    if (typeof r.anchor === 'number' && Number.isFinite(r.anchor)) saved.anchor = r.anchor;
    return saved;
  } catch {
    return undefined;
  }
}

/** How long to wait before answering, in ms. */
export function latencyMs(latency: Latency, random: () => number = Math.random): number {
  switch (latency) {
    case 'none':
      return 0;
    case 'fast':
      return 120 + Math.round(random() * 60);
    case 'slow':
      return 2000 + Math.round(random() * 1000);
    case 'jitter':
      return 50 + Math.round(random() * 2950);
  }
}

/** The store the default `handlers` read; the demo, stories and tests change this one. */
export const scenario = createScenarioStore();
