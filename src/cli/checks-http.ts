/** Checks on the HTTP around the body: error answers, rate limiting, CORS, latency. */
import type { Exchange } from './http.js';
import type { CheckOptions } from './options.js';
import type { Observations } from './probe.js';
import { check, type CheckResult } from './report.js';

/** An error body the picker (and a developer reading the network tab) can use: JSON with a message. */
function errorBodyProblem(ex: Exchange): string | undefined {
  if (ex.json === undefined) return `its body is not JSON (${ex.headers.get('Content-Type') ?? 'no Content-Type'})`;
  const message = (ex.json as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.trim() ? undefined : 'its JSON body has no "message"';
}

export function errorsCheck(observations: Observations, options: CheckOptions): CheckResult {
  const title = 'Error answers (400, 401/403)';
  const findings: { verdict: 'warn' | 'fail'; message: string; detail: string }[] = [];
  const passes: string[] = [];

  const noSite = observations.withoutSite;
  if (noSite.status !== undefined && noSite.status >= 200 && noSite.status < 300) {
    findings.push({ verdict: 'warn', message: 'A search without site answered 2xx: refuse it with 400, the site decides which accounts can be linked.', detail: `${noSite.label} → HTTP ${noSite.status}` });
  } else if (noSite.status !== undefined && noSite.status >= 400 && noSite.status < 500) {
    const problem = errorBodyProblem(noSite);
    if (problem) findings.push({ verdict: 'warn', message: `The ${noSite.status} for a missing site can't be explained: ${problem}. Answer { "error": "…", "message": "…" }.`, detail: `${noSite.label} → HTTP ${noSite.status}` });
    else passes.push(`a missing site → ${noSite.status} with a message`);
  }

  const anonymous = observations.withoutCredentials;
  let auth = 'pass your credentials with --header to check that the endpoint refuses a request without them';
  if (anonymous?.status === 401 || anonymous?.status === 403) {
    const problem = errorBodyProblem(anonymous);
    if (problem) findings.push({ verdict: 'warn', message: `The ${anonymous.status} without credentials: ${problem}. Answer { "error": "…", "message": "…" }.`, detail: `${anonymous.label} → HTTP ${anonymous.status}` });
    else passes.push(`no credentials → ${anonymous.status} with a message`);
    auth = '';
  } else if (anonymous?.status !== undefined && anonymous.status >= 200 && anonymous.status < 300) {
    findings.push({
      verdict: 'warn',
      message: `Without the --header credentials the endpoint still answered ${anonymous.status}: if account data is not public, require authentication and answer 401.`,
      detail: `${anonymous.label} (no ${options.headers.map(([n]) => n).join(', ')}) → HTTP ${anonymous.status}`,
    });
    auth = '';
  } else if (anonymous) {
    auth = `without credentials: HTTP ${anonymous.status ?? 'no answer'}`;
  }

  if (findings.length > 0) {
    const verdict = findings.some((f) => f.verdict === 'fail') ? 'fail' : 'warn';
    return check('errors', title, verdict, findings.map((f) => f.message).join(' '), findings.map((f) => f.detail));
  }
  if (passes.length === 0) return check('errors', title, 'skip', `Not observed: ${auth}.`);
  return check('errors', title, 'pass', `${passes.join('; ')}${auth ? `; 401/403 ${auth}` : ''}.`);
}

/**
 * Redirects: followed within the endpoint's origin, never to another one (the checker keeps the
 * --header values at home, and the picker's fetch would meet CORS or a login page there).
 */
export function redirectsCheck(observations: Observations): CheckResult {
  const title = 'Stays on its origin (redirects)';
  const elsewhere = observations.all.filter((ex) => ex.offOrigin !== undefined);
  if (elsewhere.length > 0) {
    const targets = [...new Set(elsewhere.map((ex) => new URL(ex.offOrigin!).origin))];
    return check(
      'redirects',
      title,
      'fail',
      `${elsewhere.length} of ${observations.all.length} requests were redirected to another origin (${targets.join(', ')}), not followed: the --header values were not sent there. The picker's fetch would meet CORS or a login page there: give the picker the final URL, or answer at this one.`,
      elsewhere.map((ex) => `${ex.label} → HTTP ${ex.status} to ${ex.offOrigin}`),
    );
  }
  const moved = observations.all.filter((ex) => ex.redirects.length > 0);
  if (moved.length === 0) return check('redirects', title, 'pass', 'No request was redirected.');
  return check(
    'redirects',
    title,
    'pass',
    `${moved.length} requests were redirected, followed within ${new URL(moved[0]!.url).origin}: each costs the admin a round trip, so give the picker the final URL (${moved[0]!.redirects.at(-1)}).`,
  );
}

export function rateLimitCheck(observations: Observations, options: CheckOptions): CheckResult {
  const title = 'Rate limiting (429 + Retry-After)';
  const limited = observations.all.filter((ex) => ex.status === 429);
  if (limited.length === 0) {
    return check(
      'rate-limit',
      title,
      'skip',
      options.burst > 0
        ? `Not observed: no 429 in ${observations.all.length} requests (${options.burst} at once). When you rate-limit, answer 429 with Retry-After.`
        : 'Not checked (--burst 0).',
    );
  }
  const noRetryAfter = limited.filter((ex) => !/^\s*(\d+|[A-Z][a-z]{2}, .+GMT)\s*$/.test(ex.headers.get('Retry-After') ?? ''));
  if (noRetryAfter.length > 0) {
    return check(
      'rate-limit',
      title,
      'fail',
      `${noRetryAfter.length} of ${limited.length} answers 429 have no valid Retry-After: the picker can't tell the admin when to retry. Send "Retry-After: <seconds>".`,
      noRetryAfter.map((ex) => `${ex.label} → 429, Retry-After ${JSON.stringify(ex.headers.get('Retry-After'))}`),
    );
  }
  const badBody = limited.map(errorBodyProblem).find(Boolean);
  if (badBody) return check('rate-limit', title, 'warn', `429 with Retry-After, but ${badBody}: answer { "error": "rate-limited", "message": "…" }.`);
  return check('rate-limit', title, 'pass', `${limited.length} answers 429, each with Retry-After (${limited[0]!.headers.get('Retry-After')}) and a message.`);
}

export function corsCheck(observations: Observations, options: CheckOptions): CheckResult {
  const title = 'CORS';
  const origin = options.origin;
  if (!origin) return check('cors', title, 'skip', 'Not checked: pass --origin <the portal page\'s origin> when the picker\'s page and the endpoint are on different origins.');
  const problems: string[] = [];
  const details: string[] = [];
  const allows = (ex: Exchange) => {
    const allowed = ex.headers.get('Access-Control-Allow-Origin');
    return allowed === '*' || allowed === origin;
  };

  const preflight = observations.preflight!;
  const requested = (options.headers.map(([n]) => n.toLowerCase())).filter((n) => !['accept', 'accept-language', 'content-language', 'content-type'].includes(n));
  if (preflight.status === undefined || preflight.status < 200 || preflight.status > 299) {
    problems.push(`The preflight (OPTIONS) answered ${preflight.status ?? 'nothing'}: answer 204 to OPTIONS from ${origin}.`);
    details.push(`${preflight.label} → HTTP ${preflight.status ?? 'no answer'}`);
  } else {
    if (!allows(preflight)) problems.push(`The preflight has no Access-Control-Allow-Origin for ${origin}.`);
    const methods = (preflight.headers.get('Access-Control-Allow-Methods') ?? '').toUpperCase();
    if (methods && !/\bGET\b|\*/.test(methods)) problems.push('The preflight does not allow GET (Access-Control-Allow-Methods).');
    const allowedHeaders = (preflight.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase().split(',').map((h) => h.trim());
    const missing = requested.filter((h) => !allowedHeaders.includes(h) && !allowedHeaders.includes('*'));
    if (missing.length > 0) problems.push(`The preflight does not allow the header${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (Access-Control-Allow-Headers).`);
    details.push(`${preflight.label} → ${corsHeaders(preflight)}`);
  }

  const gets = observations.firstPages.filter((p) => p.status !== undefined);
  const refused = gets.filter((p) => !allows(p));
  if (refused.length > 0) {
    problems.push(`${refused.length} of ${gets.length} searches have no Access-Control-Allow-Origin for ${origin}: the browser hides the answer from the picker, which reports a network error.`);
    details.push(`${refused[0]!.label} → ${corsHeaders(refused[0]!)}`);
  }
  const echoes = gets.find((p) => p.headers.get('Access-Control-Allow-Origin') === origin);
  if (problems.length === 0 && echoes && !/\borigin\b/i.test(echoes.headers.get('Vary') ?? '')) {
    return check('cors', title, 'warn', `Access-Control-Allow-Origin echoes ${origin} without "Vary: Origin": a cache between may serve one origin's answer to another.`, details);
  }
  if (problems.length > 0) return check('cors', title, 'fail', problems.join(' '), details);
  return check('cors', title, 'pass', `A page on ${origin} may call the endpoint (preflight and GET).`, details);
}

function corsHeaders(ex: Exchange): string {
  const names = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers', 'Access-Control-Allow-Credentials'];
  const present = names.filter((n) => ex.headers.has(n)).map((n) => `${n}: ${ex.headers.get(n)}`);
  return present.length > 0 ? present.join('; ') : 'no Access-Control-* headers';
}

/** Median and 95th percentile of the answered searches' durations. */
export function latencyOf(observations: Observations): { requests: number; medianMs: number; p95Ms: number } | undefined {
  const burst = new Set(observations.burst);
  const times = observations.all.filter((ex) => ex.status !== undefined && ex.method === 'GET' && !burst.has(ex)).map((ex) => ex.ms).sort((a, b) => a - b);
  if (times.length === 0) return undefined;
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  return { requests: times.length, medianMs: Math.round(at(0.5)), p95Ms: Math.round(at(0.95)) };
}

/** Slower than this at p95 and the admin, typing, waits visibly. */
const SLOW_P95_MS = 1000;

export function latencyCheck(observations: Observations, options: CheckOptions): CheckResult {
  const title = 'Latency';
  const timedOut = observations.all.filter((ex) => ex.timedOut);
  const latency = latencyOf(observations);
  const figures = latency ? `median ${latency.medianMs} ms, p95 ${latency.p95Ms} ms over ${latency.requests} searches` : 'no search answered';
  if (timedOut.length > 0) {
    return check(
      'latency',
      title,
      'fail',
      `${timedOut.length} requests got no answer within ${options.timeoutMs} ms (the picker gives up at its timeout and shows "timed out"); ${figures}. Make the search faster (an index on name and number, a smaller page) or raise the picker's timeout.`,
      timedOut.map((ex) => ex.label),
    );
  }
  if (!latency) return check('latency', title, 'skip', 'Not observed: no search answered.');
  if (latency.p95Ms > SLOW_P95_MS) {
    return check('latency', title, 'warn', `${figures}: the admin waits visibly after each pause in typing. Aim for under ${SLOW_P95_MS} ms at p95.`);
  }
  return check('latency', title, 'pass', `${figures}.`);
}
