/**
 * The command line of `link-account-picker check-endpoint`: flags, defaults and `--help`.
 * node:util's parseArgs, so the CLI adds no dependency.
 */
import { parseArgs } from 'node:util';

export interface CheckOptions {
  /** The search endpoint, absolute (`https://api.example.com/accounts/search`). */
  url: string;
  site: string;
  user?: string;
  /** Queries to search; the checker's own when none are given. */
  queries: string[];
  /** Extra request headers, e.g. credentials: `[['Authorization', 'Bearer …']]`. */
  headers: [string, string][];
  /** The origin of the page that will host the picker, for the CORS checks. */
  origin?: string;
  json: boolean;
  /** `limit` sent with each search: small, so that paging shows up. */
  limit: number;
  /** Most pages followed for one query. */
  maxPages: number;
  /** Milliseconds before one request counts as timed out (the picker's own default: 10 000). */
  timeoutMs: number;
  /** Requests sent at once to see how the endpoint rate-limits (0: don't). */
  burst: number;
}

export const DEFAULT_QUERIES = ['an', 'er', 'co'];

export const HELP = `Usage: link-account-picker check-endpoint <url> --site <id> [options]

Probes a search endpoint the way <link-account-picker> calls it and reports, check by check, what a
backend developer needs to fix. Exit code 0 when every required check passes, 1 when one fails,
2 on a usage error.

Arguments:
  <url>                  The endpoint, absolute (https://api.example.com/accounts/search).

Options:
  --site <id>            Portal site id, sent as \`site\` (required).
  --user <id>            Portal user id, sent as \`user\`: checks that accounts carry linkedToUser.
  --query <text>         A query to search; repeat for several (default: ${DEFAULT_QUERIES.map((q) => `"${q}"`).join(', ')}).
                         Give one with more matches than --limit to exercise paging.
  --header 'Name: value' A request header, e.g. credentials; repeat for several. Also checks that
                         the endpoint refuses the same request without them (401/403). Sent only
                         to the endpoint's origin: a redirect elsewhere is reported, not followed.
  --origin <origin>      The origin of the page hosting the picker (https://portal.example.com):
                         checks the CORS preflight and headers a browser needs.
  --limit <n>            \`limit\` sent with each search (default 10).
  --max-pages <n>        Most pages followed for one query (default 10).
  --timeout <ms>         Milliseconds before a request counts as timed out (default 10000, the
                         picker's own default).
  --burst <n>            Requests sent at once to observe rate limiting (429 + Retry-After);
                         0 to skip (default 25).
  --json                 Print a machine-readable report (JSON) instead of text.
  -h, --help             Show this help.

Example:
  npx link-account-picker check-endpoint https://api.example.com/accounts/search \\
    --site northwind --user u-2041 --query harbor --header 'Authorization: Bearer eyJ…' \\
    --origin https://portal.example.com
`;

export class UsageError extends Error {
  override name = 'UsageError';
}

function positiveInteger(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min} (got "${value}").`);
  return n;
}

/** `undefined` when the user asked for help; throws UsageError with a sentence for anything wrong. */
export function parseCheckArgs(args: string[]): CheckOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        site: { type: 'string' },
        user: { type: 'string' },
        query: { type: 'string', multiple: true },
        header: { type: 'string', multiple: true },
        origin: { type: 'string' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        'max-pages': { type: 'string' },
        timeout: { type: 'string' },
        burst: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return undefined;

  const [url, ...extra] = positionals;
  if (!url) throw new UsageError('Give the endpoint URL, e.g. check-endpoint https://api.example.com/accounts/search --site northwind.');
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}": quote a query with spaces, --query "${extra[0]}".`);
  try {
    const parsedUrl = new URL(url);
    if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') throw new Error();
  } catch {
    throw new UsageError(`"${url}" is not an absolute http(s) URL.`);
  }
  if (!values.site?.trim()) throw new UsageError('--site <id> is required: the portal site id the picker sends as `site`.');

  const headers = (values.header ?? []).map((line): [string, string] => {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UsageError(`--header "${line}" is not "Name: value".`);
    return [name, line.slice(colon + 1).trim()];
  });

  let origin: string | undefined;
  if (values.origin !== undefined) {
    try {
      origin = new URL(values.origin).origin;
      if (origin === 'null') throw new Error();
    } catch {
      throw new UsageError(`--origin "${values.origin}" is not an origin like https://portal.example.com.`);
    }
  }

  const queries = (values.query ?? []).map((q) => q.trim()).filter(Boolean);
  return {
    url,
    site: values.site.trim(),
    ...(values.user?.trim() ? { user: values.user.trim() } : {}),
    queries: queries.length > 0 ? queries : DEFAULT_QUERIES,
    headers,
    ...(origin ? { origin } : {}),
    json: values.json ?? false,
    limit: positiveInteger('limit', values.limit, 10),
    maxPages: positiveInteger('max-pages', values['max-pages'], 10),
    timeoutMs: positiveInteger('timeout', values.timeout, 10_000),
    burst: positiveInteger('burst', values.burst, 25, 0),
  };
}
