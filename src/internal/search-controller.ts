/**
 * The network, in one place: builds the request, runs it with a per-request timeout, classifies every
 * failure into the contract's four kinds, parses and evaluates the body, caches recent answers and
 * accumulates pages.
 *
 * Built on @lit/task's `Task`: a new run aborts the one in flight and a superseded run's result is
 * dropped, so a slow earlier response can never reach the screen. An abort the picker caused is never
 * reported as an error: only the latest run's failure reaches `onError`.
 */
import { initialState, Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import { evaluateAccount, serverNow, syncWindowMinutes } from '../rules/evaluate-account.js';
import { parseSearchResponse } from '../rules/parse-response.js';
import type { Account, ReceivedKind, ResponseRejection, SearchAccounts, SearchResponse, Site } from '../rules/types.js';
import type { AccountResult, SearchErrorInfo } from './events.js';

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

/** One parsed page, with when it arrived (for the server clock). */
interface Page {
  response: SearchResponse;
  /** `performance.now()` when the body arrived. */
  receivedAt: number;
  malformed: number;
  fromCache?: boolean;
}

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
  /** Whether the last page came from the cache. */
  fromCache: boolean;
}

export type SearchPhase = 'idle' | 'loading' | 'complete' | 'error';

/** What the element renders from. */
export interface SearchState {
  phase: SearchPhase;
  /** The query being searched, shown or failed. */
  query: string;
  /** The results on screen (also while a refresh or a further page loads). */
  outcome?: SearchOutcome;
  /** Why the search failed (phase `error`). */
  error?: SearchErrorInfo;
  /** A further page is loading. */
  loadingMore: boolean;
  /** The shown results are being re-checked in the background. */
  refreshing: boolean;
  /** Loading a further page failed; the results so far stay. */
  moreError?: SearchErrorInfo;
}

interface Job {
  kind: 'search' | 'more' | 'refresh';
  query: string;
  params: SearchParams;
  bypassCache: boolean;
  /** The results to extend (more) or to re-check (refresh). */
  base?: SearchOutcome;
}

export interface SearchCallbacks {
  onComplete(outcome: SearchOutcome): void;
  onError(query: string, error: SearchErrorInfo): void;
}

/** The server's clock for a set of results. */
export function outcomeNow(outcome: Pick<SearchOutcome, 'asOf' | 'receivedAt'>): Date {
  return serverNow(outcome.asOf, outcome.receivedAt, performance.now());
}

/** A failure already classified for the admin. */
export class SearchFailure extends Error {
  constructor(readonly info: SearchErrorInfo) {
    super(info.message);
    this.name = 'SearchFailure';
  }
}

const CACHE_TTL_MS = 30_000;
const CACHE_MAX = 50;
const JSON_ACCEPT = 'application/json';

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, nowMs: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - nowMs) / 1000));
}

/** The message for an HTTP failure, worded for what the admin can do about it. */
export function httpError(status: number, retryAfter?: number): SearchErrorInfo {
  let message: string;
  if (status === 401) {
    message = msg(str`Your session may have expired (HTTP ${status}). Sign in again, then retry.`);
  } else if (status === 403) {
    message = msg(str`You don't have permission to search accounts on this site (HTTP ${status}). Ask an administrator for access.`);
  } else if (status === 429) {
    message =
      retryAfter !== undefined
        ? msg(str`Too many searches in a short time (HTTP 429). You can try again in ${retryAfter} seconds.`)
        : msg('Too many searches in a short time (HTTP 429). Wait a moment, then try again.');
  } else if (status === 404) {
    message = msg(str`The account search service was not found (HTTP ${status}). Check the picker's endpoint.`);
  } else if (status >= 500) {
    message = msg(str`The account search service had a problem (HTTP ${status}). Try again in a moment.`);
  } else {
    message = msg(str`The account search was refused (HTTP ${status}).`);
  }
  const info: SearchErrorInfo = { kind: 'http', status, message };
  if (retryAfter !== undefined) info.retryAfter = retryAfter;
  return info;
}

function timeoutError(timeoutMs: number): SearchErrorInfo {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return {
    kind: 'timeout',
    message: msg(str`The search took longer than ${seconds} seconds and was stopped. Try again.`),
  };
}

