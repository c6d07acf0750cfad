/** Checks on each search answer: status, Content-Type, the body against the schema, asOf, user. */
import { evaluateAccount, serverNow } from '../rules/evaluate-account.js';
import type { EligibilityCode } from '../rules/types.js';
import type { SearchExchange } from './probe.js';
import { check, type CheckResult } from './report.js';

/** `asOf` further than this from the local clock (after allowing for the round trip) is suspicious. */
const CLOCK_SKEW_WARN_MS = 2 * 60_000;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 80)}…` : flat;
}

export function statusCheck(pages: SearchExchange[], timeoutMs: number): CheckResult {
  const bad = pages.filter((p) => p.status === undefined || p.status < 200 || p.status > 299);
  if (bad.length === 0) return check('status', 'Searches answer 200', 'pass', `${pages.length} searches answered ${[...new Set(pages.map((p) => p.status))].join(', ')}.`);
  const details = bad.map((p) =>
    p.timedOut
      ? `${p.label} → no answer within ${timeoutMs} ms`
      : p.networkError
        ? `${p.label} → ${p.networkError}`
        : p.offOrigin
          ? `${p.label} → HTTP ${p.status} to ${p.offOrigin} (another origin: not followed)`
          : `${p.label} → HTTP ${p.status} ${snippet(p.text)}`,
  );
  const first = bad[0]!;
  const why = first.offOrigin
    ? `the endpoint redirects to another origin (${first.offOrigin}), which the checker does not follow with your --header values and where the picker's fetch would meet CORS or a login page: answer at this URL`
    : first.networkError
    ? `the request failed (${first.networkError}): check the URL, that the server listens there and its TLS certificate`
    : first.timedOut
      ? `no answer within ${timeoutMs} ms, the picker's timeout: answer faster, or the admin sees "timed out"`
      : `HTTP ${first.status}: a search with q, site and limit must answer 200 with the results (an empty list when nothing matches)`;
  return check('status', 'Searches answer 200', 'fail', `${bad.length} of ${pages.length} searches failed; ${why}.`, details);
}

export function contentTypeCheck(pages: SearchExchange[]): CheckResult {
  const answered = pages.filter((p) => p.status !== undefined && p.status >= 200 && p.status < 300);
  if (answered.length === 0) return check('content-type', 'Content-Type is JSON', 'skip', 'Not observed: no search answered 2xx.');
  const wrong = answered.filter((p) => !/^application\/([\w.+-]+\+)?json\b/i.test(p.headers.get('Content-Type') ?? ''));
  if (wrong.length === 0) return check('content-type', 'Content-Type is JSON', 'pass', 'Every answer is application/json.');
  const types = [...new Set(wrong.map((p) => p.headers.get('Content-Type') ?? '(none)'))];
  return check(
    'content-type',
    'Content-Type is JSON',
    'fail',
    `Answers came as ${types.join(', ')}: send "Content-Type: application/json" (an HTML page here usually means a login redirect, a proxy error or a SPA fallback route in front of the API).`,
    wrong.map((p) => `${p.label} → ${p.headers.get('Content-Type') ?? '(no Content-Type)'}: ${snippet(p.text)}`),
  );
}

