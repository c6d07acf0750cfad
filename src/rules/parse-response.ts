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
import * as v from 'valibot';
import type { Account, Contract, ParseResult, ReceivedKind, ResponseRejection, SearchResponse, Site } from './types.js';

type Loose = Record<string, unknown>;

// A blank id or name cannot be shown or selected, so whitespace-only counts as empty.
const nonBlank = v.pipe(
  v.string(),
  v.check((s) => s.trim() !== ''),
);
// Valibot's object schemas accept arrays (as objects missing every key); a record never is one.
const record = v.custom<Loose>((x) => typeof x === 'object' && x !== null && !Array.isArray(x));

const BodySchema = v.looseObject({
  site: v.pipe(record, v.looseObject({ id: nonBlank })),
  accounts: v.array(v.unknown()),
});

/** Optional fields of the body and the site: a wrong type makes the field absent. */
const BodyExtrasSchema = v.looseObject({
  asOf: v.optional(v.string()),
  syncWindowMinutes: v.optional(v.number()),
  nextCursor: v.nullish(v.string()),
  total: v.optional(v.number()),
});
const SiteExtrasSchema = v.looseObject({
  name: v.optional(v.string()),
  includeUnlabeled: v.optional(v.boolean()),
});

/** Issues on `id` or `name` (or the entry itself) make the account malformed; others drop a field. */
const AccountSchema = v.looseObject({
  id: nonBlank,
  name: nonBlank,
  number: v.optional(v.string()),
  portalSyncedAt: v.nullish(v.string()),
  linkedToUser: v.optional(v.boolean()),
});

const ContractSchema = v.looseObject({
  id: v.optional(v.string()),
  number: v.optional(v.string()),
  role: v.optional(v.string()),
  status: v.optional(v.string()),
  privateLabel: v.nullish(v.string()),
  bookedAt: v.nullish(v.string()),
});

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

/** The first reason a body that cannot be used at all fails `BodySchema`. */
function bodyRejection(issue: v.BaseIssue<unknown>): ResponseRejection {
  const path = v.getDotPath(issue);
  const missing = issue.input === undefined;
  const got = kindOf(issue.input);
  if (path === 'site') return missing ? { code: 'site-missing' } : { code: 'site-not-object', got };
  if (path === 'site.id') return missing ? { code: 'site-id-missing' } : { code: 'site-id-invalid', got };
  return missing ? { code: 'accounts-missing' } : { code: 'accounts-not-list', got };
}

function rejected(reason: ResponseRejection): ParseResult {
  return { ok: false, reason, message: englishMessage(reason) };
}

/** A copy of `entry` without the fields whose type is wrong, each noted as a problem. */
function withoutBadFields(entry: Loose, issues: readonly v.BaseIssue<unknown>[], at: string, problems: Problems): Loose {
  const copy: Loose = { ...entry };
  for (const issue of issues) {
    const key = v.getDotPath(issue)?.split('.')[0];
    if (key === undefined || !(key in copy)) continue;
    delete copy[key];
    problems.add(at === '' ? key : `${at}.${key}`, EXPECTED[key] ?? 'unexpected type, ignored');
  }
  return copy;
}

function readSite(raw: Loose, problems: Problems): Site {
  const extras = v.safeParse(SiteExtrasSchema, raw);
  const site = extras.success ? { ...raw } : withoutBadFields(raw, extras.issues, 'site', problems);
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

function readContracts(raw: unknown, at: string, problems: Problems): Contract[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.add(`${at}.contracts`, 'expected a list, read as no contracts');
    return [];
  }
  const contracts: Contract[] = [];
  raw.forEach((entry: unknown, index) => {
    const path = `${at}.contracts[${index}]`;
    if (!v.is(record, entry)) {
      problems.add(path, 'expected an object, left out');
      return;
    }
    const result = v.safeParse(ContractSchema, entry);
    contracts.push((result.success ? entry : withoutBadFields(entry, result.issues, path, problems)) as unknown as Contract);
  });
  return contracts;
}

/** The account as the contract promises it, or undefined when it is malformed. */
function readAccount(raw: unknown, at: string, problems: Problems): Account | undefined {
  if (!v.is(record, raw)) {
    problems.add(at, 'expected an object');
    return undefined;
  }
  const result = v.safeParse(AccountSchema, raw);
  if (!result.success) {
    const fatal = result.issues.filter((issue) => {
      const key = v.getDotPath(issue);
      return key === 'id' || key === 'name';
    });
    if (fatal.length > 0) {
      for (const issue of fatal) problems.add(`${at}.${v.getDotPath(issue)}`, 'expected a non-empty string');
      return undefined;
    }
  }
  const account = result.success ? { ...raw } : withoutBadFields(raw, result.issues, at, problems);
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
  if (!v.is(record, body)) return rejected({ code: 'not-object', got: kindOf(body) });
  const checked = v.safeParse(BodySchema, body);
  if (!checked.success) return rejected(bodyRejection(checked.issues[0]));
  const raw = body as Loose & { site: Loose; accounts: unknown[] };
  const problems = new Problems();
  const extras = v.safeParse(BodyExtrasSchema, raw);
  const response = (extras.success ? { ...raw } : withoutBadFields(raw, extras.issues, '', problems)) as unknown as SearchResponse;
  response.site = readSite(raw.site, problems);

  const accounts: Account[] = [];
  let malformed = 0;
  raw.accounts.forEach((entry, index) => {
    const account = readAccount(entry, `accounts[${index}]`, problems);
    if (account) accounts.push(account);
    else malformed++;
  });
  response.accounts = accounts;
  return { ok: true, response, malformed, problems: problems.lines() };
}
