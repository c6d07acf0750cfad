/**
 * One HTTP exchange with the endpoint, recorded for the checks: status, headers, body, timing.
 * Never throws: a network failure or a timeout is an exchange too.
 */

export interface Exchange {
  /** What was asked, for the report: `GET /accounts/search?q=an&site=northwind&limit=10`. */
  label: string;
  method: string;
  url: string;
  status?: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when it is not JSON. */
  json?: unknown;
  jsonError?: string;
  ms: number;
  timedOut: boolean;
  /** Why no response arrived (refused, DNS, TLS…). */
  networkError?: string;
  /** The same-origin redirects followed on the way, in order (their targets). */
  redirects: string[];
  /**
   * Where a redirect to another origin pointed. It is not followed: the --header values are the
   * admin's credentials for the endpoint's origin, and the picker's own fetch would meet CORS or a
   * login page there. `status` and `headers` are the redirect's own.
   */
  offOrigin?: string;
}

/** Redirects followed within the endpoint's origin, at most: past that the exchange is a network error. */
export const MAX_REDIRECTS = 5;

export interface SearchParams {
  q?: string;
  site?: string;
  user?: string;
  limit?: number;
  cursor?: string;
}

/** The URL the picker would request: the endpoint's own query string kept, our parameters added. */
export function searchUrl(endpoint: string, params: SearchParams): string {
  const url = new URL(endpoint);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

function describe(method: string, url: string): string {
  const parsed = new URL(url);
  return `${method} ${parsed.pathname}${parsed.search}`;
}

/** The message inside a fetch failure (undici puts the useful part in `cause`). */
function networkMessage(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error as Error)?.message ?? String(error);
}

/** Bodies are read up to this size: a search page is far smaller, and the checker must not fill memory. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** The body as text, cut (and the connection dropped) past MAX_BODY_BYTES. */
async function boundedText(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      break;
    }
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** A redirect's target, resolved against the URL that answered it; undefined when it is not a redirect. */
function redirectTarget(response: Response, from: string): URL | undefined {
  const location = response.headers.get('Location');
  if (response.status < 300 || response.status > 399 || location === null) return undefined;
  try {
    return new URL(location, from);
  } catch {
    return undefined;
  }
}

export async function exchange(method: string, url: string, headers: Headers, timeoutMs: number): Promise<Exchange> {
  const started = performance.now();
  const redirects: string[] = [];
  const base = { label: describe(method, url), method, url, headers: new Headers(), text: '', timedOut: false, redirects };
  // One time limit for the whole chain of redirects, as the picker's timeout would be.
  const signal = AbortSignal.timeout(timeoutMs);
  const origin = new URL(url).origin;
  try {
    // Redirects by hand: fetch's own following drops only Authorization on a cross-origin hop and
    // would carry every other --header value (an API key, a cookie) to wherever the endpoint points.
    let current = url;
    let response = await fetch(current, { method, headers, redirect: 'manual', signal });
    for (let target = redirectTarget(response, current); target; target = redirectTarget(response, current)) {
      await response.body?.cancel();
      if (target.origin !== origin) {
        return { ...base, status: response.status, headers: response.headers, ms: performance.now() - started, offOrigin: target.href };
      }
      if (redirects.length >= MAX_REDIRECTS) {
        return { ...base, ms: performance.now() - started, networkError: `more than ${MAX_REDIRECTS} redirects (last to ${target.href})` };
      }
      current = target.href;
      redirects.push(current);
      response = await fetch(current, { method, headers, redirect: 'manual', signal });
    }
    const text = await boundedText(response);
    const ms = performance.now() - started;
    const result: Exchange = { ...base, status: response.status, headers: response.headers, text, ms };
    try {
      result.json = text === '' ? undefined : JSON.parse(text);
      if (text === '') result.jsonError = 'the body is empty';
    } catch (error) {
      result.jsonError = (error as Error).message;
    }
    return result;
  } catch (error) {
    const ms = performance.now() - started;
    const name = (error as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ...base, ms, timedOut: true };
    return { ...base, ms, networkError: networkMessage(error) };
  }
}
