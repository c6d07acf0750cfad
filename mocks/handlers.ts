/**
 * MSW glue: the search endpoint, built from the pure search function, the dataset and the scenario
 * store. The demo, Storybook and the tests all use these handlers, so there is one mock backend.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { SearchResponse } from '../src/rules/types.js';
import { createDataset, DEFAULT_ACCOUNT_COUNT, DEFAULT_SEED, type MockDataset } from './data.js';
import { createScenarioStore, latencyMs, scenario as defaultScenario, type Scenario, type ScenarioStore } from './scenario.js';
import { searchPage, type ServerOptions } from './search.js';

/** Where the mock endpoint lives; the element's `endpoint` attribute in the demo and stories. */
export const MOCK_ENDPOINT = '/api/accounts/search';

/** How long the 'slow-response' failure takes: longer than the picker's default 10 s timeout. */
export const SLOW_RESPONSE_MS = 20_000;

/**
 * How long the 'timeout' failure holds a request before a gateway would give up (504). Clients time
 * out long before; the cap only stops abandoned requests piling up in the service worker, which
 * never sees the page's abort.
 */
export const GATEWAY_TIMEOUT_MS = 120_000;

export interface HandlerOptions extends ServerOptions {
  /** Where the endpoint answers: a path (`MOCK_ENDPOINT` by default), or any request matcher MSW accepts. */
  endpoint?: Parameters<typeof http.get>[0];
  /**
   * Which requests the scenario's failure hits: every search (the default), or only the next pages
   * (requests with a cursor), so the first page shows and "Load more" is what fails or hangs.
   */
  failureOn?: 'every-request' | 'next-pages';
  /** The scenario to read on each request; the shared `scenario` store by default. */
  store?: ScenarioStore;
  /**
   * A fixed scenario for these handlers alone (a story's "rate limited" state), instead of a store:
   * `createHandlers({ scenario: { failure: 'rate-limited' } })`.
   */
  scenario?: Partial<Pick<Scenario, 'latency' | 'failure' | 'clockOffsetMinutes'>>;
  seed?: number;
  count?: number;
  /** For latency jitter; tests pass a fixed one. */
  random?: () => number;
  slowResponseMs?: number;
  gatewayTimeoutMs?: number;
}

let cached: { key: string; dataset: MockDataset } | undefined;

/**
 * The dataset for a seed and mock-world anchor, generated once and reused until either changes
 * (a reset starts a new world), so each request costs a search, not a generation.
 */
export function datasetFor(seed: number, anchor: number, count = DEFAULT_ACCOUNT_COUNT): MockDataset {
  const key = `${seed}:${anchor}:${count}`;
  if (cached?.key !== key) cached = { key, dataset: createDataset({ seed, anchor, count }) };
  return cached.dataset;
}

export function createHandlers(options: HandlerOptions = {}): HttpHandler[] {
  const store = options.store ?? (options.scenario ? fixedStore(options.scenario) : defaultScenario);
  const seed = options.seed ?? DEFAULT_SEED;
  const random = options.random ?? Math.random;

  return [
    http.get(options.endpoint ?? MOCK_ENDPOINT, async ({ request }) => {
      const url = new URL(request.url);
      const p = url.searchParams;
      const scenario = store.get();
      const failing = options.failureOn !== 'next-pages' || p.has('cursor');
      const current = failing ? scenario : { ...scenario, failure: 'none' as const };
      if (!(await wait(latencyMs(current.latency, random), request.signal))) return HttpResponse.error();

      switch (current.failure) {
        case 'network-down':
          return HttpResponse.error();
        case 'server-error':
          return problem(500, 'internal-error', 'Something went wrong on our side while searching accounts.');
        case 'service-unavailable':
          return problem(503, 'unavailable', 'Account search is temporarily unavailable.', { 'Retry-After': '30' });
        case 'unauthorized':
          return problem(401, 'unauthenticated', 'Your session has expired. Sign in again.', { 'WWW-Authenticate': 'Bearer' });
        case 'forbidden':
          return problem(403, 'forbidden', 'You do not have permission to link accounts on this site.');
        case 'rate-limited':
          return problem(429, 'rate-limited', 'Too many searches. Try again in a few seconds.', { 'Retry-After': '5' });
        case 'not-found':
          return problem(404, 'not-found', 'There is no such endpoint.');
        case 'bad-request':
          return problem(400, 'bad-request', 'The search request was refused.');
        case 'timeout':
          // Never answers in any time a client waits; an abort ends it at once where MSW passes the
          // abort on (in-page interception, Node), and a gateway's 504 ends it everywhere else.
          if (!(await wait(options.gatewayTimeoutMs ?? GATEWAY_TIMEOUT_MS, request.signal))) return HttpResponse.error();
          return problem(504, 'gateway-timeout', 'The account search did not answer in time.');
        case 'slow-response':
          if (!(await wait(options.slowResponseMs ?? SLOW_RESPONSE_MS, request.signal))) return HttpResponse.error();
          break;
        default:
          break;
      }

      // The clock is read after the delay: the answer says what time it is when it is sent.
      const outcome = searchPage(
        datasetFor(seed, current.anchor, options.count),
        { q: p.get('q'), site: p.get('site'), user: p.get('user'), limit: p.get('limit'), cursor: p.get('cursor') },
        store.now(),
        { maxLimit: options.maxLimit, syncStalled: options.syncStalled },
      );
      if (!outcome.ok) return HttpResponse.json(outcome.body, { status: outcome.status });

      switch (current.failure) {
        case 'invalid-json':
          // A body cut off mid-way, as a proxy dropping the connection would leave it.
          return new HttpResponse(JSON.stringify(outcome.body).slice(0, 80), {
            headers: { 'Content-Type': 'application/json' },
          });
        case 'wrong-shape':
          return HttpResponse.json({ results: outcome.body.accounts, count: outcome.body.total });
        case 'malformed-accounts':
          // Typed as unknown on purpose (it breaks the contract), so it goes out as raw JSON text.
          return new HttpResponse(JSON.stringify(withMalformedAccounts(outcome.body)), {
            headers: { 'Content-Type': 'application/json' },
          });
        default:
          return HttpResponse.json(outcome.body);
      }
    }),
  ];
}

export const handlers = createHandlers();

function fixedStore(fixed: NonNullable<HandlerOptions['scenario']>): ScenarioStore {
  const store = createScenarioStore({ defaults: fixed });
  if (fixed.clockOffsetMinutes) store.advanceClock(fixed.clockOffsetMinutes);
  return store;
}

function problem(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
  return HttpResponse.json({ error, message }, { status, headers });
}

/** Every third account broken in a different way; the others untouched, so the picker can show them. */
export function withMalformedAccounts(body: SearchResponse): unknown {
  const breakages: ((account: SearchResponse['accounts'][number]) => unknown)[] = [
    (a) => ({ ...a, name: '' }),
    (a) => ({ ...a, id: 12345 }),
    () => null,
    (a) => ({ id: a.id, number: a.number }),
    (a) => a.name,
  ];
  let broken = 0;
  return {
    ...body,
    accounts: body.accounts.map((account, index) => {
      if (index % 3 !== 1) return account;
      const breakage = breakages[broken % breakages.length]!;
      broken += 1;
      return breakage(account);
    }),
  };
}

/** Resolves true after `ms`, or false as soon as the request is aborted. */
function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = Number.isFinite(ms) ? setTimeout(() => done(true), ms) : undefined;
    const onAbort = (): void => done(false);
    function done(completed: boolean): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      resolve(completed);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
