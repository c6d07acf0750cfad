import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/link-account-picker.js';
import type { SearchAccounts, SearchRequest } from '../../src/rules/types.js';
import { type Picker, shownIds, typeText } from '../support/picker.js';

/**
 * Races: fast typing while responses come back in any order, with any latency, some failing. fast-check's
 * scheduler decides which pending response settles when; the property is that every result or error the
 * picker shows belongs to the latest query it asked for, that it ends showing the final query's results,
 * and that every superseded request still in flight was aborted.
 */

const SITE = { id: 'northwind', name: 'Northwind', privateLabels: ['NWF'], includeUnlabeled: false };
const QUERIES = ['a', 'ab', 'abc', 'abcd', 'b', 'ba', 'bab', ' ab '];

/**
 * Real time passing, on purpose: the time between keystrokes, against the debounce, is what this
 * property varies. A slow machine stretches the gaps, which only tries other interleavings; the
 * property holds for every one of them.
 */
function elapse(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function idsFor(query: string): string[] {
  const q = query.trim();
  return Array.from({ length: (q.length % 3) + 1 }, (_, i) => `${q}#${i}`);
}

function bodyFor(query: string) {
  return {
    asOf: '2026-01-25T12:00:00Z',
    site: SITE,
    accounts: idsFor(query).map((id) => ({ id, name: `Account ${id}`, portalSyncedAt: '2025-06-01T00:00:00Z', contracts: [{ id: 'c', role: 'customer', status: 'booked', privateLabel: 'NWF' }] })),
  };
}

interface Call {
  query: string;
  signal: AbortSignal;
  settled: boolean;
}

const step = (gaps: number[]) => fc.record({
  query: fc.constantFrom(...QUERIES),
  /** Milliseconds before the next keystroke: some inside the debounce, some after it. */
  gap: fc.constantFrom(...gaps),
  /** How many pending responses settle before the next keystroke. */
  release: fc.nat({ max: 3 }),
});

async function racePicker(debounce: number): Promise<Picker> {
  const el = document.createElement('link-account-picker');
  el.setAttribute('site', 'northwind');
  el.setAttribute('label', 'Accounts');
  el.setAttribute('min-chars', '1');
  el.setAttribute('debounce', String(debounce));
  document.body.append(el);
  await el.updateComplete;
  return el;
}

function raceProperty(debounce: number, gaps: number[]) {
  return fc.asyncProperty(
    fc.scheduler(),
    fc.array(step(gaps), { minLength: 1, maxLength: 10 }),
    fc.subarray(QUERIES.map((q) => q.trim())),
    async (s, steps, failing) => {
      const el = await racePicker(debounce);
      const calls: Call[] = [];
      const violations: string[] = [];
      const settles: { kind: string; query: string; ids?: string[] }[] = [];
      /** The query whose debounce fired last: the one the picker is bound to show. */
      let issued: string | undefined;
      const latest = () => issued;
      /** At any moment a result or error is shown, no superseded request may still be running. */
      const checkAborted = (when: string) => {
        for (const call of calls) {
          if (!call.settled && !call.signal.aborted) violations.push(`"${call.query}" still in flight, not aborted, at ${when}`);
        }
      };

      el.searchAccounts = ((request: SearchRequest) => {
        for (const previous of calls) {
          if (!previous.settled && !previous.signal.aborted) violations.push(`"${previous.query}" still in flight, not aborted, when "${request.query}" started`);
        }
        const call: Call = { query: request.query, signal: request.signal, settled: false };
        calls.push(call);
        // The scheduler decides when this settles; the answer is made only then (no early rejection).
        return s
          .schedule(Promise.resolve(request.query), request.query)
          .then((query) => {
            if (failing.includes(query)) throw new Error(`backend failed for ${query}`);
            return bodyFor(query);
          })
          .finally(() => (call.settled = true));
      }) as SearchAccounts;
      // Let the property change settle first: a changed searchAccounts re-arms the search by itself.
      await el.updateComplete;

      el.addEventListener('search-complete', (e) => {
        const { query, results } = e.detail;
        settles.push({ kind: 'complete', query, ids: results.map((r) => r.account.id) });
        if (query !== latest()) violations.push(`results of "${query}" shown while "${latest()}" was the latest query`);
        checkAborted(`results of "${query}"`);
        if (JSON.stringify(results.map((r) => r.account.id)) !== JSON.stringify(idsFor(query))) violations.push(`"${query}" showed other results`);
      });
      el.addEventListener('search-error', (e) => {
        settles.push({ kind: 'error', query: e.detail.query });
        if (e.detail.query !== latest()) violations.push(`error of "${e.detail.query}" shown while "${latest()}" was the latest query`);
        checkAborted(`error of "${e.detail.query}"`);
      });

      try {
        for (const { query, gap, release } of steps) {
          // Whatever timer the keystroke arms is the debounce: when it fires, this query is the latest.
          const realSetTimeout = window.setTimeout;
          window.setTimeout = ((fn: () => void, ms?: number) =>
            realSetTimeout(() => {
              issued = query.trim();
              fn();
            }, ms)) as typeof window.setTimeout;
          try {
            typeText(el, query);
          } finally {
            window.setTimeout = realSetTimeout;
          }
          await elapse(gap);
          const n = Math.min(release, s.count());
          if (n > 0) await s.waitNext(n);
        }
        // Let the last debounce fire (timers run in the order they come due, so this one runs after
        // it however late both are), then every response settle, in the scheduler's order.
        await elapse(debounce + 2);
        await s.waitIdle();
        await elapse(0); // one task turn, for what the last response queued
        await el.updateComplete;

        const final = steps[steps.length - 1]!.query.trim();
        expect(violations.join('; '), s.report().map((r) => `${r.label}:${r.status}`).join(' ')).to.equal('');
        expect(latest()).to.equal(final);
        expect(calls.length, 'at least one request').to.be.greaterThan(0);
        const last = settles[settles.length - 1];
        if (failing.includes(final)) {
          expect(last?.kind).to.equal('error');
          expect(shownIds(el)).to.deep.equal([]);
        } else {
          expect(last).to.deep.include({ kind: 'complete', query: final });
          expect(shownIds(el)).to.deep.equal(idsFor(final));
        }
        // Only the latest request was ever left un-aborted while pending.
        for (const call of calls.slice(0, -1)) expect(call.settled || call.signal.aborted, call.query).to.equal(true);
      } finally {
        el.remove();
      }
    },
  );
}

/** fc.assert, with the failing assertion's own message up front (fast-check keeps it in `cause`). */
async function check(property: fc.IAsyncPropertyWithHooks<unknown[]>, numRuns: number): Promise<void> {
  try {
    await fc.assert(property, { numRuns });
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) (error as Error).message = `${cause.message}\n${(error as Error).message}`;
    throw error;
  }
}

describe('races between fast typing and out-of-order responses', () => {
  // Chromium clamps timers to ≥ 1–4 ms, so each run costs tens of ms: 300 runs keep this under ~20 s.
  it('shows only the latest query, with no debounce (every keystroke searches)', async function () {
    this.timeout(60_000);
    await check(raceProperty(0, [0]), 200);
  });

  it('shows only the latest query, with a debounce that some keystrokes beat', async function () {
    this.timeout(60_000);
    await check(raceProperty(4, [0, 2, 6, 10]), 100);
  });
});
