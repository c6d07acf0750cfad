/**
 * One request for one page: builds the URL (or calls the host's `searchAccounts`), runs it with its
 * own timeout, and turns every failure into one of the four kinds the admin reads about. No state:
 * caching, paging and superseding belong to the search controller.
 */
import { readSearchResponse } from '../../rules/read-response.js';
import type { SearchAccounts, SearchResponse } from '../../rules/types.js';
import { DEFAULT_LIMIT, DEFAULT_TIMEOUT_MS, MAX_RETRY_AFTER_S } from '../defaults.js';
import {
  hostError,
  httpError,
  invalidEndpointError,
  invalidResponse,
  networkError,
  noEndpointError,
  notJsonError,
  rejectionMessage,
  SearchFailure,
  timeoutError,
  unreadableAnswer,
} from './errors.js';

/** Everything a request depends on besides the query. */
export interface SearchParams {
  endpoint: string;
  site: string;
  user: string;
  limit: number;
  timeout: number;
  fetchInit?: RequestInit;
  searchAccounts?: SearchAccounts;
}

/** What a request depends on: a change to any of these makes cached answers stale (not `timeout`). */
export const REQUEST_KEYS = ['endpoint', 'site', 'user', 'limit', 'fetchInit', 'searchAccounts'] as const;

/** One parsed page, with when it arrived (for the server clock). */
export interface Page {
  response: SearchResponse;
  /** `performance.now()` when the body arrived. */
  receivedAt: number;
  malformed: number;
}

const JSON_ACCEPT = 'application/json';

/** The parameters of a host's settings; a limit or timeout that makes no sense falls back to the default. */
export function searchParams(settings: Omit<SearchParams, 'fetchInit' | 'searchAccounts'> & Pick<Partial<SearchParams>, 'fetchInit' | 'searchAccounts'>): SearchParams {
  const params: SearchParams = {
    endpoint: settings.endpoint,
    site: settings.site,
    user: settings.user,
    limit: settings.limit > 0 ? Math.floor(settings.limit) : DEFAULT_LIMIT,
    timeout: settings.timeout > 0 ? settings.timeout : DEFAULT_TIMEOUT_MS,
  };
  if (settings.fetchInit) params.fetchInit = settings.fetchInit;
  if (settings.searchAccounts) params.searchAccounts = settings.searchAccounts;
  return params;
}

/**
 * Seconds to wait from a `Retry-After` header, delta-seconds or an HTTP date, honoured for at most
 * `MAX_RETRY_AFTER_S`: a longer value never locks the search box. A negative or past value means now
 * (0); an unreadable one is ignored (undefined).
 */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  let seconds: number;
  if (/^[-+]?\d+$/.test(trimmed)) {
    seconds = Number(trimmed);
  } else {
    // Only a date written as one (it has letters: "Wed, 21 Oct 2015 07:28:00 GMT"), not "1.5" or "-5s".
    const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN;
    if (Number.isNaN(date)) return undefined;
    seconds = Math.ceil((date - nowMs) / 1000);
  }
  return Math.min(Math.max(0, seconds), MAX_RETRY_AFTER_S);
}

/** Builds `{endpoint}?q=…&site=…&limit=…[&cursor=…][&user=…]`, relative to the page. */
export function buildSearchUrl(params: SearchParams, query: string, cursor?: string): string {
  const url = new URL(params.endpoint, document.baseURI);
  url.searchParams.set('q', query);
  url.searchParams.set('site', params.site);
  url.searchParams.set('limit', String(params.limit));
  if (cursor) url.searchParams.set('cursor', cursor);
  if (params.user) url.searchParams.set('user', params.user);
  return url.href;
}

function mergeHeaders(init?: RequestInit): Headers {
  const headers = new Headers(init?.headers);
  if (!headers.has('Accept')) headers.set('Accept', JSON_ACCEPT);
  return headers;
}

/**
 * Rejects as soon as `signal` aborts, for host functions that ignore their signal. The listener goes
 * with the answer: @lit/task keeps the latest run's signal alive, and a picker removed from the page
 * must leave no listener behind on it (test/hardening/memory.test.ts).
 */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    // `then(resolve, reject)` never rejects, so `finally` adds no unhandled rejection.
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** One request, with its own timeout; throws a `SearchFailure`, or the abort reason when superseded. */
export async function requestPage(params: SearchParams, query: string, cursor: string | undefined, signal: AbortSignal): Promise<Page> {
  // Already a positive number: searchParams() replaced any other.
  const timeout = AbortSignal.timeout(params.timeout);
  const combined = AbortSignal.any([signal, timeout]);
  const aborted = (error: unknown): never => {
    if (signal.aborted) throw signal.reason;
    if (timeout.aborted) throw new SearchFailure(timeoutError(params.timeout));
    throw error;
  };

  let body: unknown;
  if (!params.searchAccounts && !params.endpoint) throw new SearchFailure(noEndpointError());
  if (params.searchAccounts) {
    const searchAccounts = params.searchAccounts;
    try {
      const request = { query, site: params.site, limit: params.limit, signal: combined } as Parameters<SearchAccounts>[0];
      if (params.user) request.user = params.user;
      if (cursor) request.cursor = cursor;
      body = await untilAborted(Promise.resolve().then(() => searchAccounts(request)), combined);
    } catch (error) {
      if (combined.aborted) aborted(error);
      throw new SearchFailure(hostError(error));
    }
  } else {
    let url: string;
    try {
      url = buildSearchUrl(params, query, cursor);
    } catch {
      throw new SearchFailure(invalidEndpointError(params.endpoint));
    }
    let response: Response;
    try {
      response = await fetch(url, {
        ...params.fetchInit,
        method: 'GET',
        headers: mergeHeaders(params.fetchInit),
        signal: combined,
      });
    } catch (error) {
      if (combined.aborted) aborted(error);
      throw new SearchFailure(networkError());
    }
    if (!response.ok) {
      const waits = response.status === 429 || response.status === 503;
      const retryAfter = waits ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
      throw new SearchFailure(httpError(response.status, retryAfter));
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      if (combined.aborted) aborted(error);
      throw new SearchFailure(networkError());
    }
    try {
      body = JSON.parse(text);
    } catch {
      throw new SearchFailure(notJsonError());
    }
  }
  if (signal.aborted) throw signal.reason;
  let parsed: ReturnType<typeof readSearchResponse>;
  try {
    parsed = readSearchResponse(body);
  } catch (error) {
    // A host's answer can throw while it is read (a getter, a revoked proxy): a bad answer, not a network failure.
    throw new SearchFailure(unreadableAnswer(error instanceof Error ? error.message : String(error)));
  }
  if (!parsed.ok) throw new SearchFailure(invalidResponse(rejectionMessage(parsed.reason)));
  return { response: parsed.response, receivedAt: performance.now(), malformed: parsed.malformed };
}
