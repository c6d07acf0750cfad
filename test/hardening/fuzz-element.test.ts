import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { parseSearchResponse } from '../../src/rules/parse-response.js';
import { anyValue, bodyOf, corruptedBody, mixedAccounts, nonObjectBody } from './arbitraries.js';
import '../../src/link-account-picker.js';
import { clickOn, mount, options, type Picker, searchUsing, searchWith, type Settled, shownIds } from '../support/picker.js';

/**
 * Fuzzed responses through the element: whatever the body (wrong types, missing fields, huge strings,
 * deep nesting, not JSON, hostile host functions), the picker never throws an uncaught error, shows
 * either one clear message or the valid subset (the parser is the oracle), and keeps the selection.
 */

const KEEP = { id: 'keep', name: 'Keep Me Selected', portalSyncedAt: '2025-06-01T00:00:00Z', contracts: [{ id: 'k', role: 'customer', status: 'booked', privateLabel: 'NWF' }] };

const uncaught: string[] = [];
const onError = (e: ErrorEvent) => uncaught.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(e.reason)}`);

function statusText(el: Picker): string {
  return el.shadowRoot!.querySelector('[part~="status"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
}

/** The picker with one account picked: fuzzing must never take it away. */
async function pickerWithSelection(): Promise<{ el: Picker; changes: string[] }> {
  const el = await mount();
  await searchWith(el, 'keep', bodyOf([KEEP]));
  await clickOn(options(el)[0]!);
  await el.updateComplete;
  expect(el.value).to.deep.equal(['keep']);
  const changes: string[] = [];
  for (const type of ['change', 'account-select', 'account-deselect']) el.addEventListener(type, () => changes.push(type));
  return { el, changes };
}

/** What the contract promises for this body, with the parser as the oracle. */
function assertShown(el: Picker, changes: string[], body: unknown, outcome: Settled): void {
  expect(el.value, 'selection kept').to.deep.equal(['keep']);
  expect(changes, 'no selection events').to.deep.equal([]);
  expect(el.shadowRoot!.querySelector('[part~="chip"]')?.textContent, 'chip kept').to.include('Keep Me Selected');
  const parsed = parseSearchResponse(body);
  if (!parsed.ok) {
    expect(outcome.kind, 'a body the parser rejects is an error').to.equal('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.error.kind).to.equal('invalid-response');
    expect(outcome.error.message).to.include(parsed.message);
    expect(statusText(el), 'the message is on screen').to.include(outcome.error.message);
    expect(options(el)).to.have.length(0);
    return;
  }
  expect(outcome.kind, 'a usable body shows results').to.equal('complete');
  if (outcome.kind !== 'complete') return;
  const ids = [...new Set(parsed.response.accounts.map((a) => a.id))];
  expect(outcome.ids).to.deep.equal(ids);
  expect(shownIds(el)).to.have.members(ids);
  expect(outcome.malformed).to.equal(parsed.malformed);
  if (parsed.malformed > 0) {
    const notice = el.shadowRoot!.querySelector('[part~="notice"]')?.textContent ?? '';
    expect(notice, 'malformed entries are counted on screen').to.include(String(parsed.malformed));
  }
}

describe('fuzzed responses through the picker', () => {
  let n = 0;
  beforeEach(() => {
    uncaught.length = 0;
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    expect(uncaught, 'uncaught errors').to.deep.equal([]);
  });

  const property = (arbitrary: fc.Arbitrary<unknown>, runs: number) => async () => {
    const { el, changes } = await pickerWithSelection();
    await fc.assert(
      fc.asyncProperty(arbitrary, async (body) => {
        const outcome = await searchWith(el, `q${n++}`, body);
        assertShown(el, changes, body, outcome);
      }),
      { numRuns: runs },
    );
  };

  it('handles bodies with random fields corrupted or removed', async function () {
    this.timeout(60_000);
    await property(corruptedBody, 400)();
  });

  it('handles valid accounts mixed with malformed ones', async function () {
    this.timeout(60_000);
    await property(mixedAccounts.map((entries) => bodyOf(entries.map((e) => e.entry))), 300)();
  });

  it('handles anything at all as a body, and lists of anything as accounts', async function () {
    this.timeout(60_000);
    await property(fc.oneof(anyValue, nonObjectBody, fc.array(anyValue, { maxLength: 5 }).map((a) => bodyOf(a))), 400)();
  });

  it('handles hostile host functions: throwing, rejecting oddly, throwing getters, never answering', async () => {
    const { el, changes } = await pickerWithSelection();
    el.timeout = 100;
    const throwingGetter = bodyOf([]);
    Object.defineProperty(throwingGetter, 'accounts', { enumerable: true, get: () => { throw new Error('getter exploded'); } });
    const hostile: [string, (...args: never[]) => unknown][] = [
      ['throws synchronously', () => { throw new Error('sync throw'); }],
      ['throws a non-error', () => { throw 42; }],
      ['rejects with null', () => Promise.reject(null)],
      ['rejects with an HTTP-like status', () => Promise.reject({ status: 503 })],
      ['returns a non-promise body', () => bodyOf([KEEP])],
      ['returns undefined', () => undefined],
      ['answers a throwing getter', async () => throwingGetter],
      ['answers a revoked proxy', async () => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }],
      ['never answers', () => new Promise(() => {})],
    ];
    for (const [what, fn] of hostile) {
      const outcome = await searchUsing(el, `hostile ${what}`, fn);
      expect(el.value, what).to.deep.equal(['keep']);
      expect(changes, what).to.deep.equal([]);
      if (outcome.kind === 'error') {
        expect(outcome.error.message, what).to.match(/\w/);
        expect(statusText(el), what).to.include(outcome.error.message);
      }
      if (what === 'never answers') expect(outcome.kind === 'error' && outcome.error.kind).to.equal('timeout');
      if (what === 'rejects with an HTTP-like status') expect(outcome.kind === 'error' && outcome.error.status).to.equal(503);
    }
  });

  describe('over fetch', () => {
    const worker = setupWorker();
    before(() => worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' }));
    after(() => worker.stop());

    it('handles arbitrary response text: not JSON, truncated JSON, JSON of the wrong shape', async function () {
      this.timeout(60_000);
      const { el, changes } = await pickerWithSelection();
      el.searchAccounts = undefined;
      el.endpoint = '/fuzz/accounts';
      await el.updateComplete;
      const valid = JSON.stringify(bodyOf([KEEP, { id: 'x', name: 'X', contracts: [] }]));
      const text = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.nat({ max: valid.length }).map((cut) => valid.slice(0, cut)),
        fc.constantFrom('', 'null', '[]', '"text"', '<!doctype html><h1>502</h1>', '{"site":{"id":"s","privateLabels":[]},"accounts":[]}', valid),
        fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      );
      await fc.assert(
        fc.asyncProperty(text, async (body) => {
          worker.resetHandlers(http.get('/fuzz/accounts', () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } })));
          const query = `f${n++}`;
          const box = el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
          const settled = new Promise<Settled>((resolve) => {
            const on = (e: Event) => {
              const d = (e as CustomEvent).detail;
              if (d.query !== query) return;
              el.removeEventListener('search-complete', on);
              el.removeEventListener('search-error', on);
              resolve(e.type === 'search-error' ? { kind: 'error', query, error: d.error } : { kind: 'complete', query, ids: d.results.map((r: { account: { id: string } }) => r.account.id), malformed: d.malformed });
            };
            el.addEventListener('search-complete', on);
            el.addEventListener('search-error', on);
          });
          box.value = query;
          box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
          const outcome = await settled;
          await el.updateComplete;
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            expect(outcome.kind === 'error' && outcome.error.kind, `not JSON: ${body.slice(0, 40)}`).to.equal('invalid-response');
            expect(statusText(el)).to.include((outcome as { error: { message: string } }).error.message);
            expect(el.value).to.deep.equal(['keep']);
            return;
          }
          assertShown(el, changes, json, outcome);
        }),
        { numRuns: 200 },
      );
    });
  });
});
