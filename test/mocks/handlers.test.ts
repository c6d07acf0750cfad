import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { MOCK_WORKER_OPTIONS, startMockWorker, worker } from '../../mocks/browser.js';
import { STORY_ACCOUNTS } from '../../mocks/data.js';
import { createHandlers, MOCK_ENDPOINT } from '../../mocks/handlers.js';
import { createScenarioStore, latencyMs, scenario, SCENARIO_STORAGE_KEY } from '../../mocks/scenario.js';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { SearchResponse } from '../../src/rules/types.js';
import { ensureIntercepting } from '../support/msw.js';

const MINUTE = 60_000;

function url(params: Record<string, string>): string {
  return `${MOCK_ENDPOINT}?${new URLSearchParams({ site: 'northwind', ...params })}`;
}

async function search(params: Record<string, string>, init?: RequestInit): Promise<SearchResponse> {
  const response = await fetch(url(params), { headers: { Accept: 'application/json' }, ...init });
  expect(response.status, await response.clone().text()).to.equal(200);
  return (await response.json()) as SearchResponse;
}

describe('mock handlers (through the service worker)', () => {
  before(async () => {
    await startMockWorker();
    await ensureIntercepting(worker, MOCK_WORKER_OPTIONS);
  });

  afterEach(() => {
    scenario.reset();
    worker.resetHandlers();
  });

  describe('search', () => {
    it('answers the contract shape with asOf from the mock clock', async () => {
      const before = Date.now();
      const body = await search({ q: 'harbor point', limit: '25' });
      expect(body.accounts.map((a) => a.name)).to.deep.equal(['Harbor Point Logistics']);
      expect(body.site.id).to.equal('northwind');
      expect(body.syncWindowMinutes).to.equal(15);
      expect(body.total).to.equal(1);
      expect(body.nextCursor).to.equal(null);
      expect(Date.parse(body.asOf!)).to.be.within(before, Date.now());
    });

    it('matches numbers ignoring punctuation, and URL-encoded queries', async () => {
      expect((await search({ q: 'hpl-100-245' })).accounts[0]!.id).to.equal(STORY_ACCOUNTS.linkable.id);
      expect((await search({ q: 'Société Lumière & Fils' })).accounts[0]!.id).to.equal(STORY_ACCOUNTS.accentedName.id);
    });

    it('pages with limit and cursor, and keeps total', async () => {
      const first = await search({ q: 'dental', limit: '10' });
      expect(first.accounts).to.have.length(10);
      const second = await search({ q: 'dental', limit: '10', cursor: first.nextCursor! });
      expect(second.total).to.equal(first.total);
      const ids = new Set([...first.accounts, ...second.accounts].map((a) => a.id));
      expect(ids.size).to.equal(20);
    });

    it('answers for the site asked: the same account is linkable on one site, mismatched on another', async () => {
      const q = STORY_ACCOUNTS.labelMismatch.name;
      const northwind = await search({ q });
      const summit = await search({ q, site: 'summit' });
      const now = (body: SearchResponse): Date => new Date(body.asOf!);
      expect(evaluateAccount(northwind.accounts[0]!, { site: northwind.site, now: now(northwind) }).code).to.equal('label-mismatch');
      expect(evaluateAccount(summit.accounts[0]!, { site: summit.site, now: now(summit) }).code).to.equal('linkable');
    });

    it('marks accounts linked to the user named by `user`', async () => {
      const q = STORY_ACCOUNTS.alreadyLinked.name;
      expect((await search({ q, user: 'usr-1001' })).accounts[0]!.linkedToUser).to.equal(true);
      expect((await search({ q, user: 'usr-1004' })).accounts[0]!.linkedToUser).to.equal(false);
      expect((await search({ q })).accounts[0]).to.not.have.property('linkedToUser');
    });

    it('answers 400 for a missing site or bad cursor and 404 for an unknown site, as JSON', async () => {
      const noSite = await fetch(`${MOCK_ENDPOINT}?q=harbor`);
      expect(noSite.status).to.equal(400);
      expect((await noSite.json()).error).to.equal('missing-site');
      expect((await fetch(url({ q: 'harbor', site: 'atlantis' }))).status).to.equal(404);
      expect((await fetch(url({ q: 'harbor', cursor: 'nope' }))).status).to.equal(400);
    });
  });

  describe('clock', () => {
    it('moves asOf with the clock offset and syncs the pending account as time passes', async () => {
      const q = STORY_ACCOUNTS.pendingSync.name;
      const before = await search({ q });
      const verdict = (body: SearchResponse) =>
        evaluateAccount(body.accounts[0]!, { site: body.site, now: new Date(body.asOf!) }).code;
      expect(verdict(before)).to.equal('pending-sync');
      expect(before.accounts[0]!.portalSyncedAt).to.equal(null);

      scenario.advanceClock(5);
      const fiveLater = await search({ q });
      expect(Date.parse(fiveLater.asOf!) - Date.parse(before.asOf!)).to.be.within(5 * MINUTE, 5 * MINUTE + 5000);
      expect(verdict(fiveLater)).to.equal('pending-sync');

      scenario.advanceClock(10);
      const fifteenLater = await search({ q });
      expect(verdict(fifteenLater)).to.equal('linkable');
      expect(fifteenLater.accounts[0]!.portalSyncedAt).to.be.a('string');

      const overdue = await search({ q: STORY_ACCOUNTS.syncOverdue.name });
      expect(verdict(overdue)).to.equal('sync-overdue');
    });

    it('starts a new mock world on reset: the pending account is pending again', async () => {
      scenario.advanceClock(30);
      scenario.reset();
      expect(scenario.get().clockOffsetMinutes).to.equal(0);
      const body = await search({ q: STORY_ACCOUNTS.pendingSync.name });
      expect(body.accounts[0]!.portalSyncedAt).to.equal(null);
    });
  });

  describe('failures', () => {
    async function statusFor(failure: Parameters<typeof scenario.set>[0]['failure']): Promise<Response> {
      scenario.set({ failure });
      return fetch(url({ q: 'harbor' }));
    }

    it('500 server error with a JSON message', async () => {
      const response = await statusFor('server-error');
      expect(response.status).to.equal(500);
      expect((await response.json()).message).to.be.a('string');
    });

    it('503 with Retry-After', async () => {
      const response = await statusFor('service-unavailable');
      expect(response.status).to.equal(503);
      expect(response.headers.get('Retry-After')).to.equal('30');
    });

    it('401 and 403', async () => {
      expect((await statusFor('unauthorized')).status).to.equal(401);
      expect((await statusFor('forbidden')).status).to.equal(403);
    });

    it('429 with Retry-After in seconds', async () => {
      const response = await statusFor('rate-limited');
      expect(response.status).to.equal(429);
      expect(response.headers.get('Retry-After')).to.equal('5');
    });

    it('400: the server refuses the search, with a JSON message', async () => {
      const response = await statusFor('bad-request');
      expect(response.status).to.equal(400);
      expect((await response.json()).error).to.equal('bad-request');
    });

    it('404, as for a mistyped endpoint', async () => {
      expect((await statusFor('not-found')).status).to.equal(404);
    });

    it('invalid JSON with a JSON content type', async () => {
      const response = await statusFor('invalid-json');
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.contain('application/json');
      const text = await response.clone().text();
      expect(() => JSON.parse(text), 'the body is not JSON').to.throw(SyntaxError);
      // response.json() rejects as this engine rejects any body that is not JSON: a SyntaxError in
      // Chromium and Firefox, a DOMException in WebKit.
      const engineError = await new Response('{').json().catch((e: unknown) => e);
      let error: unknown;
      await response.json().catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf((engineError as object).constructor);
    });

    it('wrong shape: valid JSON without site or accounts', async () => {
      const body = await (await statusFor('wrong-shape')).json();
      expect(body).to.not.have.property('site');
      expect(body).to.not.have.property('accounts');
      expect(body.results).to.be.an('array');
    });

    it('partially malformed: every third account broken, the rest intact', async () => {
      scenario.set({ failure: 'malformed-accounts' });
      const body = (await (await fetch(url({ q: 'dental', limit: '9' }))).json()) as { accounts: unknown[] };
      expect(body.accounts).to.have.length(9);
      const wellFormed = body.accounts.filter(
        (a) => typeof a === 'object' && a !== null && typeof (a as { id?: unknown }).id === 'string' && (a as { id: string }).id !== '' &&
          typeof (a as { name?: unknown }).name === 'string' && (a as { name: string }).name !== '',
      );
      expect(wellFormed).to.have.length(6);
    });

    it('network down: fetch rejects', async () => {
      scenario.set({ failure: 'network-down' });
      let error: unknown;
      await fetch(url({ q: 'harbor' })).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
    });

    it('timeout: never answers, and gives up when the request is aborted', async () => {
      scenario.set({ failure: 'timeout' });
      const controller = new AbortController();
      const outcome = fetch(url({ q: 'harbor' }), { signal: controller.signal }).then(
        () => 'answered',
        (e: unknown) => (e as Error).name,
      );
      const early = await Promise.race([outcome, new Promise((r) => setTimeout(() => r('still waiting'), 300))]);
      expect(early).to.equal('still waiting');
      controller.abort();
      expect(await outcome).to.equal('AbortError');
    });

    it('timeout: a gateway gives up with 504 long after any client would have', async () => {
      worker.use(...createHandlers({ gatewayTimeoutMs: 300 }));
      scenario.set({ failure: 'timeout' });
      const start = performance.now();
      const response = await fetch(url({ q: 'harbor' }));
      expect(response.status).to.equal(504);
      expect(performance.now() - start).to.be.at.least(280);
    });

    it('slow response: answers after the delay, or is abandoned on abort', async () => {
      worker.use(...createHandlers({ slowResponseMs: 400 }));
      scenario.set({ failure: 'slow-response' });
      const start = performance.now();
      const body = await search({ q: 'harbor point' });
      expect(performance.now() - start).to.be.at.least(380);
      expect(body.total).to.equal(1);

      const controller = new AbortController();
      const aborted = fetch(url({ q: 'harbor' }), { signal: controller.signal }).catch((e: unknown) => (e as Error).name);
      setTimeout(() => controller.abort(), 50);
      expect(await aborted).to.equal('AbortError');
    });

    it('recovers as soon as the failure is switched off', async () => {
      expect((await statusFor('server-error')).status).to.equal(500);
      scenario.set({ failure: 'none' });
      expect((await search({ q: 'harbor point' })).total).to.equal(1);
    });
  });

  describe('latency', () => {
    it('delays answers by the chosen latency', async () => {
      scenario.set({ latency: 'fast' });
      const start = performance.now();
      await search({ q: 'harbor point' });
      expect(performance.now() - start).to.be.at.least(110);
    });

    it('spreads jitter widely and keeps slow around 3G times', () => {
      expect(latencyMs('none')).to.equal(0);
      expect(latencyMs('jitter', () => 0)).to.equal(50);
      expect(latencyMs('jitter', () => 1)).to.equal(3000);
      expect(latencyMs('slow', () => 0.5)).to.equal(2500);
    });
  });

  describe('custom handlers', () => {
    it('serves another endpoint path from its own scenario store', async () => {
      const store = createScenarioStore({ defaults: { failure: 'forbidden' } });
      worker.use(...createHandlers({ endpoint: '/other/search', store }));
      expect((await fetch('/other/search?q=harbor&site=northwind')).status).to.equal(403);
      // The default store is untouched.
      expect((await fetch(url({ q: 'harbor' }))).status).to.equal(200);
    });

    it('can fail only the next pages, so the first page shows and "Load more" fails', async () => {
      worker.use(...createHandlers({ scenario: { failure: 'server-error' }, failureOn: 'next-pages' }));
      const first = await search({ q: 'paving', limit: '5' });
      expect(first.nextCursor).to.be.a('string');
      expect((await fetch(url({ q: 'paving', limit: '5', cursor: first.nextCursor! }))).status).to.equal(500);
    });

    it('serves a fixed scenario of its own, leaving the shared store alone', async () => {
      worker.use(...createHandlers({ scenario: { failure: 'rate-limited' } }));
      expect((await fetch(url({ q: 'harbor' }))).status).to.equal(429);
      expect(scenario.get().failure).to.equal('none');

      worker.resetHandlers();
      worker.use(...createHandlers({ scenario: { clockOffsetMinutes: 15 } }));
      const body = await search({ q: STORY_ACCOUNTS.pendingSync.name });
      expect(Date.parse(body.asOf!) - Date.now()).to.be.within(15 * MINUTE - 5000, 15 * MINUTE + 5000);
      expect(body.accounts[0]!.portalSyncedAt).to.be.a('string');
    });

    it('lets a test override a single answer with worker.use', async () => {
      worker.use(http.get(MOCK_ENDPOINT, () => HttpResponse.json({ site: { id: 'x', privateLabels: [] }, accounts: [] })));
      expect((await search({ q: 'harbor' })).accounts).to.deep.equal([]);
    });
  });
});

