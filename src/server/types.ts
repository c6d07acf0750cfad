/**
 * The seam of `link-account-picker/server`: what `createSearchHandler` asks of the host, and what a
 * data layer (the reference one on Postgres, or the host's own) answers. Runs in Node, Deno or Bun:
 * no DOM, no database driver. The handler owns the HTTP contract (parameters, errors, cursors, `asOf`);
 * the data layer owns the data (which accounts match, in which order, and where a page ends).
 */
import type { Account, Site } from '../rules/types.js';

export type { Account, Contract, SearchResponse, Site } from '../rules/types.js';

/**
 * Where a data layer's next page starts, as the data layer chose to describe it (for keyset paging:
 * the sort key and id of the last row of the page). Plain JSON. The handler never reads it: it seals
 * it into an opaque, signed cursor for the client and hands it back unchanged on the next request of
 * the same search, so a data layer can trust it came from itself.
 */
export type PagePosition = string | number | boolean | null | PagePosition[] | { [key: string]: PagePosition };

/** One page of one search, as the handler asks a data layer for it (every value already validated). */
export interface AccountQuery {
  /** What the admin typed, trimmed: at least 2 characters, at most the handler's limit. */
  text: string;
  /** The site searched on, as the data layer's `findSite` returned it. */
  site: Site;
  /** The portal user being edited, when the request named one: set `linkedToUser` for that user. */
  user?: string;
  /** Accounts on this page at most (already clamped by the handler). */
  limit: number;
  /** Continue after this position, from the previous page's `next`; absent on the first page. */
  after?: PagePosition;
  /** Aborted when the client goes away or the request times out: stop working then. */
  signal: AbortSignal;
}

/** How many accounts match the whole search. Counting can stop at a cap so that no page is slow. */
export interface MatchCount {
  count: number;
  /** False when counting stopped at a cap: there are at least `count` matches. */
  exact: boolean;
}

export interface AccountPage {
  /** The page's accounts, best matches first, in a stable order. */
  accounts: Account[];
  /** Where the next page starts; null on the last page. */
  next: PagePosition | null;
  /** All matches of the search, when the data layer counted them. */
  total?: MatchCount;
}

/** The host's data, behind two calls. `link-account-picker/server/postgres` is a reference one. */
export interface AccountSource {
  /** The site with its private labels, or null when no site has that id (the handler answers 404). */
  findSite(id: string, signal: AbortSignal): Promise<Site | null>;
  /** One page of the accounts matching `query.text` on `query.site`, linkable or not. */
  searchAccounts(query: AccountQuery): Promise<AccountPage>;
}

/** What the host's policy says of one request. */
export type AccessDecision =
  | { allow: true }
  /** 401: not signed in or the session expired; 403: this admin may not search this site. */
  | {
      allow: false;
      status: 401 | 403;
      /** What the client is told (plain English); a plain default when absent. */
      message?: string;
      /** Headers of the refusal, e.g. `{ 'WWW-Authenticate': 'Bearer' }` on a 401. Content-Type and Cache-Control stay the handler's. */
      headers?: Record<string, string>;
    };

/** What the handler asks the host before it searches. Both hooks are optional. */
export interface SearchPolicy {
  /** May this request search this site (for this user)? Absent: every request may. */
  authorize?(request: Request, target: { site: string; user?: string }): AccessDecision | Promise<AccessDecision>;
  /**
   * Seconds the client must wait before searching again (answered as 429 with `Retry-After`), or
   * null/0 to go ahead. Absent: no rate limit.
   */
  rateLimit?(request: Request): number | null | Promise<number | null>;
}

/** Where the handler reports what it does not tell the client (an internal error's cause). */
export interface SearchLogger {
  error(message: string, cause?: unknown): void;
}

export interface SearchHandlerOptions {
  source: AccountSource;
  policy?: SearchPolicy;
  /**
   * The key cursors are signed with (at least 32 bytes of secret: a string or bytes). Keep it stable
   * across restarts and instances, or the next page of a search in progress is refused.
   */
  cursorSecret: string | Uint8Array;
  /** How long a cursor stays valid, in seconds (default 3600). */
  cursorTtlSeconds?: number;
  /** Accounts per page when `limit` is absent (default 25). */
  defaultLimit?: number;
  /** A larger `limit` is clamped to this (default 100). */
  maxLimit?: number;
  /** A longer `q` (in characters, after trimming) is refused with a 400 (default 200). */
  maxQueryLength?: number;
  /** Sent as `syncWindowMinutes` (default 15). */
  syncWindowMinutes?: number;
  /**
   * Stop a search that takes longer than this many milliseconds: the data layer's `signal` aborts and
   * the client gets 503 `timeout`. Absent (the default): only the client's going away stops a search.
   * The picker gives up after its own `timeout` (10 s by default), so more than that is work nobody reads.
   */
  timeoutMs?: number;
  /** The server clock, stamped as `asOf` (default `() => new Date()`). */
  now?: () => Date;
  /** Where internal errors' causes go (default `console.error`); the client only ever gets a plain 500. */
  logger?: SearchLogger;
}

/** A web-standard handler: fits Node's http (through a few lines), Hono, Next.js route handlers, Deno, Bun. */
export type SearchHandler = (request: Request) => Promise<Response>;
