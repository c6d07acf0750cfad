/**
 * Reads a search response body (docs/endpoint.md, docs/openapi.yaml) into a `SearchResponse` the rest of
 * the picker can trust, or says why it cannot, as data (`reason`). The picker reads bodies with this;
 * `parseSearchResponse` (parse-response.ts, the public reader) adds the English for developers, which
 * the picker never shows and so does not ship.
 *
 * The body is rejected as a whole only when the picker could not show anything truthful: no site (the
 * rules need its labels) or no list of accounts. Anything smaller is read as the contract says and
 * noted in `log` when one is given: malformed accounts are left out, non-object contracts are dropped,
 * and optional fields of the wrong type are left out so that nothing downstream sees a type it was not
 * promised. Unknown extra fields are kept.
 */
import type { Account, Contract, ReceivedKind, ResponseRejection, SearchResponse, Site } from './types.js';

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

/** Optional fields of the body and the site. */
const BODY_FIELDS = { asOf: isString, syncWindowMinutes: isNumber, nextCursor: orNull(isString), total: isNumber };
const SITE_FIELDS = { name: isString, includeUnlabeled: isBoolean };
/** An account's optional fields; a blank or missing `id` or `name` makes it malformed. */
const ACCOUNT_FIELDS = { number: isString, portalSyncedAt: orNull(isString), linkedToUser: isBoolean };
const CONTRACT_FIELDS = {
  id: isString,
  number: isString,
  role: isString,
  status: isString,
  privateLabel: orNull(isString),
  bookedAt: orNull(isString),
};

/** An optional field the reader checks; a wrong type makes it absent. */
export type CheckedField =
  | keyof typeof BODY_FIELDS
  | keyof typeof SITE_FIELDS
  | keyof typeof ACCOUNT_FIELDS
  | keyof typeof CONTRACT_FIELDS;

/**
 * What the reader did about one entry or field: left out a field of the wrong type (its name), or one
 * of these. `parseSearchResponse` words each in English.
 */
export type ReadProblem =
  | CheckedField
  | 'labels-not-list'
  | 'labels-not-text'
  | 'contracts-not-list'
  | 'contract-not-object'
  | 'account-not-object'
  | 'blank';

/** Where the reader notes its problems; `path` names the entry, e.g. `accounts[3].contracts`. */
export interface ProblemLog {
  add(path: string, problem: ReadProblem): void;
}

export type ReadResult =
  | { ok: true; response: SearchResponse; malformed: number }
  | { ok: false; reason: ResponseRejection };

/** What `value` is, for a rejection's `got`. */
function kindOf(value: unknown): ReceivedKind {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return 'text';
  return typeof value as 'number' | 'boolean' | 'bigint' | 'symbol' | 'function';
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

/**
 * `entry` itself when every typed field is right; else a copy without the wrong ones, each noted.
 * `at` names the entry ('' for the body) and is called only for a problem: most entries have none, and
 * 10,000 paths built for nothing would cost more than the checks.
 */
function withoutBadFields(entry: Loose, fields: Record<string, Check>, at: () => string, log?: ProblemLog): Loose {
  let copy: Loose | undefined;
  for (const key in fields) {
    const value = entry[key];
    if (value === undefined || fields[key]!(value)) continue;
    copy ??= { ...entry };
    delete copy[key];
    if (!log) continue;
    const path = at();
    log.add(path === '' ? key : `${path}.${key}`, key as CheckedField);
  }
  return copy ?? entry;
}

function readSite(raw: Loose, log?: ProblemLog): Site {
  const site = { ...withoutBadFields(raw, SITE_FIELDS, () => 'site', log) };
  const labels = raw.privateLabels;
  if (!Array.isArray(labels)) {
    log?.add('site.privateLabels', 'labels-not-list');
    site.privateLabels = [];
  } else if (!labels.every((label) => typeof label === 'string')) {
    log?.add('site.privateLabels', 'labels-not-text');
    site.privateLabels = labels.filter((label) => typeof label === 'string');
  }
  return site as unknown as Site;
}

function readContracts(raw: unknown, at: () => string, log?: ProblemLog): Contract[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    log?.add(`${at()}.contracts`, 'contracts-not-list');
    return [];
  }
  const contracts: Contract[] = [];
  raw.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) {
      log?.add(`${at()}.contracts[${index}]`, 'contract-not-object');
      return;
    }
    contracts.push(withoutBadFields(entry, CONTRACT_FIELDS, () => `${at()}.contracts[${index}]`, log) as unknown as Contract);
  });
  return contracts;
}

/** The account as the contract promises it, or undefined when it is malformed. */
function readAccount(raw: unknown, index: number, log?: ProblemLog): Account | undefined {
  const at = () => `accounts[${index}]`;
  if (!isRecord(raw)) {
    log?.add(at(), 'account-not-object');
    return undefined;
  }
  const idOk = nonBlank(raw.id);
  const nameOk = nonBlank(raw.name);
  if (!idOk || !nameOk) {
    if (!idOk) log?.add(`${at()}.id`, 'blank');
    if (!nameOk) log?.add(`${at()}.name`, 'blank');
    return undefined;
  }
  const account = { ...withoutBadFields(raw, ACCOUNT_FIELDS, at, log) };
  account.contracts = readContracts(raw.contracts, at, log);
  return account as unknown as Account;
}

/**
 * Reads a search response body. Never throws on data (a host's object may still throw from a getter).
 *
 * @returns `ok: false` with the reason when the body cannot be used at all; otherwise the response with
 * malformed accounts left out, and how many were. Each problem goes to `log`, when given.
 */
export function readSearchResponse(body: unknown, log?: ProblemLog): ReadResult {
  if (!isRecord(body)) return { ok: false, reason: { code: 'not-object', got: kindOf(body) } };
  const rejection = bodyRejection(body);
  if (rejection) return { ok: false, reason: rejection };
  const raw = body as Loose & { site: Loose; accounts: unknown[] };
  const response = { ...withoutBadFields(raw, BODY_FIELDS, () => '', log) } as unknown as SearchResponse;
  response.site = readSite(raw.site, log);

  const accounts: Account[] = [];
  let malformed = 0;
  raw.accounts.forEach((entry, index) => {
    const account = readAccount(entry, index, log);
    if (account) accounts.push(account);
    else malformed++;
  });
  response.accounts = accounts;
  return { ok: true, response, malformed };
}