export function schemaCheck(pages: SearchExchange[]): CheckResult {
  const answered = pages.filter((p) => p.status !== undefined && p.status >= 200 && p.status < 300);
  if (answered.length === 0) return check('schema', 'Body matches the schema', 'skip', 'Not observed: no search answered 2xx.');
  const rejected: string[] = [];
  const malformed: string[] = [];
  const ignored: string[] = [];
  let malformedCount = 0;
  const codes = new Map<EligibilityCode, number>();
  let accounts = 0;
  for (const page of answered) {
    if (page.jsonError !== undefined) {
      rejected.push(`${page.label} → not JSON (${page.jsonError}): ${snippet(page.text)}`);
      continue;
    }
    const parsed = page.parsed!;
    if (!parsed.ok) {
      rejected.push(`${page.label} → ${parsed.message}`);
      continue;
    }
    const { site, asOf, syncWindowMinutes } = parsed.response;
    const now = serverNow(asOf, 0, 0);
    for (const account of parsed.response.accounts) {
      accounts += 1;
      const { code } = evaluateAccount(account, { site, now, syncWindowMinutes });
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    // The parser counts the accounts it left out, and its lines name each path and problem: those
    // lines that point at a whole account, its id or its name are the malformed ones.
    malformedCount += parsed.malformed;
    for (const line of parsed.problems) {
      const left = /^accounts\[\d+\](: expected an object|\.(id|name): expected a non-empty string)/.test(line);
      (left ? malformed : ignored).push(`${page.label} → ${line}`);
    }
  }
  if (rejected.length > 0) {
    return check(
      'schema',
      'Body matches the schema',
      'fail',
      `${rejected.length} of ${answered.length} answers can't be read at all: the picker shows "invalid response" instead of results. The body must be a JSON object with site { id, privateLabels } and accounts [] (docs/openapi.yaml).`,
      [...rejected, ...malformed],
    );
  }
  if (malformedCount > 0) {
    return check(
      'schema',
      'Body matches the schema',
      'fail',
      `${malformedCount} malformed accounts: the picker leaves them out and tells the admin some results are missing. Every account needs a non-empty string id and name.`,
      [...malformed, ...ignored],
    );
  }
  const breakdown = [...codes].map(([code, n]) => `${n} ${code}`).join(', ');
  if (ignored.length > 0) {
    return check(
      'schema',
      'Body matches the schema',
      'warn',
      `Readable, but some fields have the wrong type and are ignored (read as unknown), which can change the verdicts. ${accounts} accounts: ${breakdown || 'none'}.`,
      ignored,
    );
  }
  return check('schema', 'Body matches the schema', 'pass', `${answered.length} answers read by the picker's own parser; ${accounts} accounts: ${breakdown || 'none (try a --query that matches)'}.`);
}

export function clockCheck(pages: SearchExchange[], startedAt: number): CheckResult {
  const read = pages.filter((p) => p.parsed?.ok);
  if (read.length === 0) return check('as-of', 'asOf is the server clock', 'skip', 'Not observed: no readable answer.');
  const missing = read.filter((p) => p.parsed!.ok && p.parsed!.response.asOf === undefined);
  if (missing.length === read.length) {
    return check(
      'as-of',
      'asOf is the server clock',
      'warn',
      'No answer carries asOf: the picker then measures the 15-minute sync window against the admin\'s own clock, which may be wrong. Send asOf (ISO-8601, your server\'s "now").',
    );
  }
  const skews: string[] = [];
  for (const page of read) {
    if (!page.parsed!.ok) continue;
    const asOf = page.parsed!.response.asOf;
    if (asOf === undefined) continue;
    const at = Date.parse(asOf);
    // The answer was produced between the run's start and now; allow that, plus the request's own time.
    const skew = at < startedAt - page.ms ? at - startedAt : at > Date.now() ? at - Date.now() : 0;
    if (Math.abs(skew) > CLOCK_SKEW_WARN_MS) skews.push(`${page.label} → asOf ${asOf}, ${Math.round(skew / 60_000)} min from this machine's clock`);
  }
  if (skews.length > 0) {
    return check(
      'as-of',
      'asOf is the server clock',
      'warn',
      'asOf is more than 2 minutes from this machine\'s clock: countdowns to "linkable" will be off by that much. Check NTP on the server (or on this machine).',
      skews,
    );
  }
  return check('as-of', 'asOf is the server clock', 'pass', 'asOf is present and agrees with this machine\'s clock.');
}

export function userCheck(pages: SearchExchange[], user: string | undefined): CheckResult {
  if (!user) return check('linked-to-user', 'user → linkedToUser', 'skip', 'Not checked: pass --user <id> to check that accounts say whether they are linked to that user.');
  const accounts = pages.flatMap((p) => (p.parsed?.ok ? p.parsed.response.accounts : []));
  if (accounts.length === 0) return check('linked-to-user', 'user → linkedToUser', 'skip', 'Not observed: no account came back; use a --query that matches.');
  const without = accounts.filter((a) => typeof a.linkedToUser !== 'boolean');
  if (without.length === 0) {
    const linked = accounts.filter((a) => a.linkedToUser).length;
    return check('linked-to-user', 'user → linkedToUser', 'pass', `Every account says linkedToUser (${linked} of ${accounts.length} linked to ${user}).`);
  }
  return check(
    'linked-to-user',
    'user → linkedToUser',
    'warn',
    `${without.length} of ${accounts.length} accounts have no linkedToUser although user=${user} was sent: the picker can't show them as "already linked", and the admin may try to link them twice. Set linkedToUser: true or false on every account when user is given.`,
    // When none says it, the list would only repeat the accounts: the sentence says it all.
    without.length < accounts.length ? without.map((a) => `account ${a.id} (${a.name})`) : [],
  );
}
