/**
 * An in-memory `AccountSource` (link-account-picker/server) over the mock world (data.ts) and its
 * matching (search.ts): the same accounts, ranking and `linkedToUser` as the mock endpoint, paged by
 * keyset like a real database, with a count that can stop at a cap. For the server's tests and any
 * host trying the handler before its own data layer exists. No `node:` imports: it runs anywhere.
 *
 * It records what it was asked (`queries`, `siteLookups`) and can be made to misbehave (`override`).
 */
import type { AccountPage, AccountQuery, AccountSource, PagePosition } from '../src/server/types.js';
import type { Site } from '../src/rules/types.js';
import { createDataset, DEFAULT_SEED, type MockAccountRecord, type MockDataset } from './data.js';
import { accountAt, matchScore, prepareQuery } from './search.js';

/** Where a page ends: the last row's sort key, as a keyset-paging database would describe it. */
interface Position {
  score: number;
  name: string;
  id: string;
}

export interface MemoryAccountSourceOptions {
  /** The mock world to search (default: the demo's, anchored now). */
  dataset?: MockDataset;
  /** Count matches up to this many, then answer `{ count: cap, exact: false }` (default: count all). */
  countCap?: number;
  /** The clock accounts are read at (pending accounts reach the portal as it passes), epoch ms. */
  now?: () => number;
}

interface Ranked {
  record: MockAccountRecord;
  key: Position;
}

/** The mock endpoint's order: best score first, then name, then id (unique), so pages are stable. */
function compare(a: Position, b: Position): number {
  return b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
}

function isPosition(value: PagePosition | undefined): value is PagePosition & Position {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return typeof value.score === 'number' && typeof value.name === 'string' && typeof value.id === 'string';
}

export class MemoryAccountSource implements AccountSource {
  /** Every page asked for, in order (the signal included, to see it aborted). */
  readonly queries: AccountQuery[] = [];
  readonly siteLookups: string[] = [];
  /** Answers searches in place of the data while set: throw, hang, return a malformed page. */
  override: ((query: AccountQuery) => Promise<unknown>) | undefined;
  readonly dataset: MockDataset;
  #countCap: number | undefined;
  #now: () => number;

  constructor(options: MemoryAccountSourceOptions = {}) {
    this.dataset = options.dataset ?? createDataset({ seed: DEFAULT_SEED, anchor: Date.now() });
    this.#countCap = options.countCap;
    this.#now = options.now ?? Date.now;
  }

  async findSite(id: string, signal: AbortSignal): Promise<Site | null> {
    this.siteLookups.push(id);
    signal.throwIfAborted();
    const site = this.dataset.sites.find((s) => s.id === id);
    return site ? { ...site, privateLabels: [...site.privateLabels] } : null;
  }

  async searchAccounts(query: AccountQuery): Promise<AccountPage> {
    this.queries.push(query);
    if (this.override) return (await this.override(query)) as AccountPage;
    query.signal.throwIfAborted();
    if (query.after !== undefined && !isPosition(query.after)) throw new Error('MemoryAccountSource: an after it never gave');

    const ranked = this.#ranked(query.text);
    const after = query.after;
    const start = after === undefined ? 0 : ranked.findIndex((r) => compare(r.key, after) > 0);
    const rows = start < 0 ? [] : ranked.slice(start, start + query.limit);
    const linked = query.user ? this.dataset.links.get(query.user) ?? new Set<string>() : undefined;
    const accounts = rows.map(({ record }) => {
      const account = accountAt(record, this.#now());
      if (linked) account.linkedToUser = linked.has(account.id);
      return account;
    });
    const last = rows.at(-1);
    const more = start >= 0 && start + query.limit < ranked.length;
    const cap = this.#countCap;
    const total = cap !== undefined && ranked.length > cap ? { count: cap, exact: false } : { count: ranked.length, exact: true };
    return { accounts, next: more && last ? { ...last.key } : null, total };
  }

  #ranked(text: string): Ranked[] {
    const prepared = prepareQuery(text);
    const ranked: Ranked[] = [];
    for (const record of this.dataset.records) {
      const score = matchScore(record, prepared);
      if (score > 0) ranked.push({ record, key: { score, name: record.searchName, id: record.account.id } });
    }
    return ranked.sort((a, b) => compare(a.key, b.key));
  }
}

/** A search that never ends by itself: it rejects with the signal's reason once the request is aborted. */
export function untilAborted(query: AccountQuery): Promise<never> {
  return new Promise((_, reject) => {
    query.signal.throwIfAborted();
    query.signal.addEventListener('abort', () => reject(query.signal.reason as Error), { once: true });
  });
}
