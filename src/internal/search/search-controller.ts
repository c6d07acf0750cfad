/**
 * Runs searches for its host: one `setQuery(query, params)` per keystroke, and this controller
 * decides when (debounce, and a server's `Retry-After`), whether (the same query settling again keeps
 * what is shown) and how (a recent answer from the cache, unless time would make it say worse).
 *
 * Built on @lit/task's `Task`: a new run aborts the one in flight and a superseded run's result is
 * dropped, so a slow earlier response can never reach the screen. An abort the picker caused is never
 * reported as an error: only the latest run's failure reaches `onError`.
 */
import { initialState, Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CACHE_MAX, CACHE_TTL_MS, DEFAULT_DEBOUNCE_MS } from '../defaults.js';
import type { SearchErrorInfo } from '../events.js';
import { networkError, SearchFailure } from './errors.js';
import { combine, worsensWithTime, type SearchOutcome } from './outcome.js';
import { REQUEST_KEYS, requestPage, type Page, type SearchParams } from './transport.js';

export type { SearchOutcome } from './outcome.js';
export type { SearchParams } from './transport.js';

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
  /** Ask the server even when the cache holds an answer (a retry, a re-check). */
  bypassCache?: boolean;
  /** The results to extend (more) or to re-check (refresh). */
  base?: SearchOutcome;
}

export interface SearchOptions {
  onComplete(outcome: SearchOutcome): void;
  onError(query: string, error: SearchErrorInfo): void;
  /** Characters needed before searching; shorter queries cancel. */
  minLength(): number;
  /** Milliseconds to wait after the last `setQuery()`. */
  debounceMs(): number;
}

const IDLE: SearchState = { phase: 'idle', query: '', loadingMore: false, refreshing: false };

function sameParams(a: SearchParams, b: SearchParams): boolean {
  return REQUEST_KEYS.every((key) => a[key] === b[key]);
}

export class SearchController implements ReactiveController {
  /** What to render. Replaced (never mutated) on every change. */
  state: SearchState = IDLE;

  readonly #host: ReactiveControllerHost;
  readonly #options: SearchOptions;
  readonly #cache = new Map<string, { expires: number; page: Page }>();
  readonly #task: Task<[Job], SearchOutcome>;
  #lastJob?: Job;
  #debounceTimer?: ReturnType<typeof setTimeout>;
  /** A server asked to wait until then (ms since epoch): no request leaves before. */
  #retryAt = 0;
  #retryTimer?: ReturnType<typeof setTimeout>;
  /** Resolved when the search started by the latest `setQuery()` settles or is superseded. */
  #waiters: (() => void)[] = [];

