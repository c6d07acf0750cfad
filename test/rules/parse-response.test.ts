import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseSearchResponse } from '../../src/rules/parse-response.js';
import type { ParseResult, ResponseRejection, SearchResponse } from '../../src/rules/types.js';

const site = { id: 'nwf', name: 'Northwind Finance', privateLabels: ['NWF', 'NWF-EQ'], includeUnlabeled: false };
const contract = { id: 'c1', number: '001-0123456-000', role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: '2026-11-25T10:00:00Z' };
const acme = { id: 'a1', number: 'CUS000123', name: 'Acme Leasing', portalSyncedAt: null, linkedToUser: false, contracts: [contract] };

function ok(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected ok, got: ${result.message}`);
  return result;
}

function rejected(body: unknown): Extract<ParseResult, { ok: false }> {
  const result = parseSearchResponse(body);
  if (result.ok) throw new Error('expected the body to be rejected');
  return result;
}

function message(body: unknown): string {
  return rejected(body).message;
}

function reason(body: unknown): ResponseRejection {
  return rejected(body).reason;
}

describe('parseSearchResponse', () => {
  describe('a valid body', () => {
    it('is returned as it came, with nothing malformed', () => {
      const body: SearchResponse = { asOf: '2026-11-25T12:00:00Z', syncWindowMinutes: 5, site, accounts: [acme], nextCursor: 'p2', total: 40 };
      const result = ok(parseSearchResponse(body));
      expect(result.response).to.deep.equal(body);
      expect(result.malformed).to.equal(0);
      expect(result.problems).to.deep.equal([]);
    });

    it('accepts the smallest body the contract allows', () => {
      const result = ok(parseSearchResponse({ site: { id: 's', privateLabels: [] }, accounts: [] }));
      expect(result.response).to.deep.equal({ site: { id: 's', privateLabels: [] }, accounts: [] });
    });

    it('keeps unknown extra fields at every level', () => {
      const body = { site: { ...site, theme: 'blue' }, accounts: [{ ...acme, region: 'West', contracts: [{ ...contract, residual: 12 }] }], requestId: 'r1' };
      const { response } = ok(parseSearchResponse(body));
      expect(response).to.deep.equal(body);
    });

    it('keeps a null nextCursor (no more results)', () => {
      expect(ok(parseSearchResponse({ site, accounts: [], nextCursor: null })).response.nextCursor).to.equal(null);
    });

    it('does not change the body it reads', () => {
      const body = { site: { ...site, privateLabels: 'NWF' }, accounts: [acme, { id: '', name: 'x' }, { ...acme, contracts: [null, contract] }], total: 'x' };
      const before = JSON.stringify(body);
      parseSearchResponse(body);
      expect(JSON.stringify(body)).to.equal(before);
    });
  });

  describe('whole-body failures', () => {
    it('rejects a body that is not an object, saying what it was', () => {
      expect(message(null)).to.equal('the response is not an object (got null)');
      expect(message(undefined)).to.equal('the response is not an object (got nothing)');
      expect(message('<html>')).to.equal('the response is not an object (got text)');
      expect(message(42)).to.equal('the response is not an object (got a number)');
      expect(message([acme])).to.equal('the response is not an object (got a list)');
    });

    it('rejects a body with no site', () => {
      expect(message({ accounts: [] })).to.equal('site is missing');
    });

    it('rejects a site that is not an object', () => {
      expect(message({ site: 'nwf', accounts: [] })).to.equal('site is not an object (got text)');
      expect(message({ site: ['nwf'], accounts: [] })).to.equal('site is not an object (got a list)');
      expect(message({ site: null, accounts: [] })).to.equal('site is not an object (got null)');
    });

    it('rejects a site without a usable id', () => {
      expect(message({ site: { privateLabels: [] }, accounts: [] })).to.equal('site.id is missing');
      expect(message({ site: { id: '  ', privateLabels: [] }, accounts: [] })).to.equal('site.id is not a non-empty string');
      expect(message({ site: { id: 7, privateLabels: [] }, accounts: [] })).to.equal('site.id is not a non-empty string');
    });

    it('rejects a body whose accounts are missing or not a list', () => {
      expect(message({ site })).to.equal('accounts is missing');
      expect(message({ site, accounts: { a1: acme } })).to.equal('accounts is not a list (got an object)');
      expect(message({ site, accounts: 'none' })).to.equal('accounts is not a list (got text)');
      expect(message({ site, accounts: null })).to.equal('accounts is not a list (got null)');
    });

    it('names the site before the accounts when both are wrong', () => {
      expect(message({})).to.equal('site is missing');
      expect(reason({})).to.deep.equal({ code: 'site-missing' });
    });
  });

  describe('whole-body failures, as data for a UI to word in its own language', () => {
    it('says what a body that is not an object was', () => {
      const cases: [unknown, string][] = [
        [null, 'null'],
        [undefined, 'nothing'],
        ['<html>', 'text'],
        ['', 'text'],
        [42, 'number'],
        [true, 'boolean'],
        [10n, 'bigint'],
        [Symbol('x'), 'symbol'],
        [() => site, 'function'],
        [[acme], 'list'],
        [[], 'list'],
      ];
      for (const [body, got] of cases) expect(reason(body), String(got)).to.deep.equal({ code: 'not-object', got });
    });

    it('codes a missing site, and says what a site that is not an object was', () => {
      expect(reason({ accounts: [] })).to.deep.equal({ code: 'site-missing' });
      expect(reason({ site: undefined, accounts: [] })).to.deep.equal({ code: 'site-missing' });
      expect(reason({ site: 'nwf', accounts: [] })).to.deep.equal({ code: 'site-not-object', got: 'text' });
      expect(reason({ site: ['nwf'], accounts: [] })).to.deep.equal({ code: 'site-not-object', got: 'list' });
      expect(reason({ site: null, accounts: [] })).to.deep.equal({ code: 'site-not-object', got: 'null' });
      expect(reason({ site: 3, accounts: [] })).to.deep.equal({ code: 'site-not-object', got: 'number' });
    });

    it('codes a missing site id apart from an unusable one, and says what the unusable one was', () => {
      expect(reason({ site: { privateLabels: [] }, accounts: [] })).to.deep.equal({ code: 'site-id-missing' });
      expect(reason({ site: { id: '  ', privateLabels: [] }, accounts: [] })).to.deep.equal({ code: 'site-id-invalid', got: 'text' });
      expect(reason({ site: { id: 7, privateLabels: [] }, accounts: [] })).to.deep.equal({ code: 'site-id-invalid', got: 'number' });
      expect(reason({ site: { id: null, privateLabels: [] }, accounts: [] })).to.deep.equal({ code: 'site-id-invalid', got: 'null' });
    });

    it('codes missing accounts, and says what accounts that are not a list were', () => {
      expect(reason({ site })).to.deep.equal({ code: 'accounts-missing' });
      expect(reason({ site, accounts: { a1: acme } })).to.deep.equal({ code: 'accounts-not-list', got: 'object' });
      expect(reason({ site, accounts: 'x' })).to.deep.equal({ code: 'accounts-not-list', got: 'text' });
      expect(reason({ site, accounts: null })).to.deep.equal({ code: 'accounts-not-list', got: 'null' });
      expect(reason({ site, accounts: 0 })).to.deep.equal({ code: 'accounts-not-list', got: 'number' });
      expect(reason({ site, accounts: false })).to.deep.equal({ code: 'accounts-not-list', got: 'boolean' });
    });

    it('keeps the English message and the reason in step', () => {
      const english = (r: ResponseRejection): string =>
        ({
          'not-object': 'the response is not an object',
          'site-missing': 'site is missing',
          'site-not-object': 'site is not an object',
          'site-id-missing': 'site.id is missing',
          'site-id-invalid': 'site.id is not a non-empty string',
          'accounts-missing': 'accounts is missing',
          'accounts-not-list': 'accounts is not a list',
        })[r.code];
      fc.assert(
        fc.property(fc.anything({ withNullPrototype: true }), fc.anything(), fc.anything(), (body, anySite, anyAccounts) => {
          for (const candidate of [body, { site: anySite, accounts: [] }, { site, accounts: anyAccounts }]) {
            const result = parseSearchResponse(candidate);
            if (result.ok) continue;
            expect(result.message.startsWith(english(result.reason)), result.message).to.equal(true);
            expect(result.message.includes('(got'), result.message).to.equal('got' in result.reason && result.reason.code !== 'site-id-invalid');
          }
        }),
      );
    });
  });

  describe('malformed accounts', () => {
    it('leaves them out, counts them and keeps the rest in order', () => {
      const accounts = [null, acme, 'a2', { id: 'a3' }, { ...acme, id: 'a4' }, { id: '', name: 'Blank' }, { id: 'a6', name: '   ' }, { id: 6, name: 'Six' }, [acme]];
      const result = ok(parseSearchResponse({ site, accounts }));
      expect(result.response.accounts.map((a) => a.id)).to.deep.equal(['a1', 'a4']);
      expect(result.malformed).to.equal(7);
    });

    it('describes each distinct problem once, with where it first happened and how often', () => {
      const accounts = [null, 5, { id: 'a3' }, { id: 'a4' }, { id: 'a5' }, { name: 'Nameless id' }];
      const { problems } = ok(parseSearchResponse({ site, accounts }));
      expect(problems).to.deep.equal([
        'accounts[0] and 1 more like it: expected an object',
        'accounts[2].name and 2 more like it: expected a non-empty string',
        'accounts[5].id: expected a non-empty string',
      ]);
    });

    it('counts an account with neither id nor name once', () => {
      expect(ok(parseSearchResponse({ site, accounts: [{}] })).malformed).to.equal(1);
    });
  });

  describe('contracts', () => {
    it('reads missing contracts as none, silently', () => {
      const { id, name } = acme;
      const result = ok(parseSearchResponse({ site, accounts: [{ id, name }] }));
      expect(result.response.accounts[0]!.contracts).to.deep.equal([]);
      expect(result.problems).to.deep.equal([]);
    });

    it('reads contracts that are not a list as none, and says so', () => {
      for (const contracts of [null, 'c1', { c1: contract }, 3]) {
        const result = ok(parseSearchResponse({ site, accounts: [{ ...acme, contracts }] }));
        expect(result.response.accounts[0]!.contracts, String(contracts)).to.deep.equal([]);
        expect(result.malformed).to.equal(0);
        expect(result.problems).to.deep.equal(['accounts[0].contracts: expected a list, read as no contracts']);
      }
    });

    it('drops contract entries that are not objects and keeps the others', () => {
      const result = ok(parseSearchResponse({ site, accounts: [{ ...acme, contracts: [null, contract, 'c2', [contract], 7] }] }));
      expect(result.response.accounts[0]!.contracts).to.deep.equal([contract]);
      expect(result.problems).to.deep.equal(['accounts[0].contracts[0] and 3 more like it: expected an object, left out']);
    });

    it('leaves out contract fields of the wrong type, keeping the contract', () => {
      const odd = { id: 9, role: 1, status: true, privateLabel: 5, bookedAt: 1764064800000, number: 'n' };
      const result = ok(parseSearchResponse({ site, accounts: [{ ...acme, contracts: [odd] }] }));
      expect(result.response.accounts[0]!.contracts).to.deep.equal([{ number: 'n' }]);
      expect(result.problems).to.have.length(5);
    });
  });

  describe('optional fields of the wrong type', () => {
    it('reads a non-string nextCursor as no more results', () => {
      for (const nextCursor of [5, true, {}, ['p2']]) {
        const result = ok(parseSearchResponse({ site, accounts: [], nextCursor }));
        expect('nextCursor' in result.response).to.equal(false);
        expect(result.problems).to.deep.equal(['nextCursor: expected a string or null, read as no more results']);
      }
    });

    it('reads a non-number total, asOf or syncWindowMinutes as absent', () => {
      const { response, problems } = ok(parseSearchResponse({ site, accounts: [], total: '40', asOf: 1764072000000, syncWindowMinutes: '15' }));
      expect(response).to.deep.equal({ site, accounts: [] });
      expect(problems).to.have.length(3);
      expect(ok(parseSearchResponse({ site, accounts: [], total: NaN })).response).not.to.have.property('total');
    });

    it('keeps a string asOf even when it is not a valid time (the clock helper falls back then)', () => {
      expect(ok(parseSearchResponse({ site, accounts: [], asOf: 'yesterday' })).response.asOf).to.equal('yesterday');
    });

    it('reads a non-list site.privateLabels as no labels, and drops labels that are not text', () => {
      const none = ok(parseSearchResponse({ site: { id: 's', privateLabels: 'NWF' }, accounts: [] }));
      expect(none.response.site.privateLabels).to.deep.equal([]);
      expect(none.problems).to.deep.equal(['site.privateLabels: expected a list, read as no labels']);
      const mixed = ok(parseSearchResponse({ site: { id: 's', privateLabels: ['NWF', 3, null] }, accounts: [] }));
      expect(mixed.response.site.privateLabels).to.deep.equal(['NWF']);
    });

    it('leaves out a site name or includeUnlabeled of the wrong type', () => {
      const { response } = ok(parseSearchResponse({ site: { id: 's', privateLabels: [], name: 3, includeUnlabeled: 'yes' }, accounts: [] }));
      expect(response.site).to.deep.equal({ id: 's', privateLabels: [] });
    });

    it('leaves out account fields of the wrong type, keeping the account', () => {
      const result = ok(parseSearchResponse({ site, accounts: [{ ...acme, number: 123, portalSyncedAt: 5, linkedToUser: 'yes' }] }));
      const account = result.response.accounts[0]!;
      expect(account).not.to.have.any.keys('number', 'portalSyncedAt', 'linkedToUser');
      expect(account.id).to.equal('a1');
      expect(result.malformed).to.equal(0);
      expect(result.problems).to.include('accounts[0].portalSyncedAt: expected a timestamp or null, read as unknown');
    });

    it('keeps portalSyncedAt null (never synced) apart from absent', () => {
      const { response } = ok(parseSearchResponse({ site, accounts: [acme, { id: 'a2', name: 'B', contracts: [] }] }));
      expect(response.accounts[0]!.portalSyncedAt).to.equal(null);
      expect(response.accounts[1]).not.to.have.property('portalSyncedAt');
    });
  });

  describe('any input', () => {
    it('never throws and always answers one of the two shapes', () => {
      const junk = fc.anything({ maxDepth: 4, withMap: true, withSet: true, withDate: true, withNullPrototype: true, withSparseArray: true, withBigInt: true });
      const bodyish = fc.record({
        site: fc.oneof(junk, fc.record({ id: fc.oneof(fc.string(), junk), privateLabels: fc.oneof(junk, fc.array(junk)) })),
        accounts: fc.oneof(junk, fc.array(fc.oneof(junk, fc.record({ id: fc.oneof(fc.string(), junk), name: fc.oneof(fc.string(), junk), contracts: fc.oneof(junk, fc.array(junk)) })))),
        nextCursor: junk,
        total: junk,
      }, { requiredKeys: [] });
      fc.assert(
        fc.property(fc.oneof(junk, bodyish), (body) => {
          const result = parseSearchResponse(body);
          if (result.ok) {
            expect(result.malformed).to.be.at.least(0);
            expect(result.response.accounts).to.be.an('array');
            expect(result.response.site.privateLabels).to.be.an('array');
          } else {
            expect(result.message).to.be.a('string').and.not.equal('');
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('keeps every valid account, whatever malformed ones surround it', () => {
      const valid = fc.record({ id: fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), name: fc.constant('N'), contracts: fc.constant([]) });
      const malformed = fc.oneof(fc.constant(null), fc.integer(), fc.record({ id: fc.constant('') }), fc.record({ name: fc.string() }));
      fc.assert(
        fc.property(fc.array(fc.oneof(valid.map((a) => ({ a, ok: true })), malformed.map((a) => ({ a, ok: false })))), (entries) => {
          const result = ok(parseSearchResponse({ site, accounts: entries.map((e) => e.a) }));
          expect(result.response.accounts.map((a) => a.id)).to.deep.equal(entries.filter((e) => e.ok).map((e) => (e.a as { id: string }).id));
          expect(result.malformed).to.equal(entries.filter((e) => !e.ok).length);
        }),
        { numRuns: 500 },
      );
    });
  });
});
