/**
 * The search's query parameters (docs/endpoint.md, "The request"), read and validated: pure, no
 * `Request`, so each rule is tested on plain `URLSearchParams`. Every refusal names its parameter.
 */

/** The parameters the handler reads; any other (a host's own `tenant=7`) is left alone. */
export const SEARCH_PARAMETERS = ['q', 'site', 'limit', 'cursor', 'user'] as const;
export type SearchParameterName = (typeof SEARCH_PARAMETERS)[number];

/** Characters an admin can't type into a search box and no id holds: C0 controls, DEL, C1 controls. */
const CONTROL = /\p{Cc}/u;
/** The fewest characters a query has: the picker's `min-chars` default, and below it every account matches. */
export const MIN_QUERY_LENGTH = 2;
/** The longest `site` and `user` ids: far beyond any real id, short enough to echo in a message. */
export const MAX_ID_LENGTH = 200;
/** A `limit` longer than this many digits is no page size (and `Number` would lose its value). */
const MAX_LIMIT_DIGITS = 9;

export interface ParameterLimits {
  defaultLimit: number;
  maxLimit: number;
  maxQueryLength: number;
  /** The longest `cursor` read at all: anything longer is refused before it is decoded. */
  maxCursorLength: number;
}

/** A search request's parameters, validated: what the policy, the cursor and the data layer receive. */
export interface SearchParameters {
  /** `q`, trimmed. */
  text: string;
  site: string;
  /** Absent when the request named no user (or an empty one, as a host with no user set may send). */
  user?: string;
  /** Already clamped to `maxLimit`. */
  limit: number;
  /** Still sealed: the handler opens it once the caller is authorized. */
  cursor?: string;
}

export interface ParameterProblem {
  code: 'missing-parameter' | 'invalid-parameter' | 'repeated-parameter' | 'invalid-cursor';
  parameter: SearchParameterName;
  message: string;
}

export type ParameterResult = { ok: true; parameters: SearchParameters } | { ok: false; problem: ParameterProblem };

const codePoints = (text: string) => [...text].length;

function problem(code: ParameterProblem['code'], parameter: SearchParameterName, message: string): ParameterResult {
  return { ok: false, problem: { code, parameter, message } };
}

/** An id (`site`, `user`): not too long, no control characters. */
function idProblem(name: 'site' | 'user', value: string): ParameterResult | undefined {
  if (codePoints(value) > MAX_ID_LENGTH) return problem('invalid-parameter', name, `${name} is longer than ${MAX_ID_LENGTH} characters.`);
  if (CONTROL.test(value)) return problem('invalid-parameter', name, `${name} contains a control character.`);
  return undefined;
}

/**
 * Reads `q`, `site`, `limit`, `cursor` and `user`. A parameter given twice is refused rather than
 * guessed at: which one a proxy, a framework and this handler would each pick differs.
 */
export function readParameters(params: URLSearchParams, limits: ParameterLimits): ParameterResult {
  for (const name of SEARCH_PARAMETERS) {
    const count = params.getAll(name).length;
    if (count > 1) return problem('repeated-parameter', name, `${name} was given ${count} times: give it once.`);
  }

  const site = params.get('site')?.trim() ?? '';
  if (!site) return problem('missing-parameter', 'site', 'site is required: the portal site decides which accounts can be linked.');
  const badSite = idProblem('site', site);
  if (badSite) return badSite;

  const rawQuery = params.get('q');
  if (rawQuery === null) return problem('missing-parameter', 'q', 'q is required: what the admin typed.');
  const text = rawQuery.trim();
  const length = codePoints(text);
  if (length < MIN_QUERY_LENGTH) return problem('invalid-parameter', 'q', `q must be at least ${MIN_QUERY_LENGTH} characters (not counting spaces around it).`);
  if (length > limits.maxQueryLength) return problem('invalid-parameter', 'q', `q must be at most ${limits.maxQueryLength} characters.`);
  if (CONTROL.test(text)) return problem('invalid-parameter', 'q', 'q contains a control character.');

  const rawLimit = params.get('limit');
  let limit = limits.defaultLimit;
  if (rawLimit !== null) {
    if (!/^\d+$/.test(rawLimit) || /^0+$/.test(rawLimit)) return problem('invalid-parameter', 'limit', 'limit must be a positive integer.');
    // Past any maxLimit already: clamp without handing Number a value it would round.
    limit = rawLimit.replace(/^0+/, '').length > MAX_LIMIT_DIGITS ? limits.maxLimit : Math.min(Number(rawLimit), limits.maxLimit);
  }

  // `user=` with nothing is how a host with no user set may still send it: no user, as if absent.
  const user = params.get('user') || undefined;
  if (user !== undefined) {
    const badUser = idProblem('user', user);
    if (badUser) return badUser;
  }

  const cursor = params.get('cursor');
  if (cursor !== null) {
    if (cursor === '') return problem('invalid-cursor', 'cursor', 'cursor is empty: search again from the first page.');
    if (cursor.length > limits.maxCursorLength) return problem('invalid-cursor', 'cursor', 'cursor is not one this server gave: search again from the first page.');
  }

  const parameters: SearchParameters = { text, site, limit };
  if (user !== undefined) parameters.user = user;
  if (cursor !== null) parameters.cursor = cursor;
  return { ok: true, parameters };
}
