/**
 * Reads a search response body (docs/endpoint.md, docs/openapi.yaml) into a `SearchResponse` the rest of the picker can
 * trust, or says why it cannot: as data (`reason`, for a UI to word in its own language) and in one
 * specific English sentence (`message`, for developers).
 *
 * The body is rejected as a whole only when the picker could not show anything truthful: no site (the
 * rules need its labels) or no list of accounts. Anything smaller is read as the contract says and
 * noted in `problems`: malformed accounts are left out, non-object contracts are dropped, and optional
 * fields of the wrong type are left out so that nothing downstream sees a type it was not promised.
 * Unknown extra fields are kept.
 */
import type { Account, Contract, ParseResult, ReceivedKind, ResponseRejection, SearchResponse, Site } from './types.js';

type Loose = Record<string, unknown>;

// Every field the contract types is one level deep and of a primitive type, so a check per field is
// the whole schema: plain functions, no schema library (valibot did the same for 1.7 kB gz more in
// the drop-in, and more slowly per account, which counts at 10,000 accounts).
type Check = (value: unknown) => boolean;
const isString: Check = (x) => typeof x === 'string';
const isNumber: Check = (x) => typeof x === 'number' && !Number.isNaN(x);
const isBoolean: Check = (x) => typeof x === 'boolean';
// A blank id or name cannot be shown or selected, so whitespace-only counts as empty.
const nonBlank: Check = (x) => typeof x === 'string' && x.trim() !== '';
const orNull =
  (check: Check): Check =>
  (x) =>
    x === null || check(x);
/** An object, and not an array: a list of accounts is never one account. */
const isRecord = (x: unknown): x is Loose => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Optional fields, by name: absent (or undefined) is fine; a wrong type makes the field absent. */
type Fields = Record<string, Check>;

/** Optional fields of the body and the site. */
const BODY_FIELDS: Fields = { asOf: isString, syncWindowMinutes: isNumber, nextCursor: orNull(isString), total: isNumber };
const SITE_FIELDS: Fields = { name: isString, includeUnlabeled: isBoolean };
/** An account's optional fields; a blank or missing `id` or `name` makes it malformed. */
const ACCOUNT_FIELDS: Fields = { number: isString, portalSyncedAt: orNull(isString), linkedToUser: isBoolean };
const CONTRACT_FIELDS: Fields = {
  id: isString,
  number: isString,
  role: isString,
  status: isString,
  privateLabel: orNull(isString),
  bookedAt: orNull(isString),
};

const EXPECTED: Record<string, string> = {
  id: 'expected a string',
  number: 'expected a string',
  role: 'expected a string, read as a role that does not count',
  status: 'expected a string, read as not active',
  asOf: 'expected a string',
  name: 'expected a string',
  nextCursor: 'expected a string or null, read as no more results',
  syncWindowMinutes: 'expected a number, read as the default',
  total: 'expected a number',
  includeUnlabeled: 'expected true or false, read as false',
  portalSyncedAt: 'expected a timestamp or null, read as unknown',
  linkedToUser: 'expected true or false',
  privateLabel: 'expected a string or null, read as an unknown label',
  bookedAt: 'expected a timestamp or null, read as unknown',
};

/** Collects problem lines, one per distinct problem however many entries share it. */
class Problems {
  #seen = new Map<string, { first: string; count: number; text: string }>();

  /** `shape` names the problem without indices, so accounts[3].name and accounts[7].name are one. */
  add(path: string, text: string): void {
    const shape = `${path.replace(/\[\d+\]/g, '[]')}: ${text}`;
    const seen = this.#seen.get(shape);
    if (seen) seen.count++;
    else this.#seen.set(shape, { first: path, count: 1, text });
  }

  lines(): string[] {
    return [...this.#seen.values()].map(({ first, count, text }) =>
      count === 1 ? `${first}: ${text}` : `${first} and ${count - 1} more like it: ${text}`,
    );
  }
}

/** What `value` is, for a rejection's `got`. */
function kindOf(value: unknown): ReceivedKind {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'text';
  return typeof value as 'number' | 'boolean' | 'bigint' | 'symbol' | 'function';
}

/** `kind` in English, as in "got a list". */
const KIND_WORDS: Record<ReceivedKind, string> = {
  nothing: 'nothing',
  null: 'null',
  list: 'a list',
  object: 'an object',
  text: 'text',
  number: 'a number',
  boolean: 'a boolean',
  bigint: 'a bigint',
  symbol: 'a symbol',
  function: 'a function',
};

/** The English sentence for a rejection, for developers. */
function englishMessage(reason: ResponseRejection): string {
  switch (reason.code) {
    case 'not-object':
      return `the response is not an object (got ${KIND_WORDS[reason.got]})`;
    case 'site-missing':
      return 'site is missing';
    case 'site-not-object':
      return `site is not an object (got ${KIND_WORDS[reason.got]})`;
    case 'site-id-missing':
      return 'site.id is missing';
    case 'site-id-invalid':
      return 'site.id is not a non-empty string';
    case 'accounts-missing':
      return 'accounts is missing';
    case 'accounts-not-list':
      return `accounts is not a list (got ${KIND_WORDS[reason.got]})`;
  }
}

