/**
 * The mock endpoint's logic as a pure function (docs/endpoint.md): query → one page of SearchResponse.
 * No MSW, no timers, no globals: the clock is a parameter, so tests can pin it.
 */
import type { Account, SearchResponse } from '../src/rules/types.js';
import {
  normalizeNumber,
  normalizeText,
  SYNC_WINDOW_MINUTES,
  type MockAccountRecord,
  type MockDataset,
} from './data.js';

export const DEFAULT_LIMIT = 25;
/** The most accounts one page holds, like a real API's cap; a server can be configured for more. */
export const MAX_LIMIT = 100;

export interface SearchParams {
  q?: string | null;
  site?: string | null;
  user?: string | null;
  limit?: string | number | null;
  cursor?: string | null;
}

/** How the mock server is configured, beyond the query. */
export interface ServerOptions {
  /** The most accounts it puts on one page (`MAX_LIMIT` by default). */
  maxLimit?: number;
  /**
   * The servicing system's sync has stopped (the KB's "a data restore can break syncing"): accounts
   * waiting for the portal never reach it, and their expected sync time passes while they wait.
   */
  syncStalled?: boolean;
}

export type SearchOutcome =
  | { ok: true; body: SearchResponse }
  | { ok: false; status: 400 | 404; body: { error: string; message: string } };

export interface PreparedQuery {
  number: string;
  words: string[];
  phrase: string;
  looksLikeNumber: boolean;
}

/** Normalizes the query once per search rather than once per account. */
export function prepareQuery(query: string): PreparedQuery {
  const number = normalizeNumber(query);
  const phrase = normalizeText(query);
  return { number, words: phrase.split(' ').filter(Boolean), phrase, looksLikeNumber: /\d/.test(number) };
}

/**
 * How well a record matches; 0 = not at all. Numbers match ignoring punctuation and case (admins
 * paste "001-0123456-000" or type "0010123456"); names match when every word typed appears in the
 * name, ignoring case and accents.
 */
export function matchScore(record: MockAccountRecord, query: string | PreparedQuery): number {
  const { number, words, phrase, looksLikeNumber } = typeof query === 'string' ? prepareQuery(query) : query;
  if (number.length === 0 && words.length === 0) return 0;

  const [accountNumber = '', ...contractNumbers] = record.searchNumbers;
  if (number.length > 0 && record.account.number) {
    if (accountNumber === number) return 100;
    if (looksLikeNumber && accountNumber.startsWith(number)) return 90;
  }
  if (words.length > 0 && words.every((w) => record.searchName.includes(w))) {
    if (record.searchName.startsWith(phrase)) return 70;
    const nameWords = record.searchName.split(' ');
    return words.every((w) => nameWords.some((n) => n.startsWith(w))) ? 60 : 50;
  }
  // Letters alone ("HPL") are more likely a name, so a number prefix ranks below any name match.
  if (number.length >= 2 && accountNumber.startsWith(number)) return 45;
  // Digits typed as a fragment of an account or contract number ("0123456") still find the account.
  if (number.length >= 3 && looksLikeNumber) {
    if (accountNumber.includes(number)) return 40;
    if (contractNumbers.some((c) => c.includes(number))) return 30;
  }
  return 0;
}

/**
 * The account as the portal sees it at `now`: a pending account whose sync time has passed has
 * reached the portal. Returns a copy so callers can't change the dataset.
 */
export function accountAt(record: MockAccountRecord, now: number, syncStalled = false): Account {
  const account: Account = { ...record.account, contracts: record.account.contracts.map((c) => ({ ...c })) };
  if (!syncStalled && typeof record.syncsAt === 'number' && now >= record.syncsAt) {
    account.portalSyncedAt = new Date(record.syncsAt).toISOString();
  }
  return account;
}

interface CursorState {
  offset: number;
  /** The normalized query and site the cursor belongs to: a cursor is not valid for another search. */
  key: string;
}

function searchKey(query: string, site: string): string {
  return `${site}\u0000${normalizeText(query)}\u0000${normalizeNumber(query)}`;
}

/** Opaque to clients (base64url JSON), as real APIs' cursors are. */
export function encodeCursor(state: CursorState): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ o: state.offset, k: state.key }));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string): CursorState | undefined {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { o, k } = parsed as { o?: unknown; k?: unknown };
    if (typeof o !== 'number' || !Number.isInteger(o) || o < 0 || typeof k !== 'string') return undefined;
    return { offset: o, key: k };
  } catch {
    return undefined;
  }
}

function parseLimit(value: SearchParams['limit'], maxLimit: number): number {
  const n = typeof value === 'number' ? value : Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(n) || n < 1) return Math.min(DEFAULT_LIMIT, maxLimit);
  return Math.min(Math.floor(n), maxLimit);
}

/**
 * One page of results. Every match comes back, linkable or not (the picker explains the rest), best
 * match first, then by name, so pages are stable.
 */
export function searchPage(dataset: MockDataset, params: SearchParams, now: number, server: ServerOptions = {}): SearchOutcome {
  const siteId = (params.site ?? '').trim();
  if (!siteId) return fail(400, 'missing-site', 'The site parameter is required.');
  const site = dataset.sites.find((s) => s.id === siteId);
  if (!site) return fail(404, 'unknown-site', `No branded site "${siteId}".`);

  const query = (params.q ?? '').trim();
  const limit = parseLimit(params.limit, server.maxLimit ?? MAX_LIMIT);
  const key = searchKey(query, siteId);
  let offset = 0;
  if (params.cursor) {
    const cursor = decodeCursor(params.cursor);
    if (!cursor || cursor.key !== key) return fail(400, 'invalid-cursor', 'The cursor does not belong to this search.');
    offset = cursor.offset;
  }

  const matches = query ? rankedMatches(dataset, query) : [];
  const page = matches.slice(offset, offset + limit);
  const linked = params.user ? dataset.links.get(params.user) ?? new Set<string>() : undefined;
  const accounts = page.map((record) => {
    const account = accountAt(record, now, server.syncStalled);
    if (linked) account.linkedToUser = linked.has(account.id);
    return account;
  });
  const next = offset + limit;
  return {
    ok: true,
    body: {
      asOf: new Date(now).toISOString(),
      syncWindowMinutes: SYNC_WINDOW_MINUTES,
      site: { ...site, privateLabels: [...site.privateLabels] },
      accounts,
      nextCursor: next < matches.length ? encodeCursor({ offset: next, key }) : null,
      total: matches.length,
    },
  };
}

function rankedMatches(dataset: MockDataset, query: string): MockAccountRecord[] {
  const prepared = prepareQuery(query);
  const scored: { record: MockAccountRecord; score: number }[] = [];
  for (const record of dataset.records) {
    const score = matchScore(record, prepared);
    if (score > 0) scored.push({ record, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.record.searchName.localeCompare(b.record.searchName) ||
      a.record.account.id.localeCompare(b.record.account.id),
  );
  return scored.map((s) => s.record);
}

function fail(status: 400 | 404, error: string, message: string): SearchOutcome {
  return { ok: false, status, body: { error, message } };
}
