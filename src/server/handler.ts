/**
 * `createSearchHandler`: the search endpoint of docs/endpoint.md as a web-standard
 * `(Request) => Promise<Response>`, over a host's data layer (`AccountSource`) and policy
 * (`SearchPolicy`). Runtime-neutral: `Request`, `Response`, `AbortSignal` and `crypto.subtle` only.
 *
 * One request, in order: the method; the host's rate limit; the parameters; the host's
 * authorization; the cursor; the site; the page. Each step answers its own documented error, and
 * nothing thrown by host code reaches the client (500, the cause to `logger.error`).
 */
import { createCursorSealer, type CursorSealer } from './cursor.js';
import { checkPage, checkSite, DataLayerError } from './page.js';
import { readParameters, type ParameterLimits } from './parameters.js';
import {
  CLIENT_CLOSED_REQUEST,
  errorResponse,
  INTERNAL_ERROR_MESSAGE,
  jsonResponse,
  parameterError,
  type SearchErrorCode,
} from './responses.js';
import type { AccessDecision, AccountQuery, SearchHandler, SearchHandlerOptions, SearchLogger } from './types.js';

export const DEFAULTS = {
  cursorTtlSeconds: 3600,
  defaultLimit: 25,
  maxLimit: 100,
  syncWindowMinutes: 15,
  maxQueryLength: 200,
  /** Room for q, site and user at their longest plus a keyset position, base64url-encoded. */
  maxCursorLength: 4096,
} as const;

const ALLOW = 'GET, HEAD';
/** A wait longer than a day is a policy bug, not a rate limit; the picker honours 60 s at most anyway. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

/** The request went away or ran out of time: stop where the search is, log nothing (it is no failure). */
class Stopped extends Error {}

/** Rejects with `Stopped` once `signal` aborts, so host code that ignores the signal can't hold the answer. */
function whenStopped(signal: AbortSignal): Promise<never> {
  const stopped = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(new Stopped());
    else signal.addEventListener('abort', () => reject(new Stopped()), { once: true });
  });
  stopped.catch(() => {}); // Raced, not always awaited: never an unhandled rejection.
  return stopped;
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer (got ${String(value)}).`);
  return value;
}

function checkOptions(options: SearchHandlerOptions) {
  if (typeof options?.source?.findSite !== 'function' || typeof options.source.searchAccounts !== 'function') {
    throw new TypeError('createSearchHandler needs a source with findSite and searchAccounts methods.');
  }
  const maxLimit = positiveInteger('maxLimit', options.maxLimit, DEFAULTS.maxLimit);
  const limits: ParameterLimits = {
    maxLimit,
    defaultLimit: Math.min(positiveInteger('defaultLimit', options.defaultLimit, DEFAULTS.defaultLimit), maxLimit),
    maxQueryLength: positiveInteger('maxQueryLength', options.maxQueryLength, DEFAULTS.maxQueryLength),
    maxCursorLength: DEFAULTS.maxCursorLength,
  };
  const syncWindowMinutes = options.syncWindowMinutes ?? DEFAULTS.syncWindowMinutes;
  if (!Number.isFinite(syncWindowMinutes) || syncWindowMinutes <= 0) {
    throw new RangeError(`syncWindowMinutes must be a positive number (got ${String(syncWindowMinutes)}).`);
  }
  return {
    limits,
    syncWindowMinutes,
    ttlSeconds: positiveInteger('cursorTtlSeconds', options.cursorTtlSeconds, DEFAULTS.cursorTtlSeconds),
    timeoutMs: options.timeoutMs === undefined ? undefined : positiveInteger('timeoutMs', options.timeoutMs, 0),
  };
}

/**
 * Creates the search endpoint's handler: it validates the request, asks the host's policy, reads one
 * page from the host's data layer and answers in the documented JSON shape, with signed cursors for
 * the next pages.
 *
 * @throws {RangeError} when `cursorSecret` holds fewer than 32 bytes, or a number option is out of range.
 * @throws {TypeError} when `source` lacks `findSite` or `searchAccounts`.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createSearchHandler } from 'link-account-picker/server';
 * import { toNodeListener } from 'link-account-picker/server/node';
 *
 * const search = createSearchHandler({
 *   source: mySource, // { findSite(id, signal), searchAccounts(query) }
 *   cursorSecret: process.env.CURSOR_SECRET!, // ≥ 32 bytes, the same on every instance
 *   policy: { authorize: (request, { site }) => (isAdminOf(request, site) ? { allow: true } : { allow: false, status: 403 }) },
 * });
 * createServer(toNodeListener(search)).listen(8080);
 * ```
 */