function networkError(detail?: string): SearchErrorInfo {
  return {
    kind: 'network',
    message: detail
      ? msg(str`Couldn't reach the account search service (${detail}). Check your connection and try again.`)
      : msg("Couldn't reach the account search service. Check your connection and try again."),
  };
}

/** An invalid response, with a sentence already worded (and localized) for the admin. */
function invalidResponse(message: string): SearchErrorInfo {
  return { kind: 'invalid-response', message };
}

/** A host's answer that threw while read: its own text, which the picker cannot translate. */
function unreadableAnswer(detail: string): SearchErrorInfo {
  return invalidResponse(msg(str`The server's answer could not be used: ${detail}.`));
}

/**
 * What arrived in place of the expected value, as a clause that stands on its own in parentheses
 * ("got a list"), so each language words it whole — "no se recibió nada" needs its own negation.
 * The English matches the parser's developer message, so both read the same.
 */
function received(kind: ReceivedKind): string {
  switch (kind) {
    case 'nothing':
      return msg('got nothing', { desc: 'What a server sent in place of a value: nothing (undefined).' });
    case 'null':
      return msg('got null', { desc: 'What a server sent in place of a value: the JSON value null.' });
    case 'list':
      return msg('got a list', { desc: 'What a server sent in place of a value: a list (JSON array).' });
    case 'object':
      return msg('got an object', { desc: 'What a server sent in place of a value: an object.' });
    case 'text':
      return msg('got text', { desc: 'What a server sent in place of a value: text (a string).' });
    case 'number':
      return msg('got a number', { desc: 'What a server sent in place of a value: a number.' });
    case 'boolean':
      return msg('got a boolean', { desc: 'What a server sent in place of a value: true or false.' });
    case 'bigint':
      return msg('got a bigint', { desc: 'What a server sent in place of a value: a JavaScript BigInt.' });
    case 'symbol':
      return msg('got a symbol', { desc: 'What a server sent in place of a value: a JavaScript Symbol.' });
    case 'function':
      return msg('got a function', { desc: 'What a server sent in place of a value: a JavaScript function.' });
  }
}

/**
 * Why the parser rejected the body, in the admin's language: one whole sentence per reason. Field
 * names (site, site.id, accounts) are the endpoint's, so they stay as written in every language. In
 * English the detail matches the parser's `message`.
 */
function rejectionMessage(reason: ResponseRejection): string {
  switch (reason.code) {
    case 'not-object':
      return msg(str`The server's answer could not be used: the response is not an object (${received(reason.got)}).`);
    case 'site-missing':
      return msg("The server's answer could not be used: site is missing.");
    case 'site-not-object':
      return msg(str`The server's answer could not be used: site is not an object (${received(reason.got)}).`);
    case 'site-id-missing':
      return msg("The server's answer could not be used: site.id is missing.");
    case 'site-id-invalid':
      return msg("The server's answer could not be used: site.id is not a non-empty string.");
    case 'accounts-missing':
      return msg("The server's answer could not be used: accounts is missing.");
    case 'accounts-not-list':
      return msg(str`The server's answer could not be used: accounts is not a list (${received(reason.got)}).`);
  }
}

/** Rejects as soon as `signal` aborts, for host functions that ignore their signal. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
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
 * Runs searches for its host. Call `search()` with each settled query, `loadMore()` for the next page,
 * `refresh()` to re-check the shown results without the cache, `retry()` after a failure and
 * `cancel()` when there is nothing to search.
 */
export class SearchController implements ReactiveController {
  /** What to render. Replaced (never mutated) on every change. */
  state: SearchState = { phase: 'idle', query: '', loadingMore: false, refreshing: false };

  private readonly host: ReactiveControllerHost;
  private readonly callbacks: SearchCallbacks;
  private readonly cache = new Map<string, { expires: number; page: Page }>();
  private readonly task: Task<[Job], SearchOutcome>;
  private lastJob?: Job;

