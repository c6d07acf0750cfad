import { expect } from '@open-wc/testing';
import { createDataset, STORY_ACCOUNTS } from '../../mocks/data.js';
import { accountAt, DEFAULT_LIMIT, decodeCursor, encodeCursor, MAX_LIMIT, searchPage, type SearchParams } from '../../mocks/search.js';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { SearchResponse } from '../../src/rules/types.js';

const ANCHOR = Date.parse('2026-01-15T12:00:00Z');
const MINUTE = 60_000;
const dataset = createDataset({ anchor: ANCHOR });

function ok(params: SearchParams, now = ANCHOR): SearchResponse {
  const outcome = searchPage(dataset, { site: 'northwind', ...params }, now);
  if (!outcome.ok) throw new Error(`expected a page, got ${outcome.status} ${outcome.body.error}`);
  return outcome.body;
}

function names(body: SearchResponse): string[] {
  return body.accounts.map((a) => a.name);
}

describe('searchPage (pure mock search)', () => {
  describe('matching', () => {
    it('matches names case-insensitively, by any words in any order', () => {
      expect(names(ok({ q: 'HARBOR point' }))).to.deep.equal(['Harbor Point Logistics']);
      expect(names(ok({ q: 'logistics harbor' }))).to.include('Harbor Point Logistics');
    });

    it('ignores accents both ways', () => {
      expect(names(ok({ q: 'societe lumiere' }))).to.deep.equal([STORY_ACCOUNTS.accentedName.name]);
      expect(names(ok({ q: 'Équipement Lumière' }))).to.deep.equal([STORY_ACCOUNTS.accentedName.name]);
    });

    it('finds right-to-left names by a word of the name and by number', () => {
      expect(names(ok({ q: 'الواحة' }))).to.deep.equal([STORY_ACCOUNTS.rtlName.name]);
      expect(names(ok({ q: 'awh118820' }))).to.deep.equal([STORY_ACCOUNTS.rtlName.name]);
    });

    it('matches account numbers ignoring case and punctuation', () => {
      for (const q of ['HPL100245', 'hpl100245', 'HPL-100-245', 'hpl 100.245']) {
        expect(ok({ q }).accounts[0]?.id, q).to.equal(STORY_ACCOUNTS.linkable.id);
      }
    });

    it('matches contract numbers with or without their dashes, whole or in part', () => {
      const contract = dataset.byId.get(STORY_ACCOUNTS.syncOverdue.id)!.account.contracts[0]!;
      const digits = contract.number!.replace(/-/g, '');
      for (const q of [contract.number!, digits, contract.number!.replace(/-/g, ' '), digits.slice(3, 10)]) {
        expect(ok({ q }).accounts.map((a) => a.id), q).to.include(STORY_ACCOUNTS.syncOverdue.id);
      }
    });

    it('puts an exact account number first, ahead of name matches', () => {
      const body = ok({ q: STORY_ACCOUNTS.longName.number });
      expect(body.accounts[0]!.id).to.equal(STORY_ACCOUNTS.longName.id);
    });

    it('returns every match, linkable or not', () => {
      const body = ok({ q: 'excavating', limit: 100 });
      const site = body.site;
      const codes = new Set(body.accounts.map((a) => evaluateAccount(a, { site, now: new Date(ANCHOR) }).code));
      expect(codes).to.include('linkable');
      expect(codes).to.include('no-active-contract');
      expect(codes).to.include('label-mismatch');
    });

    it('finds nothing for an empty query or one that matches no account', () => {
      expect(ok({ q: '' }).total).to.equal(0);
      expect(ok({ q: '   ' }).accounts).to.deep.equal([]);
      expect(ok({ q: 'zzzqqq no such account' }).total).to.equal(0);
    });
  });

  describe('response', () => {
    it('echoes the site configuration and the sync window', () => {
      const body = ok({ q: 'harbor', site: 'summit' });
      expect(body.site).to.deep.equal({ id: 'summit', name: 'Summit Capital Leasing', privateLabels: ['SUMMIT', 'SCL-TECH'] });
      expect(body.syncWindowMinutes).to.equal(15);
      expect(ok({ q: 'harbor' }).site.includeUnlabeled).to.equal(true);
    });

    it('takes asOf from the clock it is given', () => {
      expect(ok({ q: 'harbor' }, ANCHOR + 15 * MINUTE).asOf).to.equal('2026-01-15T12:15:00.000Z');
    });

    it('sets linkedToUser only when a user is named', () => {
      const q = STORY_ACCOUNTS.alreadyLinked.name;
      expect(ok({ q }).accounts[0]).to.not.have.property('linkedToUser');
      expect(ok({ q, user: 'usr-1001' }).accounts[0]!.linkedToUser).to.equal(true);
      expect(ok({ q, user: 'usr-1004' }).accounts[0]!.linkedToUser).to.equal(false);
      expect(ok({ q, user: 'someone-unknown' }).accounts[0]!.linkedToUser).to.equal(false);
    });

    it('answers 400 without a site and 404 for an unknown site', () => {
      const missing = searchPage(dataset, { q: 'harbor' }, ANCHOR);
      expect(missing.ok).to.equal(false);
      expect(!missing.ok && missing.status).to.equal(400);
      const unknown = searchPage(dataset, { q: 'harbor', site: 'atlantis' }, ANCHOR);
      expect(!unknown.ok && unknown.status).to.equal(404);
    });

    it('returns copies, so a caller changing an account does not change the dataset', () => {
      const body = ok({ q: 'harbor point' });
      body.accounts[0]!.name = 'changed';
      body.accounts[0]!.contracts[0]!.status = 'changed';
      expect(names(ok({ q: 'harbor point' }))).to.deep.equal(['Harbor Point Logistics']);
      expect(ok({ q: 'harbor point' }).accounts[0]!.contracts[0]!.status).to.equal('booked');
    });
  });

  describe('paging', () => {
    it('pages through all matches with the cursor, none repeated or missed', () => {
      const first = ok({ q: 'dental', limit: 7 });
      expect(first.accounts).to.have.length(7);
      expect(first.total).to.be.greaterThan(20);
      const seen = [...first.accounts.map((a) => a.id)];
      let cursor = first.nextCursor;
      while (cursor) {
        const next = ok({ q: 'dental', limit: 7, cursor });
        expect(next.total).to.equal(first.total);
        seen.push(...next.accounts.map((a) => a.id));
        cursor = next.nextCursor;
      }
      expect(seen).to.have.length(first.total!);
      expect(new Set(seen).size).to.equal(first.total);
    });

    it('says there is no next page on the last one', () => {
      const body = ok({ q: 'harbor point' });
      expect(body.total).to.equal(1);
      expect(body.nextCursor).to.equal(null);
    });

    it('uses 25 by default and caps the limit at 100', () => {
      expect(ok({ q: 'co' }).accounts).to.have.length(DEFAULT_LIMIT);
      expect(ok({ q: 'co', limit: '0' }).accounts).to.have.length(DEFAULT_LIMIT);
      expect(ok({ q: 'co', limit: 'abc' }).accounts).to.have.length(DEFAULT_LIMIT);
      expect(ok({ q: 'co', limit: '3' }).accounts).to.have.length(3);
      expect(ok({ q: 'co', limit: '5000' }).accounts).to.have.length(MAX_LIMIT);
    });

    it('serves bigger pages from a server configured for them (a long list in one answer)', () => {
      const outcome = searchPage(dataset, { q: 'er', site: 'northwind', limit: '300' }, ANCHOR, { maxLimit: 500 });
      if (!outcome.ok) throw new Error('expected a page');
      expect(outcome.body.total).to.be.greaterThan(300);
      expect(outcome.body.accounts).to.have.length(300);
      expect(ok({ q: 'er', limit: '300' }).accounts, 'the default cap still applies elsewhere').to.have.length(MAX_LIMIT);
    });

    it('rejects a cursor from another search, or garbage, with 400', () => {
      const cursor = ok({ q: 'dental', limit: 5 }).nextCursor!;
      const other = searchPage(dataset, { q: 'excavating', site: 'northwind', cursor }, ANCHOR);
      expect(!other.ok && other.status).to.equal(400);
      const otherSite = searchPage(dataset, { q: 'dental', site: 'summit', cursor }, ANCHOR);
      expect(!otherSite.ok && otherSite.status).to.equal(400);
      const garbage = searchPage(dataset, { q: 'dental', site: 'northwind', cursor: '%%%not-a-cursor' }, ANCHOR);
      expect(!garbage.ok && garbage.body.error).to.equal('invalid-cursor');
    });

    it('round-trips cursors, including non-ASCII queries', () => {
      const state = { offset: 50, key: 'northwind\u0000الواحة société' };
      expect(decodeCursor(encodeCursor(state))).to.deep.equal(state);
      expect(encodeCursor(state)).to.match(/^[A-Za-z0-9_-]+$/);
    });
  });

  describe('sync over time', () => {
    it('keeps a pending account unsynced until its sync time, then shows it synced', () => {
      const record = dataset.byId.get(STORY_ACCOUNTS.pendingSync.id)!;
      expect(accountAt(record, ANCHOR + 6 * MINUTE).portalSyncedAt).to.equal(null);
      expect(accountAt(record, ANCHOR + 7 * MINUTE).portalSyncedAt).to.equal(new Date(record.syncsAt!).toISOString());
      expect(record.account.portalSyncedAt, 'the dataset itself is unchanged').to.equal(null);
    });

    it('with the sync stalled, keeps the pending account waiting past its expected time: then it is overdue', () => {
      const record = dataset.byId.get(STORY_ACCOUNTS.pendingSync.id)!;
      expect(accountAt(record, ANCHOR + 7 * MINUTE, true).portalSyncedAt).to.equal(null);
      const outcome = searchPage(dataset, { q: 'meadowlark', site: 'northwind' }, ANCHOR + 12 * MINUTE, { syncStalled: true });
      if (!outcome.ok) throw new Error('expected a page');
      const { accounts, site, asOf } = outcome.body;
      expect(evaluateAccount(accounts[0]!, { site, now: new Date(asOf!) }).code).to.equal('sync-overdue');
    });

    it('turns the pending story account linkable 15 minutes later, but never the overdue one', () => {
      const later = ANCHOR + 15 * MINUTE;
      const body = ok({ q: 'meadowlark' }, later);
      expect(evaluateAccount(body.accounts[0]!, { site: body.site, now: new Date(body.asOf!) }).code).to.equal('linkable');
      const overdue = ok({ q: 'lakeshore paving' }, later);
      expect(evaluateAccount(overdue.accounts[0]!, { site: overdue.site, now: new Date(overdue.asOf!) }).code).to.equal('sync-overdue');
    });
  });
});
