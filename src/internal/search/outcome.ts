/**
 * Pages into results: every account judged at the server's time, pages appended without repeats.
 * Pure but for the clock (`performance.now()`), which the server's `asOf` is carried forward with.
 */
import { evaluateAccount, serverNow, syncWindowMinutes } from '../../rules/evaluate-account.js';
import type { Account, Site } from '../../rules/types.js';
import type { AccountResult } from '../events.js';
import type { Page, SearchParams } from './transport.js';

/** The shown results of one query: every loaded page, evaluated. */
export interface SearchOutcome {
  query: string;
  params: SearchParams;
  site: Site;
  results: AccountResult[];
  nextCursor: string | null;
  total?: number;
  malformed: number;
  syncWindowMinutes: number;
  /** The latest page's `asOf` and arrival, to tell the server's time later. */
  asOf?: string;
  receivedAt: number;
  pageCount: number;
}

/** The server's clock for a set of results. */
export function outcomeNow(outcome: Pick<SearchOutcome, 'asOf' | 'receivedAt'>): Date {
  return serverNow(outcome.asOf, outcome.receivedAt, performance.now());
}

function contextAt(page: Page, nowMs: number) {
  return {
    site: page.response.site,
    now: serverNow(page.response.asOf, page.receivedAt, nowMs),
    syncWindowMinutes: syncWindowMinutes(page.response.syncWindowMinutes),
  };
}

/**
 * Whether judging a cached page now would make an account look worse than when it arrived: waiting
 * for the sync then, overdue now. Old facts must not say "contact support" about an account that may
 * well have synced since; the server is asked again instead.
 */
export function worsensWithTime(page: Page, nowMs: number = performance.now()): boolean {
  const then = contextAt(page, page.receivedAt);
  const now = contextAt(page, nowMs);
  for (const account of page.response.accounts as Account[]) {
    if (evaluateAccount(account, then).code !== 'pending-sync') continue;
    if (evaluateAccount(account, now).code === 'sync-overdue') return true;
  }
  return false;
}

/** Evaluates new pages and appends them to `base` (accounts already shown are not repeated). */
export function combine(query: string, params: SearchParams, pages: Page[], base?: SearchOutcome): SearchOutcome {
  const last = pages[pages.length - 1]!;
  const window = syncWindowMinutes(last.response.syncWindowMinutes);
  const results: AccountResult[] = base ? [...base.results] : [];
  const seen = new Set(results.map((r) => r.account.id));
  let malformed = base?.malformed ?? 0;
  for (const page of pages) {
    malformed += page.malformed;
    const context = { ...contextAt(page, performance.now()), syncWindowMinutes: window };
    for (const account of page.response.accounts as Account[]) {
      if (seen.has(account.id)) continue;
      seen.add(account.id);
      results.push({ account, eligibility: evaluateAccount(account, context) });
    }
  }
  const outcome: SearchOutcome = {
    query,
    params,
    site: last.response.site,
    results,
    nextCursor: last.response.nextCursor ?? null,
    malformed,
    syncWindowMinutes: window,
    receivedAt: last.receivedAt,
    pageCount: (base?.pageCount ?? 0) + pages.length,
  };
  if (last.response.asOf !== undefined) outcome.asOf = last.response.asOf;
  const total = last.response.total;
  if (typeof total === 'number' && Number.isFinite(total)) outcome.total = total;
  return outcome;
}
