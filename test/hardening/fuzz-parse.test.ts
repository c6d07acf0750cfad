import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import { parseSearchResponse } from '../../src/rules/parse-response.js';
import type { EligibilityCode, ParseResult } from '../../src/rules/types.js';
import {
  anyValue,
  bodyOf,
  corruptedBody,
  deeplyNested,
  mixedAccounts,
  nonObjectBody,
} from './arbitraries.js';

/**
 * Property-based fuzzing of the response parser: thousands of malformed bodies must never throw, and
 * must give either one clear sentence or the valid subset, typed exactly as the contract promises so
 * nothing downstream (rules, rendering) meets a type it was not promised.
 */

const CODES: EligibilityCode[] = ['already-linked', 'no-active-contract', 'label-mismatch', 'pending-sync', 'sync-overdue', 'linkable'];
const RUNS = { numRuns: 1500 };

const isRecord = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
const nonBlank = (x: unknown) => typeof x === 'string' && x.trim() !== '';
const optional = (x: unknown, type: string) => x === undefined || typeof x === type;
const nullish = (x: unknown, type: string) => x === undefined || x === null || typeof x === type;

/** A message a person can read: short, and no leaked internals or echoed huge values. */
function assertReadable(text: unknown, what: string): void {
  expect(text, what).to.be.a('string');
  const s = text as string;
  expect(s.trim().length, `${what} is empty`).to.be.greaterThan(0);
  expect(s.length, `${what} is too long: ${s.slice(0, 80)}…`).to.be.lessThan(300);
  expect(s, what).not.to.match(/\[object |NaN|function |\n\s+at /);
}

/** Everything the contract promises about a parse result, whatever the input was. */
function assertWellFormed(result: ParseResult, inputAccounts: unknown): void {
  if (!result.ok) {
    assertReadable(result.message, 'message');
    return;
  }
  const { response, malformed, problems } = result;
  expect(problems).to.be.an('array');
  for (const line of problems) assertReadable(line, 'problem');
  expect(Number.isInteger(malformed) && malformed >= 0).to.equal(true);
  // Holes in a sparse array (only a host's searchAccounts can make one) are not entries.
  if (Array.isArray(inputAccounts)) expect(response.accounts.length + malformed).to.equal(inputAccounts.filter(() => true).length);

  expect(optional(response.asOf, 'string'), 'asOf').to.equal(true);
  expect(optional(response.syncWindowMinutes, 'number'), 'syncWindowMinutes').to.equal(true);
  expect(nullish(response.nextCursor, 'string'), 'nextCursor').to.equal(true);
  expect(optional(response.total, 'number'), 'total').to.equal(true);

  const { site } = response;
  expect(isRecord(site) && nonBlank(site.id), 'site.id').to.equal(true);
  expect(Array.isArray(site.privateLabels) && site.privateLabels.every((l) => typeof l === 'string'), 'site.privateLabels').to.equal(true);
  expect(optional(site.name, 'string'), 'site.name').to.equal(true);
  expect(optional(site.includeUnlabeled, 'boolean'), 'site.includeUnlabeled').to.equal(true);

  for (const account of response.accounts) {
    expect(isRecord(account) && nonBlank(account.id) && nonBlank(account.name), 'account id/name').to.equal(true);
    expect(optional(account.number, 'string'), 'account.number').to.equal(true);
    expect(nullish(account.portalSyncedAt, 'string'), 'account.portalSyncedAt').to.equal(true);
    expect(optional(account.linkedToUser, 'boolean'), 'account.linkedToUser').to.equal(true);
    expect(Array.isArray(account.contracts), 'account.contracts').to.equal(true);
    for (const c of account.contracts) {
      expect(isRecord(c), 'contract').to.equal(true);
      for (const key of ['id', 'number', 'role', 'status'] as const) expect(optional(c[key], 'string'), `contract.${key}`).to.equal(true);
      expect(nullish(c.privateLabel, 'string'), 'contract.privateLabel').to.equal(true);
      expect(nullish(c.bookedAt, 'string'), 'contract.bookedAt').to.equal(true);
    }
    // What the parser lets through, the rules must be able to judge.
    const verdict = evaluateAccount(account, { site, now: new Date('2026-01-25T12:00:00Z'), syncWindowMinutes: response.syncWindowMinutes });
    expect(CODES).to.include(verdict.code);
  }
}

describe('parseSearchResponse under fuzzed bodies', () => {
  it('never throws on anything at all, and answers a message or a well-typed subset', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.array(anyValue, { maxLength: 6 }).map((accounts) => bodyOf(accounts))), (body) => {
        const result = parseSearchResponse(body);
        assertWellFormed(result, isRecord(body) ? (body as Record<string, unknown>).accounts : undefined);
      }),
      RUNS,
    );
  });

  it('gives one clear sentence for bodies that are not objects (non-JSON, lists, text, numbers)', () => {
    fc.assert(
      fc.property(nonObjectBody, (body) => {
        const result = parseSearchResponse(body);
        expect(result.ok).to.equal(false);
        if (!result.ok) {
          assertReadable(result.message, 'message');
          expect(result.message).to.match(/not an object/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps every valid field and drops only what is wrong in corrupted bodies (wrong types, missing fields)', () => {
    fc.assert(
      fc.property(corruptedBody, (body) => {
        const result = parseSearchResponse(body);
        assertWellFormed(result, body.accounts);
        const siteUsable = isRecord(body.site) && nonBlank((body.site as Record<string, unknown>).id);
        // Only a missing/unusable site or accounts list rejects the body as a whole.
        expect(result.ok, result.ok ? '' : result.message).to.equal(siteUsable && Array.isArray(body.accounts));
      }),
      RUNS,
    );
  });

  it('returns exactly the valid subset, in order, and counts the malformed entries', () => {
    fc.assert(
      fc.property(mixedAccounts, (entries) => {
        const body = bodyOf(entries.map((e) => e.entry));
        const before = JSON.stringify(body);
        const result = parseSearchResponse(body);
        expect(result.ok).to.equal(true);
        if (!result.ok) return;
        const valid = entries.filter((e) => e.valid).map((e) => e.entry as { id: string; name: string });
        expect(result.response.accounts.map((a) => [a.id, a.name])).to.deep.equal(valid.map((a) => [a.id, a.name]));
        expect(result.malformed).to.equal(entries.length - valid.length);
        if (result.malformed > 0) expect(result.problems.length).to.be.greaterThan(0);
        assertWellFormed(result, body.accounts);
        // The host's object is read, never changed.
        expect(JSON.stringify(body)).to.equal(before);
      }),
      RUNS,
    );
  });

  it('copes with huge strings and deep nesting without echoing them', () => {
    const huge = 'Ω'.repeat(1_000_000);
    const body = bodyOf([
      { id: huge, name: huge, number: huge, contracts: [{ id: huge, role: huge, status: huge, privateLabel: huge }] },
      { id: 'deep', name: 'Deep', contracts: deeplyNested(10_000), extra: deeplyNested(10_000) },
      { id: 'deep2', name: deeplyNested(10_000), contracts: [] },
    ], { total: deeplyNested(10_000) as number, asOf: huge });
    const result = parseSearchResponse(body);
    assertWellFormed(result, body.accounts);
    expect(result.ok).to.equal(true);
    if (result.ok) {
      expect(result.response.accounts.map((a) => a.id)).to.deep.equal([huge, 'deep']);
      expect(result.malformed).to.equal(1);
    }
  });

  it('parses many accounts quickly enough to stay out of the way (10,000 in one body)', () => {
    const accounts = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, name: `Account ${i}`, contracts: [{ id: `c${i}`, role: 'customer', status: 'booked', privateLabel: 'NWF' }] }));
    const result = parseSearchResponse(bodyOf(accounts));
    expect(result.ok && result.response.accounts.length).to.equal(10_000);
  });

  it('is not a prototype-pollution gadget (__proto__ and constructor keys from JSON)', () => {
    const text = JSON.stringify(bodyOf([{ id: 'p', name: 'Proto', contracts: [] }]))
      .replace('"accounts":[{', '"accounts":[{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},')
      .replace('"site":{', '"site":{"__proto__":{"polluted":"yes"},');
    const body = JSON.parse(`{"__proto__":{"polluted":"yes"},${text.slice(1)}`);
    const result = parseSearchResponse(body);
    expect(result.ok).to.equal(true);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).to.equal(undefined);
    if (result.ok) {
      expect(Object.getPrototypeOf(result.response)).to.equal(Object.prototype);
      expect(Object.getPrototypeOf(result.response.accounts[0])).to.equal(Object.prototype);
    }
  });
});
