import { expect } from '@open-wc/testing';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { Account, Contract, EvaluationContext, Site } from '../../src/rules/types.js';

/** One row and one definition of CONTRACT.md §2 per test, plus the edge cases around each. */

const NOW = '2026-11-25T12:00:00.000Z';
const now = new Date(NOW);
const site: Site = { id: 'nwf', name: 'Northwind Finance', privateLabels: ['NWF', 'NWF-EQ'], includeUnlabeled: false };
const context: EvaluationContext = { site, now };

const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

/** A contract that passes every check, booked long ago, unless told otherwise. */
function contract(overrides: Partial<Record<keyof Contract, unknown>> = {}): Contract {
  return { id: 'c1', role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: minutesAgo(600), ...overrides } as Contract;
}

function account(contracts: unknown, overrides: Partial<Record<keyof Account, unknown>> = {}): Account {
  return { id: 'a1', name: 'Acme Leasing', contracts, ...overrides } as Account;
}

const codeOf = (a: unknown, ctx: EvaluationContext = context) => evaluateAccount(a as Account, ctx).code;

describe('evaluateAccount', () => {
  describe('linkable', () => {
    it('is linkable when every check passes', () => {
      const result = evaluateAccount(account([contract()]), context);
      expect(result.code).to.equal('linkable');
      expect(result.linkable).to.equal(true);
      expect(result.expectedSyncBy).to.equal(undefined);
    });

    it('is linkable as a guarantor too', () => {
      expect(codeOf(account([contract({ role: 'guarantor' })]))).to.equal('linkable');
    });
  });

  describe('order 0: already-linked', () => {
    it('wins over every other verdict', () => {
      for (const contracts of [[], [contract({ status: 'terminated' })], [contract({ privateLabel: 'OTHER' })], [contract({ bookedAt: minutesAgo(1) })], 'garbage']) {
        const result = evaluateAccount(account(contracts, { linkedToUser: true, portalSyncedAt: null }), context);
        expect(result.code).to.equal('already-linked');
        expect(result.linkable).to.equal(false);
        expect(result.expectedSyncBy).to.equal(undefined);
      }
    });

    it('needs linkedToUser to be exactly true', () => {
      for (const linkedToUser of [false, 'true', 1, null, undefined]) {
        expect(codeOf(account([contract()], { linkedToUser }))).to.equal('linkable');
      }
    });

    it('still reports the facts behind the account', () => {
      const { facts } = evaluateAccount(account([contract()], { linkedToUser: true }), context);
      expect(facts.relevantContractIds).to.deep.equal(['c1']);
    });
  });

  describe('order 1: no-active-contract', () => {
    it('applies when the account has no contracts', () => {
      expect(codeOf(account([]))).to.equal('no-active-contract');
    });

    it('applies when every role-counting contract is terminated, pending or unknown', () => {
      for (const status of ['terminated', 'pending', 'closed', '', null, 3]) {
        expect(codeOf(account([contract({ status })])), String(status)).to.equal('no-active-contract');
      }
    });

    it('applies when the only active contracts have roles that do not count', () => {
      for (const role of ['vendor', 'broker', 'co-lessee', 'customers', '', null, 7]) {
        expect(codeOf(account([contract({ role })])), String(role)).to.equal('no-active-contract');
      }
    });

    it('does not mix role and status across contracts', () => {
      // Customer on a terminated contract, vendor on a booked one: neither is active as customer.
      expect(codeOf(account([contract({ status: 'terminated' }), contract({ role: 'vendor' })]))).to.equal('no-active-contract');
    });

    it('compares role and status trimmed and case-insensitively', () => {
      expect(codeOf(account([contract({ role: '  Customer ', status: 'BOOKED\t' })]))).to.equal('linkable');
      expect(codeOf(account([contract({ role: 'GUARANTOR', status: ' Booked' })]))).to.equal('linkable');
      expect(codeOf(account([contract({ status: ' Terminated ' })]))).to.equal('no-active-contract');
    });
  });

  describe('order 2: label-mismatch', () => {
    it('applies when no active contract has a label mapped to the site', () => {
      expect(codeOf(account([contract({ privateLabel: 'SUMMIT' })]))).to.equal('label-mismatch');
    });

    it('compares labels trimmed and case-insensitively, on both sides', () => {
      expect(codeOf(account([contract({ privateLabel: ' nwf-eq ' })]))).to.equal('linkable');
      const spaced: Site = { id: 's', privateLabels: ['  Summit  '] };
      expect(codeOf(account([contract({ privateLabel: 'SUMMIT' })]), { site: spaced, now })).to.equal('linkable');
    });

    it('maps a contract with no label (null, absent, empty) only when the site includes unlabeled', () => {
      const withUnlabeled: Site = { ...site, includeUnlabeled: true };
      for (const privateLabel of [null, undefined, '', '   ']) {
        expect(codeOf(account([contract({ privateLabel })])), `${privateLabel}`).to.equal('label-mismatch');
        expect(codeOf(account([contract({ privateLabel })]), { site: withUnlabeled, now }), `${privateLabel}`).to.equal('linkable');
      }
      const absent = contract();
      delete absent.privateLabel;
      expect(codeOf(account([absent]))).to.equal('label-mismatch');
      expect(codeOf(account([absent]), { site: withUnlabeled, now })).to.equal('linkable');
    });

    it('needs includeUnlabeled to be exactly true', () => {
      for (const includeUnlabeled of ['true', 1, null]) {
        const odd = { ...site, includeUnlabeled } as unknown as Site;
        expect(codeOf(account([contract({ privateLabel: null })]), { site: odd, now })).to.equal('label-mismatch');
      }
    });

    it('does not let a labeled contract match an unlabeled-only site', () => {
      const defaultSite: Site = { id: 'default', privateLabels: [], includeUnlabeled: true };
      expect(codeOf(account([contract({ privateLabel: 'NWF' })]), { site: defaultSite, now })).to.equal('label-mismatch');
    });

    it('treats a site.privateLabels that is not an array as no labels', () => {
      for (const privateLabels of ['NWF', { 0: 'NWF' }, null, undefined, 5]) {
        const odd = { id: 'x', privateLabels } as unknown as Site;
        expect(codeOf(account([contract()]), { site: odd, now }), String(privateLabels)).to.equal('label-mismatch');
      }
    });

    it('ignores site labels that are not strings, and an empty site label does not mean unlabeled', () => {
      const odd = { id: 'x', privateLabels: [null, 5, '', '  ', 'NWF'] } as unknown as Site;
      expect(codeOf(account([contract()]), { site: odd, now })).to.equal('linkable');
      expect(codeOf(account([contract({ privateLabel: '' })]), { site: odd, now })).to.equal('label-mismatch');
    });

    it('treats a label that is not a string as one that matches no site, not as no label', () => {
      const withUnlabeled: Site = { ...site, includeUnlabeled: true };
      expect(codeOf(account([contract({ privateLabel: 42 })]), { site: withUnlabeled, now })).to.equal('label-mismatch');
    });

    it('judges labels only on active role-counting contracts', () => {
      const contracts = [contract({ privateLabel: 'SUMMIT' }), contract({ id: 'c2', status: 'terminated' }), contract({ id: 'c3', role: 'vendor' })];
      expect(codeOf(account(contracts))).to.equal('label-mismatch');
    });

    it('treats a missing site as no labels and no unlabeled', () => {
      expect(codeOf(account([contract()]), { site: undefined as unknown as Site, now })).to.equal('label-mismatch');
    });
  });

  describe('order 3, explicit sync (portalSyncedAt present)', () => {
    it('is linkable when synced at or after the relevant booking', () => {
      const bookedAt = minutesAgo(5);
      expect(codeOf(account([contract({ bookedAt })], { portalSyncedAt: bookedAt }))).to.equal('linkable');
      expect(codeOf(account([contract({ bookedAt })], { portalSyncedAt: minutesAgo(1) }))).to.equal('linkable');
    });

    it('is pending-sync when synced before the booking and the window has not passed', () => {
      const result = evaluateAccount(account([contract({ bookedAt: minutesAgo(5) })], { portalSyncedAt: minutesAgo(60) }), context);
      expect(result.code).to.equal('pending-sync');
      expect(result.linkable).to.equal(false);
      expect(result.expectedSyncBy).to.equal(new Date(now.getTime() + 10 * 60_000).toISOString());
    });

    it('is sync-overdue when synced before the booking and the window has passed', () => {
      const result = evaluateAccount(account([contract({ bookedAt: minutesAgo(60) })], { portalSyncedAt: minutesAgo(120) }), context);
      expect(result.code).to.equal('sync-overdue');
      expect(result.expectedSyncBy).to.equal(minutesAgo(45));
    });

    it('reads null as never synced: pending, then overdue, however old the booking', () => {
      expect(codeOf(account([contract({ bookedAt: minutesAgo(5) })], { portalSyncedAt: null }))).to.equal('pending-sync');
      expect(codeOf(account([contract({ bookedAt: minutesAgo(600) })], { portalSyncedAt: null }))).to.equal('sync-overdue');
    });

    it('is linkable when synced for any one relevant contract', () => {
      const contracts = [contract({ bookedAt: minutesAgo(5) }), contract({ id: 'c2', bookedAt: minutesAgo(90) })];
      expect(codeOf(account(contracts, { portalSyncedAt: minutesAgo(60) }))).to.equal('linkable');
    });

    it('ignores syncs against contracts that are not relevant', () => {
      // The old booking is under another label, so the sync after it proves nothing here.
      const contracts = [contract({ bookedAt: minutesAgo(5) }), contract({ id: 'c2', privateLabel: 'SUMMIT', bookedAt: minutesAgo(90) })];
      expect(codeOf(account(contracts, { portalSyncedAt: minutesAgo(60) }))).to.equal('pending-sync');
    });

    it('counts a synced account as synced for a relevant contract whose bookedAt is unknown', () => {
      for (const bookedAt of [null, undefined, 'garbage', 5]) {
        expect(codeOf(account([contract({ bookedAt })], { portalSyncedAt: minutesAgo(600) })), String(bookedAt)).to.equal('linkable');
      }
    });

    it('reads never-synced with an unknown bookedAt as overdue, with no expectedSyncBy', () => {
      // Unknown bookedAt counts as long ago, so its window has long passed.
      const result = evaluateAccount(account([contract({ bookedAt: null }), contract({ id: 'c2', bookedAt: minutesAgo(1) })], { portalSyncedAt: null }), context);
      expect(result.code).to.equal('sync-overdue');
      expect(result.expectedSyncBy).to.equal(undefined);
      expect(result.facts.earliestRelevantBookedAt).to.equal(minutesAgo(1));
    });

    it('computes expectedSyncBy from the earliest relevant booking', () => {
      const contracts = [contract({ bookedAt: minutesAgo(2) }), contract({ id: 'c2', bookedAt: minutesAgo(8) }), contract({ id: 'c3', bookedAt: minutesAgo(4) })];
      const result = evaluateAccount(account(contracts, { portalSyncedAt: null }), context);
      expect(result.code).to.equal('pending-sync');
      expect(result.expectedSyncBy).to.equal(new Date(now.getTime() + 7 * 60_000).toISOString());
    });

    it('is overdue exactly at expectedSyncBy, pending one millisecond before', () => {
      const bookedAt = minutesAgo(15);
      expect(codeOf(account([contract({ bookedAt })], { portalSyncedAt: null }))).to.equal('sync-overdue');
      const justBefore = { site, now: new Date(now.getTime() - 1) };
      expect(codeOf(account([contract({ bookedAt })], { portalSyncedAt: null }), justBefore)).to.equal('pending-sync');
    });

    it('treats an invalid portalSyncedAt as absent, so sync is inferred', () => {
      for (const portalSyncedAt of ['garbage', '2026-02-30T00:00:00Z', 12, true, {}]) {
        const result = evaluateAccount(account([contract({ bookedAt: minutesAgo(600) })], { portalSyncedAt }), context);
        expect(result.code, String(portalSyncedAt)).to.equal('linkable');
        expect(result.facts.syncBasis).to.equal('inferred');
        expect('portalSyncedAt' in result.facts).to.equal(false);
      }
    });
  });

  describe('order 3, inferred sync (portalSyncedAt absent)', () => {
    it('is linkable once a relevant contract was booked at least one window ago', () => {
      expect(codeOf(account([contract({ bookedAt: minutesAgo(15) })]))).to.equal('linkable');
      expect(codeOf(account([contract({ bookedAt: minutesAgo(14) }), contract({ id: 'c2', bookedAt: minutesAgo(16) })]))).to.equal('linkable');
    });

    it('is pending-sync, never overdue, while every relevant booking is inside the window', () => {
      const result = evaluateAccount(account([contract({ bookedAt: minutesAgo(14) }), contract({ id: 'c2', bookedAt: minutesAgo(3) })]), context);
      expect(result.code).to.equal('pending-sync');
      expect(result.expectedSyncBy).to.equal(new Date(now.getTime() + 60_000).toISOString());
      expect(result.facts.syncBasis).to.equal('inferred');
    });

    it('is linkable when any relevant bookedAt is unknown (unknown counts as long ago)', () => {
      for (const bookedAt of [null, undefined, '', 'yesterday', '2026-13-01', 20260101]) {
        expect(codeOf(account([contract({ bookedAt: minutesAgo(1) }), contract({ id: 'c2', bookedAt })])), String(bookedAt)).to.equal('linkable');
      }
    });

    it('counts a bookedAt in the future as now', () => {
      const result = evaluateAccount(account([contract({ bookedAt: '2027-01-01T00:00:00Z' })]), context);
      expect(result.code).to.equal('pending-sync');
      expect(result.expectedSyncBy).to.equal(new Date(now.getTime() + 15 * 60_000).toISOString());
      expect(result.facts.earliestRelevantBookedAt).to.equal('2027-01-01T00:00:00.000Z');
    });

    it('counts a future bookedAt as now in explicit sync too: synced now or later is synced', () => {
      expect(codeOf(account([contract({ bookedAt: '2027-01-01T00:00:00Z' })], { portalSyncedAt: NOW }))).to.equal('linkable');
      expect(codeOf(account([contract({ bookedAt: '2027-01-01T00:00:00Z' })], { portalSyncedAt: minutesAgo(1) }))).to.equal('pending-sync');
    });
  });

  describe('the window', () => {
    it('defaults to 15 minutes', () => {
      const result = evaluateAccount(account([contract({ bookedAt: minutesAgo(0) })]), context);
      expect(result.expectedSyncBy).to.equal(new Date(now.getTime() + 15 * 60_000).toISOString());
    });

    it('uses syncWindowMinutes when given, including 0 and fractions', () => {
      const bookedAt = minutesAgo(6);
      expect(codeOf(account([contract({ bookedAt })]), { ...context, syncWindowMinutes: 5 })).to.equal('linkable');
      expect(codeOf(account([contract({ bookedAt })]), { ...context, syncWindowMinutes: 30 })).to.equal('pending-sync');
      expect(codeOf(account([contract({ bookedAt: minutesAgo(0) })]), { ...context, syncWindowMinutes: 0 })).to.equal('linkable');
      const half = evaluateAccount(account([contract({ bookedAt: NOW })]), { ...context, syncWindowMinutes: 0.5 });
      expect(half.expectedSyncBy).to.equal('2026-11-25T12:00:30.000Z');
    });

    it('falls back to 15 for a negative, NaN, infinite or non-number window', () => {
      for (const syncWindowMinutes of [-5, NaN, Infinity, '30', null]) {
        const result = evaluateAccount(account([contract({ bookedAt: NOW })]), { ...context, syncWindowMinutes } as EvaluationContext);
        expect(result.expectedSyncBy, String(syncWindowMinutes)).to.equal('2026-11-25T12:15:00.000Z');
      }
    });
  });

  describe('time', () => {
    it('uses only context.now, never the client clock', () => {
      const past = { site, now: new Date('2020-01-01T00:00:00Z') };
      expect(codeOf(account([contract({ bookedAt: '2020-01-01T00:00:00Z' })]), past)).to.equal('pending-sync');
    });

    it('reads date-times without an offset as UTC, and honours explicit offsets', () => {
      expect(evaluateAccount(account([contract({ bookedAt: '2026-11-25T11:50:00' })]), context).expectedSyncBy).to.equal('2026-11-25T12:05:00.000Z');
      expect(evaluateAccount(account([contract({ bookedAt: '2026-11-25T13:50:00+02:00' })]), context).expectedSyncBy).to.equal('2026-11-25T12:05:00.000Z');
    });

    it('never calls a sync overdue when now itself is invalid', () => {
      const lost = { site, now: new Date('nope') };
      expect(codeOf(account([contract({ bookedAt: '2020-01-01T00:00:00Z' })], { portalSyncedAt: null }), lost)).to.equal('pending-sync');
    });
  });

  describe('odd data', () => {
    it('never throws, and answers no-active-contract for an account with nothing to judge', () => {
      for (const odd of [null, undefined, 42, 'acme', [], () => 1, {}, { contracts: null }, { contracts: 'x' }, { contracts: {} }]) {
        expect(codeOf(odd), String(odd)).to.equal('no-active-contract');
      }
    });

    it('skips contract entries that are not objects', () => {
      const result = evaluateAccount(account([null, 5, 'c', [], undefined, contract()]), context);
      expect(result.code).to.equal('linkable');
      expect(result.facts.contractCount).to.equal(1);
    });

    it('does not throw on a missing context', () => {
      expect(evaluateAccount(account([contract()]), undefined as unknown as EvaluationContext).code).to.equal('label-mismatch');
    });

    it('does not throw when a date would fall outside what a Date can hold', () => {
      const result = evaluateAccount(account([contract({ bookedAt: '9999-12-31T23:59:59Z' })]), { site, now: new Date(8.64e15), syncWindowMinutes: 1e12 });
      expect(result.code).to.equal('pending-sync');
      expect(result.expectedSyncBy).to.equal(undefined);
    });

    it('sees edits to a site object between calls', () => {
      const editable: Site = { id: 'e', privateLabels: ['NWF'] };
      expect(codeOf(account([contract({ privateLabel: 'SUMMIT' })]), { site: editable, now })).to.equal('label-mismatch');
      editable.privateLabels.push('SUMMIT');
      expect(codeOf(account([contract({ privateLabel: 'SUMMIT' })]), { site: editable, now })).to.equal('linkable');
      editable.privateLabels[1] = 'OTHER';
      expect(codeOf(account([contract({ privateLabel: 'SUMMIT' })]), { site: editable, now })).to.equal('label-mismatch');
      editable.includeUnlabeled = true;
      expect(codeOf(account([contract({ privateLabel: null })]), { site: editable, now })).to.equal('linkable');
    });
  });

  describe('facts', () => {
    it('counts contracts by role and status, and lists the other roles as written', () => {
      const contracts = [
        contract({ id: 'k1' }),
        contract({ id: 'k2', role: ' Guarantor', privateLabel: 'SUMMIT' }),
        contract({ id: 'k3', status: 'terminated' }),
        contract({ id: 'k4', status: 'Pending' }),
        contract({ id: 'k5', status: 'on hold' }),
        contract({ id: 'k6', role: ' Vendor ' }),
        contract({ id: 'k7', role: 'vendor' }),
        contract({ id: 'k8', role: 'Broker' }),
        contract({ id: 'k9', role: null }),
        null,
      ];
      const { facts } = evaluateAccount(account(contracts), context);
      expect(facts.contractCount).to.equal(9);
      expect(facts.roleContracts).to.deep.equal({ booked: 2, terminated: 1, pending: 1, other: 1 });
      expect(facts.otherRoleContracts).to.equal(4);
      expect(facts.otherRoles).to.deep.equal(['Vendor', 'Broker']);
      expect(facts.activeAsCustomer).to.equal(1);
      expect(facts.activeAsGuarantor).to.equal(1);
    });

    it('lists the active labels (distinct, trimmed, as written), the site labels and unlabeled flags', () => {
      const contracts = [
        contract({ id: 'k1', privateLabel: ' Summit ' }),
        contract({ id: 'k2', privateLabel: 'SUMMIT' }),
        contract({ id: 'k3', privateLabel: null }),
        contract({ id: 'k4', privateLabel: 'Other', status: 'terminated' }),
      ];
      const { facts } = evaluateAccount(account(contracts), { site: { id: 's', privateLabels: [' NWF ', 'nwf', 'NWF-EQ'], includeUnlabeled: true }, now });
      expect(facts.activeLabels).to.deep.equal(['Summit']);
      expect(facts.activeUnlabeled).to.equal(true);
      expect(facts.siteLabels).to.deep.equal(['NWF', 'NWF-EQ']);
      expect(facts.siteIncludesUnlabeled).to.equal(true);
      expect(facts.relevantContractIds).to.deep.equal(['k3']);
    });

    it('reports the relevant contracts, the earliest known booking and the explicit sync basis', () => {
      const contracts = [
        contract({ id: 'k1', bookedAt: '2026-11-25T11:00:00+01:00' }),
        contract({ id: 'k2', bookedAt: minutesAgo(5) }),
        contract({ id: 'k3', bookedAt: null }),
        contract({ id: 'k4', privateLabel: 'SUMMIT', bookedAt: minutesAgo(9999) }),
      ];
      const { facts } = evaluateAccount(account(contracts, { portalSyncedAt: '2026-11-25T10:00:00Z' }), context);
      expect(facts.relevantContractIds).to.deep.equal(['k1', 'k2', 'k3']);
      expect(facts.earliestRelevantBookedAt).to.equal('2026-11-25T10:00:00.000Z');
      expect(facts.syncBasis).to.equal('explicit');
      expect(facts.portalSyncedAt).to.equal('2026-11-25T10:00:00.000Z');
    });

    it('reports never synced as portalSyncedAt null, and no earliest booking when none is known', () => {
      const { facts } = evaluateAccount(account([contract({ bookedAt: 'soon' })], { portalSyncedAt: null }), context);
      expect(facts.syncBasis).to.equal('explicit');
      expect(facts.portalSyncedAt).to.equal(null);
      expect('earliestRelevantBookedAt' in facts).to.equal(false);
    });

    it('gives each verdict its own facts, so one caller cannot change another’s', () => {
      const a = evaluateAccount(account([contract()]), context);
      const b = evaluateAccount(account([contract()]), context);
      a.facts.siteLabels.push('X');
      a.facts.relevantContractIds.push('X');
      expect(b.facts.siteLabels).to.deep.equal(['NWF', 'NWF-EQ']);
      expect(b.facts.relevantContractIds).to.deep.equal(['c1']);
    });

    it('leaves the account it reads untouched', () => {
      const input = account([contract({ role: ' Customer ' }), null], { portalSyncedAt: 'garbage' });
      const before = JSON.stringify(input);
      evaluateAccount(input, context);
      expect(JSON.stringify(input)).to.equal(before);
    });
  });
});