/** Why a body cannot be used at all (site first, then accounts), or undefined when it can. */
function bodyRejection(body: Loose): ResponseRejection | undefined {
  const { site, accounts } = body;
  if (site === undefined) return { code: 'site-missing' };
  if (!isRecord(site)) return { code: 'site-not-object', got: kindOf(site) };
  const id = site.id;
  if (id === undefined) return { code: 'site-id-missing' };
  if (!nonBlank(id)) return { code: 'site-id-invalid', got: kindOf(id) };
  if (accounts === undefined) return { code: 'accounts-missing' };
  if (!Array.isArray(accounts)) return { code: 'accounts-not-list', got: kindOf(accounts) };
  return undefined;
}

function rejected(reason: ResponseRejection): ParseResult {
  return { ok: false, reason, message: englishMessage(reason) };
}

/**
 * `entry` itself when every typed field is right; else a copy without the wrong ones, each noted.
 * `at` names the entry ('' for the body) and is called only for a problem: most entries have none, and
 * 10,000 paths built for nothing would cost more than the checks.
 */
function withoutBadFields(entry: Loose, fields: Fields, at: () => string, problems: Problems): Loose {
  let copy: Loose | undefined;
  for (const key in fields) {
    const value = entry[key];
    if (value === undefined || fields[key]!(value)) continue;
    copy ??= { ...entry };
    delete copy[key];
    const path = at();
    problems.add(path === '' ? key : `${path}.${key}`, EXPECTED[key] ?? 'unexpected type, ignored');
  }
  return copy ?? entry;
}

function readSite(raw: Loose, problems: Problems): Site {
  const site = { ...withoutBadFields(raw, SITE_FIELDS, () => 'site', problems) };
  const labels = raw.privateLabels;
  if (!Array.isArray(labels)) {
    problems.add('site.privateLabels', 'expected a list, read as no labels');
    site.privateLabels = [];
  } else if (!labels.every((label) => typeof label === 'string')) {
    problems.add('site.privateLabels', 'expected text labels, others ignored');
    site.privateLabels = labels.filter((label) => typeof label === 'string');
  }
  return site as unknown as Site;
}

function readContracts(raw: unknown, at: () => string, problems: Problems): Contract[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(`${at()}.contracts`, 'expected a list, read as no contracts');
    return [];
  }
  const contracts: Contract[] = [];
  raw.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) {
      problems.add(`${at()}.contracts[${index}]`, 'expected an object, left out');
      return;
    }
    contracts.push(withoutBadFields(entry, CONTRACT_FIELDS, () => `${at()}.contracts[${index}]`, problems) as unknown as Contract);
  });
  return contracts;
}

/** The account as the contract promises it, or undefined when it is malformed. */
function readAccount(raw: unknown, index: number, problems: Problems): Account | undefined {
  const at = () => `accounts[${index}]`;
  if (!isRecord(raw)) {
    problems.add(at(), 'expected an object');
    return undefined;
  }
  const idOk = nonBlank(raw.id);
  const nameOk = nonBlank(raw.name);
  if (!idOk || !nameOk) {
    if (!idOk) problems.add(`${at()}.id`, 'expected a non-empty string');
    if (!nameOk) problems.add(`${at()}.name`, 'expected a non-empty string');
    return undefined;
  }
  const account = { ...withoutBadFields(raw, ACCOUNT_FIELDS, at, problems) };
  account.contracts = readContracts(raw.contracts, at, problems);
  return account as unknown as Account;
}

/**
 * Validates a search response body. Never throws.
 *
 * @returns `ok: false` with the reason (as data and in English) when the body cannot be used at all;
 * otherwise the response with malformed accounts left out, how many were, and one line per distinct
 * problem.
 */
export function parseSearchResponse(body: unknown): ParseResult {
  if (!isRecord(body)) return rejected({ code: 'not-object', got: kindOf(body) });
  const rejection = bodyRejection(body);
  if (rejection) return rejected(rejection);
  const raw = body as Loose & { site: Loose; accounts: unknown[] };
  const problems = new Problems();
  const response = { ...withoutBadFields(raw, BODY_FIELDS, () => '', problems) } as unknown as SearchResponse;
  response.site = readSite(raw.site, problems);

  const accounts: Account[] = [];
  let malformed = 0;
  raw.accounts.forEach((entry, index) => {
    const account = readAccount(entry, index, problems);
    if (account) accounts.push(account);
    else malformed++;
  });
  response.accounts = accounts;
  return { ok: true, response, malformed, problems: problems.lines() };
}
