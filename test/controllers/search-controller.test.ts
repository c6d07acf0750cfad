import { expect } from '@open-wc/testing';
import { SearchController } from '../../src/internal/search/search-controller.js';
import type { SearchParams } from '../../src/internal/search/transport.js';
import type { SearchErrorInfo } from '../../src/internal/events.js';
import { FakeClock, FakeHost, settle } from './fakes.js';

const SITE = { id: 's', name: 'S', privateLabels: ['S'], includeUnlabeled: true };

function setup(respond: (url: URL) => Response) {
  const host = new FakeHost();
  const errors: SearchErrorInfo[] = [];
  const completed: string[] = [];
  const requests: URL[] = [];
  const fetchImpl = async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    requests.push(url);
    return respond(url);
  };
  const params: SearchParams = { endpoint: 'https://example.test/search', site: 's', user: '', limit: 25, timeout: 10000, fetchInit: {} };
  const searches = new SearchController(host, {
    onComplete: (outcome) => completed.push(outcome.query),
    onError: (_query, error) => errors.push(error),
    minLength: () => 2,
    debounceMs: () => 250,
  });
  return { host, searches, params, errors, completed, requests, fetchImpl };
}

const ok = () => Response.json({ site: SITE, accounts: [{ id: 'a', name: 'Acme', contracts: [] }] });

describe('SearchController', () => {
  let clock: FakeClock;
  const realFetch = globalThis.fetch;
  beforeEach(() => (clock = new FakeClock().install()));
  afterEach(() => {
    clock.uninstall();
    globalThis.fetch = realFetch;
  });

  it('debounces: only the query that settles is searched', async () => {
    const t = setup(ok);
    globalThis.fetch = t.fetchImpl as typeof fetch;
    void t.searches.setQuery('ac', t.params);
    await clock.tick(100);
    void t.searches.setQuery('acm', t.params);
    await clock.tick(100);
    const settled = t.searches.setQuery('acme', t.params);
    await clock.tick(249);
    expect(t.requests).to.have.length(0);
    await clock.tick(1);
    await settled;
    expect(t.requests.map((u) => u.searchParams.get('q'))).to.deep.equal(['acme']);
    expect(t.searches.state.phase).to.equal('complete');
    expect(t.completed).to.deep.equal(['acme']);
  });

  it('a query shorter than the minimum cancels; the same query settling again keeps what is shown', async () => {
    const t = setup(ok);
    globalThis.fetch = t.fetchImpl as typeof fetch;
    void t.searches.setQuery('acme', t.params, 0);
    await clock.tick(0);
    await settle();
    const shown = t.searches.state;
    void t.searches.setQuery('acme', t.params);
    await clock.tick(300);
    expect(t.requests).to.have.length(1);
    expect(t.searches.state).to.equal(shown);
    await t.searches.setQuery('a', t.params);
    expect(t.searches.state.phase).to.equal('idle');
  });

  it('holds every request for a Retry-After, bounded to 60 s', async () => {
    let limited = true;
    const t = setup(() => (limited ? new Response(null, { status: 429, headers: { 'Retry-After': '999999' } }) : ok()));
    globalThis.fetch = t.fetchImpl as typeof fetch;
    void t.searches.setQuery('acme', t.params, 0);
    await clock.tick(0);
    await settle();
    expect(t.errors[0]).to.include({ kind: 'http', status: 429, retryAfter: 60 });
    expect(t.searches.retryWaitMs).to.equal(60_000);
    limited = false;
    void t.searches.setQuery('other', t.params);
    await clock.tick(59_000);
    expect(t.requests).to.have.length(1);
    await clock.tick(1_000);
    await settle();
    expect(t.requests.map((u) => u.searchParams.get('q'))).to.deep.equal(['acme', 'other']);
    expect(t.searches.retryWaitMs).to.equal(0);
  });

  it('holds a search scheduled before the 429 arrived, until the wait is over', async () => {
    // The admin types on while an earlier query is in flight: that one gets the 429, and the search
    // already debounced for the longer query must wait too, not go out during the wait.
    let answer429: (() => void) | undefined;
    let answerLonger: (() => void) | undefined;
    const t = setup(ok);
    // 'acme' is answered by the test, with a 429, once 'acmex' has been scheduled; 'acmex' is held too,
    // so that it is seen loading however fast an engine reads a body (WebKit's Response.json() settles
    // within the microtasks settle() waits, Chromium's and Firefox's take a task).
    globalThis.fetch = (async (input: RequestInfo | URL) => {
      const url = new URL(String(input));
      t.requests.push(url);
      if (url.searchParams.get('q') !== 'acme') return new Promise<Response>((resolve) => (answerLonger = () => resolve(ok())));
      return new Promise<Response>((resolve) => {
        answer429 = () => resolve(new Response(null, { status: 429, headers: { 'Retry-After': '5' } }));
      });
    }) as typeof fetch;
    void t.searches.setQuery('acme', t.params, 0);
    await clock.tick(0);
    void t.searches.setQuery('acmex', t.params);
    await clock.tick(100);
    answer429!();
    await settle();
    expect(t.errors[0]).to.include({ status: 429, retryAfter: 5 });
    await clock.tick(4_800);
    await settle();
    expect(t.requests.map((u) => u.searchParams.get('q')), 'nothing asked during the wait').to.deep.equal(['acme']);
    expect(t.searches.state.phase, 'the wait stays on screen').to.equal('error');
    await clock.tick(200);
    await settle();
    expect(t.requests.map((u) => u.searchParams.get('q'))).to.deep.equal(['acme', 'acmex']);
    expect(t.searches.state).to.include({ phase: 'loading', query: 'acmex' });
    answerLonger!();
  });
});
