/**
 * A search handler over the in-memory source (mocks/account-source.ts), with a pinned clock and a
 * logger that keeps what it is told, plus `get()` to call it the way the picker does.
 */
import { createDataset, DEFAULT_SEED, type MockDataset } from '../../../mocks/data.js';
import { MemoryAccountSource, type MemoryAccountSourceOptions } from '../../../mocks/account-source.js';
import { createSearchHandler } from '../../../src/server/index.js';
import type { SearchHandler, SearchHandlerOptions } from '../../../src/server/types.js';

export const SECRET = 'a-test-secret-of-at-least-32-bytes-0123456789';
export const ENDPOINT = 'https://portal.example.test/api/accounts/search';

export interface Harness {
  handler: SearchHandler;
  source: MemoryAccountSource;
  /** What the handler logged, message and cause. */
  logged: { message: string; cause: unknown }[];
  /** The handler's clock; move it with `clock.now = …`. */
  clock: { now: Date };
}

/** The mock world, built once (about 150 ms) and shared: no test changes it. */
let dataset: MockDataset | undefined;

export function harness(options: Partial<SearchHandlerOptions> = {}, sourceOptions: MemoryAccountSourceOptions = {}): Harness {
  const clock = { now: new Date('2026-11-30T12:00:00.000Z') };
  dataset ??= createDataset({ seed: DEFAULT_SEED, anchor: clock.now.getTime() });
  const source = new MemoryAccountSource({ dataset, now: () => clock.now.getTime(), ...sourceOptions });
  const logged: Harness['logged'] = [];
  const handler = createSearchHandler({
    source,
    cursorSecret: SECRET,
    now: () => clock.now,
    logger: { error: (message, cause) => logged.push({ message, cause }) },
    ...options,
  });
  return { handler, source, logged, clock };
}

/** The URL of a search; `params` as the picker would send them (a list of pairs to repeat one). */
export function searchUrl(params: Record<string, string> | [string, string][]): string {
  const url = new URL(ENDPOINT);
  for (const [name, value] of Array.isArray(params) ? params : Object.entries(params)) url.searchParams.append(name, value);
  return url.href;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function get(handler: SearchHandler, params: Record<string, string> | [string, string][], init: RequestInit = {}): Promise<Answer> {
  const response = await handler(new Request(searchUrl(params), { headers: { Accept: 'application/json' }, ...init }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