  constructor(host: ReactiveControllerHost, callbacks: SearchCallbacks) {
    this.host = host;
    this.callbacks = callbacks;
    host.addController(this);
    this.task = new Task<[Job], SearchOutcome>(host, {
      autoRun: false,
      task: ([job], { signal }) => this.runJob(job, signal),
      onComplete: (outcome) => this.completed(outcome),
      onError: (error) => this.failed(error),
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.cancel();
  }

  /** Searches `query` from its first page. */
  search(query: string, params: SearchParams, options: { bypassCache?: boolean } = {}): void {
    this.start({ kind: 'search', query, params, bypassCache: options.bypassCache ?? false });
  }

  /** Loads the page after the shown results. */
  loadMore(): void {
    const outcome = this.state.outcome;
    if (!outcome?.nextCursor || this.state.loadingMore || this.state.phase !== 'complete') return;
    this.start({ kind: 'more', query: outcome.query, params: outcome.params, bypassCache: false, base: outcome });
  }

  /** Re-runs the shown search without the cache, keeping the results on screen until the answer. */
  refresh(): void {
    const outcome = this.state.outcome;
    if (!outcome || this.state.phase !== 'complete') return;
    this.start({ kind: 'refresh', query: outcome.query, params: outcome.params, bypassCache: true, base: outcome });
  }

  /** Runs the failed request again. */
  retry(): void {
    if (this.lastJob) this.start({ ...this.lastJob, bypassCache: true });
  }

  /** Abandons any request in flight and forgets the shown results. */
  cancel(): void {
    this.task.abort();
    this.lastJob = undefined;
    this.setState({ phase: 'idle', query: '', loadingMore: false, refreshing: false });
  }

  /** The parameters of the search shown, loading or failed; undefined when idle. */
  get activeParams(): SearchParams | undefined {
    return this.lastJob?.params;
  }

  /** Forgets cached answers (the endpoint, site or credentials changed). */
  clearCache(): void {
    this.cache.clear();
  }

  private setState(state: SearchState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private start(job: Job): void {
    this.lastJob = job;
    const previous = this.state;
    if (job.kind === 'search') {
      this.setState({ phase: 'loading', query: job.query, loadingMore: false, refreshing: false });
    } else {
      this.setState({
        phase: 'complete',
        query: job.query,
        outcome: previous.outcome,
        loadingMore: job.kind === 'more',
        refreshing: job.kind === 'refresh',
      });
    }
    void this.task.run([job]);
  }

  private completed(outcome: SearchOutcome): void {
    this.setState({ phase: 'complete', query: outcome.query, outcome, loadingMore: false, refreshing: false });
    this.callbacks.onComplete(outcome);
  }

  private failed(error: unknown): void {
    // Anything else is a fault of ours, not something to word for the admin: its text ("TypeError: …")
    // would be English and meaningless to them. It goes to the console for the developer instead.
    if (!(error instanceof SearchFailure)) console.error('<link-account-picker>: the search failed unexpectedly.', error);
    const info = error instanceof SearchFailure ? error.info : networkError();
    const job = this.lastJob;
    const query = job?.query ?? this.state.query;
    if (job && job.kind !== 'search' && this.state.outcome) {
      // A further page or a re-check failed: the results so far stay on screen.
      this.setState({
        phase: 'complete',
        query,
        outcome: this.state.outcome,
        loadingMore: false,
        refreshing: false,
        moreError: info,
      });
    } else {
      this.setState({ phase: 'error', query, error: info, loadingMore: false, refreshing: false });
    }
    this.callbacks.onError(query, info);
  }

  private async runJob(job: Job, signal: AbortSignal): Promise<SearchOutcome> {
    try {
      if (job.kind === 'more' && job.base) {
        const page = await this.fetchPage(job, job.base.nextCursor ?? undefined, signal);
        return combine(job, [page], job.base);
      }
      const pages: Page[] = [];
      const wanted = job.kind === 'refresh' ? (job.base?.pageCount ?? 1) : 1;
      let cursor: string | undefined;
      do {
        const page = await this.fetchPage(job, cursor, signal);
        pages.push(page);
        cursor = page.response.nextCursor ?? undefined;
      } while (cursor && pages.length < wanted);
      return combine(job, pages);
    } catch (error) {
      // Superseded or cancelled: not an error. (A superseded run's result is dropped by the Task.)
      if (signal.aborted) return initialState as never;
      throw error;
    }
  }

  private cacheKey(job: Job, cursor?: string): string {
    const p = job.params;
    return JSON.stringify([p.searchAccounts ? 'searchAccounts' : p.endpoint, p.site, p.user, p.limit, job.query, cursor ?? '']);
  }

  private async fetchPage(job: Job, cursor: string | undefined, signal: AbortSignal): Promise<Page> {
    const key = this.cacheKey(job, cursor);
    const cached = this.cache.get(key);
    if (cached && cached.expires > Date.now() && !job.bypassCache) {
      return { ...cached.page, fromCache: true };
    }
    this.cache.delete(key);
    const page = await this.request(job, cursor, signal);
    if (this.cache.size >= CACHE_MAX) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(key, { expires: Date.now() + CACHE_TTL_MS, page });
    return page;
  }

  /** One request, with its own timeout; throws a `SearchFailure`, or the abort reason when superseded. */
  private async request(job: Job, cursor: string | undefined, signal: AbortSignal): Promise<Page> {
    const { params, query } = job;
    const timeout = AbortSignal.timeout(params.timeout > 0 ? params.timeout : 10_000);
    const combined = AbortSignal.any([signal, timeout]);
    const aborted = (error: unknown): never => {
      if (signal.aborted) throw signal.reason;
      if (timeout.aborted) throw new SearchFailure(timeoutError(params.timeout));
      throw error;
    };

    let body: unknown;
    if (!params.searchAccounts && !params.endpoint) {
      throw new SearchFailure({
        kind: 'network',
        message: msg('The picker has nowhere to search: set its endpoint attribute or its searchAccounts property.'),
      });
    }
    if (params.searchAccounts) {
      try {
        const request = { query, site: params.site, limit: params.limit, signal: combined } as Parameters<SearchAccounts>[0];
        if (params.user) request.user = params.user;
        if (cursor) request.cursor = cursor;
        body = await untilAborted(Promise.resolve().then(() => params.searchAccounts!(request)), combined);
      } catch (error) {
        if (combined.aborted) aborted(error);
        throw new SearchFailure(hostError(error));
      }
    } else {
      let url: string;
      try {
        url = buildSearchUrl(params, query, cursor);
      } catch {
        throw new SearchFailure({
          kind: 'network',
          message: msg(str`The picker's endpoint “${params.endpoint}” is not a valid URL: check its endpoint attribute.`),
        });
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
        const retryAfter = response.status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
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
        throw new SearchFailure(invalidResponse(msg("The server's answer could not be used: it is not JSON.")));
      }
    }
    if (signal.aborted) throw signal.reason;
    let parsed: ReturnType<typeof parseSearchResponse>;
    try {
      parsed = parseSearchResponse(body);
    } catch (error) {
      // A host's answer can throw while it is read (a getter, a revoked proxy): a bad answer, not a network failure.
      throw new SearchFailure(unreadableAnswer(error instanceof Error ? error.message : String(error)));
    }
    if (!parsed.ok) throw new SearchFailure(invalidResponse(rejectionMessage(parsed.reason)));
    return { response: parsed.response, receivedAt: performance.now(), malformed: parsed.malformed };
  }
}

/** A host's `searchAccounts` rejected: an HTTP-like error when it carries a status, else a network one. */
function hostError(error: unknown): SearchErrorInfo {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400) return httpError(status);
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return networkError(detail || undefined);
}

/** Evaluates new pages and appends them to `base` (accounts already shown are not repeated). */
function combine(job: Job, pages: Page[], base?: SearchOutcome): SearchOutcome {
  const last = pages[pages.length - 1]!;
  const window = syncWindowMinutes(last.response.syncWindowMinutes);
  const results: AccountResult[] = base ? [...base.results] : [];
  const seen = new Set(results.map((r) => r.account.id));
  let malformed = base?.malformed ?? 0;
  for (const page of pages) {
    malformed += page.malformed;
    const now = serverNow(page.response.asOf, page.receivedAt, performance.now());
    const context = { site: page.response.site, now, syncWindowMinutes: window };
    for (const account of page.response.accounts as Account[]) {
      if (seen.has(account.id)) continue;
      seen.add(account.id);
      results.push({ account, eligibility: evaluateAccount(account, context) });
    }
  }
  const outcome: SearchOutcome = {
    query: job.query,
    params: job.params,
    site: last.response.site,
    results,
    nextCursor: last.response.nextCursor ?? null,
    malformed,
    syncWindowMinutes: window,
    receivedAt: last.receivedAt,
    pageCount: (base?.pageCount ?? 0) + pages.length,
    fromCache: last.fromCache === true,
  };
  if (last.response.asOf !== undefined) outcome.asOf = last.response.asOf;
  const total = last.response.total;
  if (typeof total === 'number' && Number.isFinite(total)) outcome.total = total;
  return outcome;
}