  constructor(host: ReactiveControllerHost, options: SearchOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
    this.#task = new Task<[Job], SearchOutcome>(host, {
      autoRun: false,
      task: ([job], { signal }) => this.#runJob(job, signal),
      onComplete: (outcome) => this.#completed(outcome),
      onError: (error) => this.#failed(error),
    });
  }

  hostDisconnected(): void {
    this.cancel();
    clearTimeout(this.#retryTimer);
    this.#retryAt = 0;
  }

  /** Milliseconds left before a server lets the picker search again; 0 when it may. */
  get retryWaitMs(): number {
    return Math.max(0, this.#retryAt - Date.now());
  }

  /**
   * The query the admin typed, with the parameters it is searched with. A query shorter than the
   * minimum cancels; the same query settling again keeps what is shown; otherwise it is searched after
   * the debounce (`delayMs`, the host's debounce by default) and any wait a server asked for.
   * Resolves when that search settles or another replaces it.
   */
  setQuery(query: string, params: SearchParams, delayMs?: number): Promise<void> {
    clearTimeout(this.#debounceTimer);
    this.#settleWaiters();
    if (query.length < this.#options.minLength()) {
      this.cancel();
      return Promise.resolve();
    }
    const settled = new Promise<void>((resolve) => this.#waiters.push(resolve));
    const debounce = delayMs ?? (this.#options.debounceMs() >= 0 ? this.#options.debounceMs() : DEFAULT_DEBOUNCE_MS);
    this.#debounceTimer = setTimeout(() => {
      const { query: shown, phase } = this.state;
      const active = this.#lastJob?.params;
      // The same query settling again (e.g. a space typed and removed) keeps what is shown.
      if (shown === query && phase !== 'error' && phase !== 'idle' && active && sameParams(active, params)) {
        if (phase === 'complete') this.#settleWaiters();
        return;
      }
      this.#start({ kind: 'search', query, params });
    }, debounce);
    return settled;
  }

  /** Loads the page after the shown results. */
  loadMore(): void {
    const outcome = this.state.outcome;
    if (!outcome?.nextCursor || this.state.loadingMore || this.state.phase !== 'complete') return;
    this.#start({ kind: 'more', query: outcome.query, params: outcome.params, base: outcome });
  }

  /** Re-runs the shown search without the cache, keeping the results on screen until the answer. */
  refresh(): void {
    const outcome = this.state.outcome;
    if (!outcome || this.state.phase !== 'complete') return;
    this.#start({ kind: 'refresh', query: outcome.query, params: outcome.params, bypassCache: true, base: outcome });
  }

  /** Runs the failed request again, once the server's wait (if any) is over. */
  retry(): void {
    if (this.#lastJob && this.retryWaitMs === 0) this.#start({ ...this.#lastJob, bypassCache: true });
  }

  /** Abandons any request in flight or waiting, and forgets the shown results. */
  cancel(): void {
    clearTimeout(this.#debounceTimer);
    this.#task.abort();
    this.#lastJob = undefined;
    this.#setState(IDLE);
    this.#settleWaiters();
  }

  /** Forgets cached answers (the endpoint, site or credentials changed). */
  clearCache(): void {
    this.#cache.clear();
  }

  #settleWaiters(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  #setState(state: SearchState): void {
    if (state === this.state) return;
    this.state = state;
    this.#host.requestUpdate();
  }

  #start(job: Job): void {
    // The server's wait holds every request, also one scheduled before its 429 arrived (a search
    // debounced while an earlier query was in flight): it starts once the wait is over, unless a newer
    // query or cancel() clears the timer first. Meanwhile the wait stays on screen.
    const wait = this.retryWaitMs;
    if (wait > 0) {
      clearTimeout(this.#debounceTimer);
      this.#debounceTimer = setTimeout(() => this.#start(job), wait);
      return;
    }
    this.#lastJob = job;
    const previous = this.state;
    if (job.kind === 'search') {
      this.#setState({ ...IDLE, phase: 'loading', query: job.query });
    } else {
      this.#setState({
        phase: 'complete',
        query: job.query,
        outcome: previous.outcome,
        loadingMore: job.kind === 'more',
        refreshing: job.kind === 'refresh',
      });
    }
    void this.#task.run([job]);
  }

  #completed(outcome: SearchOutcome): void {
    this.#setState({ ...IDLE, phase: 'complete', query: outcome.query, outcome });
    this.#options.onComplete(outcome);
    this.#settleWaiters();
  }

  #failed(error: unknown): void {
    // Anything else is a fault of ours, not something to word for the admin: its text ("TypeError: …")
    // would be English and meaningless to them. It goes to the console for the developer instead.
    if (!(error instanceof SearchFailure)) console.error('<link-account-picker>: the search failed unexpectedly.', error);
    const info = error instanceof SearchFailure ? error.info : networkError();
    const job = this.#lastJob;
    const query = job?.query ?? this.state.query;
    if (info.retryAfter !== undefined) this.#waitForServer(info.retryAfter);
    if (job && job.kind !== 'search' && this.state.outcome) {
      // A further page or a re-check failed: the results so far stay on screen.
      this.#setState({ ...this.state, phase: 'complete', query, loadingMore: false, refreshing: false, moreError: info });
    } else {
      this.#setState({ ...IDLE, phase: 'error', query, error: info });
    }
    this.#options.onError(query, info);
    this.#settleWaiters();
  }

  /** Holds every request for `seconds` (already bounded by the transport), then lets the host know. */
  #waitForServer(seconds: number): void {
    clearTimeout(this.#retryTimer);
    this.#retryAt = seconds > 0 ? Date.now() + seconds * 1000 : 0;
    if (seconds > 0) this.#retryTimer = setTimeout(() => {
      this.#retryAt = 0;
      this.#host.requestUpdate();
    }, seconds * 1000);
  }

  /** A search's first page, the page after `base` (more), or as many pages as `base` shows (refresh). */
  async #runJob(job: Job, signal: AbortSignal): Promise<SearchOutcome> {
    const base = job.kind === 'more' ? job.base : undefined;
    const pages: Page[] = [];
    const wanted = job.kind === 'refresh' ? (job.base?.pageCount ?? 1) : 1;
    let cursor = base?.nextCursor ?? undefined;
    try {
      do {
        const page = await this.#fetchPage(job, cursor, signal);
        pages.push(page);
        cursor = page.response.nextCursor ?? undefined;
      } while (cursor && pages.length < wanted);
    } catch (error) {
      // Superseded or cancelled: not an error. (A superseded run's result is dropped by the Task.)
      if (signal.aborted) return initialState as never;
      throw error;
    }
    return combine(job.query, job.params, pages, base);
  }

  #cacheKey(job: Job, cursor?: string): string {
    const p = job.params;
    return JSON.stringify([p.searchAccounts ? 'searchAccounts' : p.endpoint, p.site, p.user, p.limit, job.query, cursor ?? '']);
  }

  async #fetchPage(job: Job, cursor: string | undefined, signal: AbortSignal): Promise<Page> {
    const key = this.#cacheKey(job, cursor);
    const cached = this.#cache.get(key);
    // A cached answer is reused unless time alone would now make one of its verdicts worse.
    if (cached && cached.expires > Date.now() && !job.bypassCache && !worsensWithTime(cached.page)) return cached.page;
    this.#cache.delete(key);
    const page = await requestPage(job.params, job.query, cursor, signal);
    if (this.#cache.size >= CACHE_MAX) {
      const oldest = this.#cache.keys().next().value;
      if (oldest !== undefined) this.#cache.delete(oldest);
    }
    this.#cache.set(key, { expires: Date.now() + CACHE_TTL_MS, page });
    return page;
  }
}
