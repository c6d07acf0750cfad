/**
 * Talks to the endpoint: every request the checks need, made once, in a bounded number of steps
 * (queries × 1 page, at most `maxPages` pages of one query, a few error probes, one burst).
 */
import { parseSearchResponse } from '../rules/parse-response.js';
import type { ParseResult } from '../rules/types.js';
import { exchange, searchUrl, type Exchange, type SearchParams } from './http.js';
import type { CheckOptions } from './options.js';

export interface SearchExchange extends Exchange {
  params: SearchParams;
  /** The body read by the picker's own parser, when the body was JSON. */
  parsed?: ParseResult;
}

export interface Observations {
  /** The first page of each query, with `user` when given. */
  firstPages: SearchExchange[];
  /** The query whose pages were followed, and every page of it (the first included). */
  paging?: { query: string; pages: SearchExchange[]; stoppedAtMax: boolean };
  /** The first query without `site`: the endpoint should refuse it (400). */
  withoutSite: Exchange;
  /** The first query without the --header credentials, when some were given. */
  withoutCredentials?: Exchange;
  /** The CORS preflight for --origin. */
  preflight?: Exchange;
  /** The burst sent to observe rate limiting. */
  burst: Exchange[];
  /** Every exchange, in order: latency, 429s and CORS headers are read across all of them. */
  all: Exchange[];
  /** Local clock (ms) when the first request left and the last answer arrived. */
  startedAt: number;
}

/** The wait the checker honours after a 429 before retrying once; longer waits are not waited. */
const MAX_RETRY_WAIT_S = 5;

export async function observe(options: CheckOptions): Promise<Observations> {
  const all: Exchange[] = [];
  const headers = (withCredentials = true): Headers => {
    const h = new Headers({ Accept: 'application/json' });
    if (withCredentials) for (const [name, value] of options.headers) h.append(name, value);
    if (options.origin) h.set('Origin', options.origin);
    return h;
  };
  const get = async (params: SearchParams, withCredentials = true): Promise<Exchange> => {
    const url = searchUrl(options.url, params);
    let result = await exchange('GET', url, headers(withCredentials), options.timeoutMs);
    all.push(result);
    const wait = result.status === 429 ? Number(result.headers.get('Retry-After')) : NaN;
    if (Number.isFinite(wait) && wait >= 0 && wait <= MAX_RETRY_WAIT_S) {
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      result = await exchange('GET', url, headers(withCredentials), options.timeoutMs);
      all.push(result);
    }
    return result;
  };
  const search = async (params: SearchParams): Promise<SearchExchange> => {
    const result: SearchExchange = { ...(await get(params)), params };
    if (result.status !== undefined && result.status >= 200 && result.status < 300 && result.json !== undefined) {
      result.parsed = parseSearchResponse(result.json);
    }
    return result;
  };

  const startedAt = Date.now();
  const base = { site: options.site, limit: options.limit, ...(options.user ? { user: options.user } : {}) };
  const firstPages: SearchExchange[] = [];
  for (const q of options.queries) firstPages.push(await search({ q, ...base }));

  // Paging: the first query with a next page (else none: nothing to follow).
  let paging: Observations['paging'];
  const pagedIndex = firstPages.findIndex((page) => page.parsed?.ok && typeof page.parsed.response.nextCursor === 'string');
  if (pagedIndex >= 0) {
    const query = options.queries[pagedIndex]!;
    const pages = [firstPages[pagedIndex]!];
    const seen = new Set<string>();
    let stoppedAtMax = false;
    for (;;) {
      const last = pages.at(-1)!;
      const cursor = last.parsed?.ok ? last.parsed.response.nextCursor : undefined;
      if (typeof cursor !== 'string' || cursor === '' || seen.has(cursor)) break;
      if (pages.length >= options.maxPages) {
        stoppedAtMax = true;
        break;
      }
      seen.add(cursor);
      pages.push(await search({ q: query, ...base, cursor }));
    }
    paging = { query, pages, stoppedAtMax };
  }

  const firstQuery = options.queries[0]!;
  const withoutSite = await get({ q: firstQuery, limit: options.limit });
  const withoutCredentials = options.headers.length > 0 ? await get({ q: firstQuery, ...base }, false) : undefined;

  let preflight: Exchange | undefined;
  if (options.origin) {
    const h = new Headers({ Origin: options.origin, 'Access-Control-Request-Method': 'GET' });
    const requested = options.headers.map(([name]) => name.toLowerCase()).filter((n) => !SAFELISTED.has(n));
    if (requested.length > 0) h.set('Access-Control-Request-Headers', [...new Set(requested)].sort().join(','));
    preflight = await exchange('OPTIONS', searchUrl(options.url, { q: firstQuery, ...base }), h, options.timeoutMs);
    all.push(preflight);
  }

  const burstUrl = searchUrl(options.url, { q: firstQuery, ...base });
  const burst = await Promise.all(
    Array.from({ length: options.burst }, () => exchange('GET', burstUrl, headers(), options.timeoutMs)),
  );
  all.push(...burst);

  return {
    firstPages,
    ...(paging ? { paging } : {}),
    withoutSite,
    ...(withoutCredentials ? { withoutCredentials } : {}),
    ...(preflight ? { preflight } : {}),
    burst,
    all,
    startedAt,
  };
}

/** Request headers a browser sends cross-origin without asking the server first. */
const SAFELISTED = new Set(['accept', 'accept-language', 'content-language', 'content-type']);