describe('scenario store', () => {
  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k) => map.get(k) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (k) => void map.delete(k),
      setItem: (k, v) => void map.set(k, String(v)),
    };
  }

  it('runs the clock at real time plus the offset', () => {
    let real = 1_000_000;
    const store = createScenarioStore({ clock: () => real });
    store.advanceClock(15);
    expect(store.now()).to.equal(1_000_000 + 15 * MINUTE);
    real += 1000;
    expect(store.now()).to.equal(1_001_000 + 15 * MINUTE);
  });

  it('tells subscribers about each change until they unsubscribe', () => {
    const store = createScenarioStore();
    const seen: string[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(s.failure));
    store.set({ failure: 'timeout' });
    unsubscribe();
    store.set({ failure: 'none' });
    expect(seen).to.deep.equal(['timeout']);
  });

  it('persists to storage and restores it, ignoring unknown values', () => {
    const storage = memoryStorage();
    const first = createScenarioStore({ clock: () => 5000 });
    first.persist(storage);
    first.set({ latency: 'slow', failure: 'rate-limited' });
    first.advanceClock(15);

    const second = createScenarioStore({ clock: () => 9000 });
    const restored = second.persist(storage);
    expect(restored).to.deep.equal({ latency: 'slow', failure: 'rate-limited', clockOffsetMinutes: 15, anchor: 5000 });

    storage.setItem(SCENARIO_STORAGE_KEY, JSON.stringify({ latency: 'warp', failure: 42, clockOffsetMinutes: 'x' }));
    const third = createScenarioStore({ clock: () => 7000 }).persist(storage);
    expect(third).to.deep.equal({ latency: 'none', failure: 'none', clockOffsetMinutes: 0, anchor: 7000 });
  });
});
