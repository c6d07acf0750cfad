/**
 * `createPostgresSource`: the reference `AccountSource` over the schema in `schema.ts`, through any
 * driver that can run a parameterized statement (`SqlQuery`).
 */
import type { Account, AccountPage, AccountQuery, AccountSource, Contract, MatchCount, Site } from '../types.js';
import { decodePosition, encodePosition } from './position.js';
import {
  contractsStatement,
  countStatement,
  isEmptyQuery,
  normalizeStatement,
  pageStatement,
  siteStatement,
  type NormalizedQuery,
  type Statement,
} from './search-sql.js';
import type { SqlQuery, SqlRow } from './sql.js';

export interface PostgresSourceOptions {
  /** Runs one statement: `fromPGlite(db)`, `fromPg(pool)`, or your own. */
  query: SqlQuery;
  /**
   * Matches are counted up to this many (default 1000); past it `total` says "at least": counting
   * every match of a 2-letter query on a million accounts would cost more than the page itself.
   */
  countCap?: number;
}

export const DEFAULT_COUNT_CAP = 1000;

/** The longest query text searched; the handler's own limit is lower, this bounds direct callers. */
const MAX_TEXT_LENGTH = 500;

/**
 * The reference data layer: accounts, their contracts and links on PostgreSQL (a server through
 * node-postgres, or PGlite in-process), searched by name ignoring case and accents and by number
 * ignoring punctuation, best matches first, keyset-paged.
 *
 * @example
 * ```ts
 * import { createSearchHandler } from 'link-account-picker/server';
 * import { createPostgresSource, fromPg } from 'link-account-picker/server/postgres';
 *
 * const source = createPostgresSource({ query: fromPg(pool) });
 * const handler = createSearchHandler({ source, cursorSecret: process.env.CURSOR_SECRET! });
 * ```
 */
export function createPostgresSource(options: PostgresSourceOptions): AccountSource {
  const countCap = options.countCap ?? DEFAULT_COUNT_CAP;
  if (!Number.isSafeInteger(countCap) || countCap < 1) throw new RangeError('countCap must be a positive integer');

  // Checked before every statement. A statement already running is not interrupted: PGlite can't
  // cancel one, and on a server `statement_timeout` is the bound (see docs/endpoint.md).
  async function run(statement: Statement, signal: AbortSignal): Promise<SqlRow[]> {
    signal.throwIfAborted();
    return options.query(statement.text, statement.params);
  }

  return {
    async findSite(id, signal) {
      const [row] = await run(siteStatement(id), signal);
      return row ? toSite(row) : null;
    },

    async searchAccounts(query: AccountQuery): Promise<AccountPage> {
      const { signal } = query;
      if (!Number.isSafeInteger(query.limit) || query.limit < 1) throw new RangeError('limit must be a positive integer');
      // Read before any statement: a forged position is refused without touching the database.
      const position = query.after === undefined || query.after === null ? undefined : decodePosition(query.after);

      const [normalized] = await run(normalizeStatement(query.text.slice(0, MAX_TEXT_LENGTH)), signal);
      const terms = toTerms(normalized);
      if (isEmptyQuery(terms)) return { accounts: [], next: null, total: { count: 0, exact: true } };

      const rows = await run(pageStatement(terms, { limit: query.limit, after: position?.after, user: query.user }), signal);
      const pageRows = rows.slice(0, query.limit);
      // Counted once per search, on its first page; later pages carry the count in their position.
      const total = position ? position.total : await countMatches(terms, signal);
      const contracts = pageRows.length === 0 ? [] : await run(contractsStatement(pageRows.map((r) => String(r.id))), signal);

      const byAccount = new Map<string, Contract[]>();
      for (const row of contracts) {
        const id = String(row.account_id);
        let list = byAccount.get(id);
        if (!list) byAccount.set(id, (list = []));
        list.push(toContract(row));
      }
      const accounts = pageRows.map((row) => toAccount(row, byAccount.get(String(row.id)) ?? []));
      const last = pageRows[pageRows.length - 1];
      const next = rows.length > query.limit && last
        ? encodePosition({ after: { rank: Number(last.rank), name: String(last.search_name), id: String(last.id) }, total })
        : null;
      return total ? { accounts, next, total } : { accounts, next };
    },
  };

  async function countMatches(terms: NormalizedQuery, signal: AbortSignal): Promise<MatchCount> {
    const [row] = await run(countStatement(terms, countCap), signal);
    const count = Number(row?.count ?? 0);
    return count > countCap ? { count: countCap, exact: false } : { count, exact: true };
  }
}

function toTerms(row: SqlRow | undefined): NormalizedQuery {
  const name = typeof row?.name === 'string' ? row.name : '';
  const number = typeof row?.number === 'string' ? row.number : '';
  return { words: name.split(' ').filter(Boolean), number };
}

function toSite(row: SqlRow): Site {
  const labels: unknown = JSON.parse(String(row.private_labels ?? '[]'));
  const site: Site = {
    id: String(row.id),
    privateLabels: Array.isArray(labels) ? labels.map(String) : [],
    includeUnlabeled: row.include_unlabeled === true,
  };
  if (typeof row.name === 'string') site.name = row.name;
  return site;
}

function toAccount(row: SqlRow, contracts: Contract[]): Account {
  const account: Account = { id: String(row.id), name: String(row.name), contracts };
  if (typeof row.number === 'string') account.number = row.number;
  // Absent when the host doesn't track the sync: the picker then infers it from booking times.
  if (row.portal_sync_known === true) account.portalSyncedAt = typeof row.portal_synced_at === 'string' ? row.portal_synced_at : null;
  if (typeof row.linked_to_user === 'boolean') account.linkedToUser = row.linked_to_user;
  return account;
}

function toContract(row: SqlRow): Contract {
  const contract: Contract = {
    id: String(row.id),
    role: String(row.role),
    status: String(row.status),
    privateLabel: typeof row.private_label === 'string' ? row.private_label : null,
    bookedAt: typeof row.booked_at === 'string' ? row.booked_at : null,
  };
  if (typeof row.number === 'string') contract.number = row.number;
  return contract;
}
