/**
 * The MSW worker the element tests answer searches with: one per test page, started once. Each test
 * adds its handlers with `worker.use(...)` and `afterEach(() => worker.resetHandlers())`.
 */
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker, type StartOptions } from 'msw/browser';
import type { Account } from '../../src/link-account-picker.js';
import { body } from './data.js';

/** Where the element tests point the picker's `endpoint`. */
export const ENDPOINT = '/api/accounts/search';

export const worker = setupWorker();
let started: Promise<void> | undefined;

/** Starts the worker once per page; call in `before()`. Unhandled requests fail the test. */
export function startWorker(): Promise<void> {
  started ??= (async () => {
    await worker.start(START_OPTIONS);
    await ensureIntercepting(worker, START_OPTIONS);
  })();
  return started;
}

const START_OPTIONS: StartOptions = { serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' };
const PROBE_PATH = '/__msw-probe__';
const START_ATTEMPTS = 3;

/**
 * Proves that `target` (a started worker) answers this page's requests, starting it again if not,
 * and otherwise fails naming the cause. The test runner runs two pages at a time under one service
 * worker; MSW's own worker unregisters itself when the last page it controls closes, which left a
 * page starting at that moment uncontrolled (every search a 404 from the real server). The runner
 * now serves a worker that stays registered (scripts/msw-worker.js): this is the safety net.
 */
export async function ensureIntercepting(target: SetupWorker, options: StartOptions): Promise<void> {
  target.use(http.get(PROBE_PATH, () => new HttpResponse('mocked', { headers: { 'x-msw-probe': 'yes' } })));
  for (let attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
    const probe = await fetch(PROBE_PATH, { cache: 'no-store' });
    if (probe.headers.get('x-msw-probe') === 'yes') return;
    target.stop();
    await target.start(options);
  }
  throw new Error(`MSW's worker did not answer requests after ${START_ATTEMPTS} starts`);
}

/**
 * A promise a handler can wait on, and the function that lets it go: a response that arrives exactly
 * when the test says so, instead of after a guessed delay.
 */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const FLUSH_PATH = '/__msw-flush__';

/**
 * Resolves once a request sent now has gone through the worker and back. Responses the worker gave
 * earlier (a late answer the test released) have then reached the page: what the picker does with
 * them has happened, or is queued behind this.
 */
export async function flushWorker(): Promise<void> {
  worker.use(http.get(FLUSH_PATH, () => new HttpResponse(null, { status: 204 })));
  await fetch(FLUSH_PATH);
}

/** A handler for ENDPOINT answering one page of `size` out of `all`, with a cursor to the next while there is one. */
export function pagedHandler(all: Account[], size: number) {
  return http.get(ENDPOINT, ({ request }) => {
    const cursor = Number(new URL(request.url).searchParams.get('cursor') ?? '0');
    const next = cursor + size;
    return HttpResponse.json(
      body(all.slice(cursor, next), { nextCursor: next < all.length ? String(next) : null, total: all.length }),
    );
  });
}
