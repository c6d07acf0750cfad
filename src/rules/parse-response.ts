/**
 * The public reader of a search response body (docs/endpoint.md, docs/openapi.yaml): `readSearchResponse`
 * (read-response.ts, what the picker itself uses), plus the English a developer reads: the rejection in
 * one specific sentence (`message`) and one line per distinct problem (`problems`). Kept apart so the
 * picker, which never shows them, does not ship them.
 */
import { readSearchResponse, type ProblemLog, type ReadProblem } from './read-response.js';
import type { ParseResult, ReceivedKind, ResponseRejection } from './types.js';

/** Each problem in English. */
const PROBLEM_TEXT: Record<ReadProblem, string> = {
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
  'labels-not-list': 'expected a list, read as no labels',
  'labels-not-text': 'expected text labels, others ignored',
  'contracts-not-list': 'expected a list, read as no contracts',
  'contract-not-object': 'expected an object, left out',
  'account-not-object': 'expected an object',
  blank: 'expected a non-empty string',
};

/** Collects problem lines, one per distinct problem however many entries share it. */
class Problems implements ProblemLog {
  #seen = new Map<string, { first: string; count: number; text: string }>();

  /** `shape` names the problem without indices, so accounts[3].name and accounts[7].name are one. */
  add(path: string, problem: ReadProblem): void {
    const text = PROBLEM_TEXT[problem];
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

/**
 * Validates a search response body. Never throws.
 *
 * @returns `ok: false` with the reason (as data and in English) when the body cannot be used at all;
 * otherwise the response with malformed accounts left out, how many were, and one line per distinct
 * problem.
 */
export function parseSearchResponse(body: unknown): ParseResult {
  const problems = new Problems();
  const read = readSearchResponse(body, problems);
  if (!read.ok) return { ok: false, reason: read.reason, message: englishMessage(read.reason) };
  return { ...read, problems: problems.lines() };
}