export function createSearchHandler(options: SearchHandlerOptions): SearchHandler {
  const { limits, syncWindowMinutes, ttlSeconds, timeoutMs } = checkOptions(options);
  const { source, policy = {} } = options;
  const now = options.now ?? (() => new Date());
  const logger: SearchLogger = options.logger ?? { error: (message, cause) => console.error(message, cause) };
  const cursors: CursorSealer = createCursorSealer({ secret: options.cursorSecret, ttlSeconds, now, maxLength: limits.maxCursorLength });

  return async function handleSearch(request: Request): Promise<Response> {
    const head = request.method === 'HEAD';
    if (request.method !== 'GET' && !head) {
      return errorResponse(405, { error: 'method-not-allowed', message: `The account search answers GET, not ${request.method}.` }, false, { Allow: ALLOW });
    }
    // The client's signal, or the client's and the timeout's: what the data layer gets, and what stops each step.
    // A timer of our own rather than AbortSignal.timeout: Node unrefs that one, and it outlives the request.
    const timeout = timeoutMs === undefined ? undefined : new AbortController();
    const timer = timeout && setTimeout(() => timeout.abort(new DOMException('The search timed out.', 'TimeoutError')), timeoutMs);
    const signal = timeout ? AbortSignal.any([request.signal, timeout.signal]) : request.signal;
    const stopped = whenStopped(signal);
    /** Host code's answer, or Stopped as soon as the signal aborts (whether or not host code heeds it). */
    const step = async <T>(work: () => T | Promise<T>): Promise<T> => {
      if (signal.aborted) throw new Stopped();
      try {
        return await Promise.race([Promise.resolve().then(work), stopped]);
      } catch (error) {
        // Whatever host code throws once the signal aborted (an AbortError, a cancelled query) is the abort.
        throw signal.aborted ? new Stopped() : error;
      }
    };
    const fail = (status: number, error: SearchErrorCode, message: string, headers: Record<string, string> = {}) =>
      errorResponse(status, { error, message }, head, headers);

    try {
      const wait = await step(() => policy.rateLimit?.(request) ?? null);
      if (wait !== null && wait !== undefined && wait !== 0) {
        if (typeof wait !== 'number' || !(wait > 0)) throw new DataLayerError(`policy.rateLimit returned ${String(wait)}, not a number of seconds ≥ 0 or null.`);
        const seconds = Math.min(Math.ceil(wait), MAX_RETRY_AFTER_SECONDS);
        return fail(429, 'rate-limited', `Too many searches. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`, { 'Retry-After': String(seconds) });
      }

      const read = readParameters(new URL(request.url).searchParams, limits);
      if (!read.ok) return parameterError(read.problem.code, read.problem.parameter, read.problem.message, head);
      const parameters = read.parameters;

      const target = { site: parameters.site, ...(parameters.user === undefined ? {} : { user: parameters.user }) };
      // Only an absent hook allows by default: a hook that returns nothing (a missing `return`) is a bug, not a yes.
      const authorize = policy.authorize?.bind(policy);
      const refusal = authorize ? refusalOf(await step(() => authorize(request, target))) : undefined;
      if (refusal) return fail(refusal.status, refusal.status === 401 ? 'unauthenticated' : 'forbidden', refusal.message, refusal.headers);

      let after: AccountQuery['after'];
      if (parameters.cursor !== undefined) {
        const opened = await cursors.open(parameters.cursor, parameters);
        if (!opened.ok) return parameterError('invalid-cursor', 'cursor', opened.message, head);
        after = opened.after;
      }

      const found = await step(() => source.findSite(parameters.site, signal));
      if (found === null) return fail(404, 'unknown-site', `No portal site "${parameters.site}".`);
      // The client gets the site's public fields; the data layer gets its own object back, whatever else it holds.
      const site = checkSite(found, parameters.site);

      const query: AccountQuery = { text: parameters.text, site: found, limit: parameters.limit, signal };
      if (parameters.user !== undefined) query.user = parameters.user;
      if (after !== undefined) query.after = after;
      const page = checkPage(await step(() => source.searchAccounts(query)), parameters.limit);

      const body: Record<string, unknown> = {
        asOf: now().toISOString(),
        syncWindowMinutes,
        site,
        accounts: page.accounts,
        nextCursor: page.next === null ? null : await cursors.seal(parameters, page.next),
      };
      // The contract: `total` only when known. A count that stopped at a cap is no total: it is a floor.
      if (page.total?.exact) body.total = page.total.count;
      else if (page.total) body.totalAtLeast = page.total.count;
      if (signal.aborted) throw new Stopped();
      return jsonResponse(200, body, head);
    } catch (error) {
      if (request.signal.aborted) {
        return fail(CLIENT_CLOSED_REQUEST, 'client-closed-request', 'The request was aborted before the search finished.');
      }
      if (error instanceof Stopped || signal.aborted) {
        return fail(503, 'timeout', `The search took longer than ${timeoutMs} ms. Try a more specific query, or try again in a moment.`);
      }
      logger.error(`link-account-picker/server: ${whatFailed(error)} (${request.method} ${pathOf(request.url)})`, error);
      return fail(500, 'internal-error', INTERNAL_ERROR_MESSAGE);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The refusal a policy decided, or none. A decision of the wrong shape is the policy's bug. */
function refusalOf(decision: AccessDecision): { status: 401 | 403; message: string; headers: Record<string, string> } | undefined {
  if (typeof decision !== 'object' || decision === null) throw new DataLayerError('policy.authorize returned no decision.');
  if (decision.allow === true) return undefined;
  if (decision.allow !== false || (decision.status !== 401 && decision.status !== 403)) {
    throw new DataLayerError('policy.authorize returned neither { allow: true } nor { allow: false, status: 401 | 403 }.');
  }
  const headers: unknown = decision.headers ?? {};
  if (typeof headers !== 'object' || headers === null || !Object.values(headers).every((value) => typeof value === 'string')) {
    throw new DataLayerError('policy.authorize returned headers that are not an object of strings.');
  }
  const fallback = decision.status === 401 ? 'Sign in again, then retry the search.' : 'You do not have permission to search accounts on this site.';
  const message = typeof decision.message === 'string' && decision.message.trim() ? decision.message : fallback;
  return { status: decision.status, message, headers: headers as Record<string, string> };
}

/** The log line's words: which promise host code broke, by name; anything else is told by its cause, logged beside. */
function whatFailed(error: unknown): string {
  if (error instanceof DataLayerError) return error.message;
  return 'the search failed';
}

/** The request's path for the log: its query (what the admin typed, the user) stays out of server logs. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(unreadable URL)';
  }
}
