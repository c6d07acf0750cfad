import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { Account, Contract, EligibilityCode, EvaluationContext, Site } from '../../src/rules/types.js';

/** Properties of the rules that must hold for any data, not only the examples in the table tests. */

const CODES: EligibilityCode[] = ['already-linked', 'no-active-contract', 'label-mismatch', 'pending-sync', 'sync-overdue', 'linkable'];
const NOW = Date.parse('2026-11-25T12:00:00Z');
const RUNS = { numRuns: 1000 };

/** Times around now, so every sync branch (inside, at and past the window, future) is reached. */
const timestamp = fc.integer({ min: -120, max: 30 }).map((minutes) => new Date(NOW + minutes * 60_000).toISOString());
const maybeTimestamp = fc.oneof(timestamp, fc.constantFrom(null, undefined, 'garbage', ''));

/** Values as an endpoint might send them: mostly meaningful, with case, whitespace and junk. */
const contractArb: fc.Arbitrary<Contract> = fc.record({
  id: fc.string({ maxLength: 4 }),
  role: fc.constantFrom('customer', 'guarantor', 'vendor', 'broker', ''),
  status: fc.constantFrom('booked', 'terminated', 'pending', 'on hold'),
  privateLabel: fc.constantFrom('NWF', 'nwf-eq', 'SUMMIT', null, undefined, ''),
  bookedAt: maybeTimestamp,
}) as fc.Arbitrary<Contract>;

const accountArb = fc.record(
  {
    id: fc.constant('a'),
    name: fc.constant('Acme'),
    portalSyncedAt: fc.oneof(timestamp, fc.constantFrom(null, 'garbage')),
    linkedToUser: fc.boolean(),
    contracts: fc.array(contractArb, { maxLength: 6 }),
  },
  { requiredKeys: ['id', 'name', 'contracts'] },
) as fc.Arbitrary<Account>;

const siteArb: fc.Arbitrary<Site> = fc.record({
  id: fc.constant('s'),
  privateLabels: fc.subarray(['NWF', 'NWF-EQ', 'SUMMIT']),
  includeUnlabeled: fc.boolean(),
});

const contextArb: fc.Arbitrary<EvaluationContext> = fc.record(
  {
    site: siteArb,
    now: fc.integer({ min: -60, max: 60 }).map((minutes) => new Date(NOW + minutes * 60_000)),
    syncWindowMinutes: fc.constantFrom(0, 5, 15, 60),
  },
  { requiredKeys: ['site', 'now'] },
);

/** Any JSON-ish value, with the keys the rules read mixed in so the junk reaches the deep branches. */
const junk = fc.anything({ maxDepth: 3, withDate: true, withMap: true, withNullPrototype: true, withSparseArray: true });
const junkContract = fc.oneof(junk, fc.record({ role: junk, status: junk, privateLabel: junk, bookedAt: junk, id: junk }), contractArb);
const junkAccount = fc.oneof(
  junk,
  fc.record({ linkedToUser: junk, portalSyncedAt: junk, contracts: fc.oneof(junk, fc.array(junkContract, { maxLength: 5 })) }),
);
const junkSite = fc.oneof(junk, fc.record({ privateLabels: fc.oneof(junk, fc.array(junk, { maxLength: 4 })), includeUnlabeled: junk }));

/** The same text in another letter case, with whitespace around it. */
function respell(value: unknown, upper: boolean, pad: string): unknown {
  if (typeof value !== 'string') return value;
  return pad + (upper ? value.toUpperCase() : value.toLowerCase()) + pad;
}

describe('evaluateAccount properties', () => {
  it('never throws on arbitrary accounts, sites, windows and clocks, and always answers a known code', () => {
    fc.assert(
      fc.property(junkAccount, junkSite, junk, fc.oneof(fc.date(), junk), (account, site, syncWindowMinutes, now) => {
        const result = evaluateAccount(account as Account, { site, now, syncWindowMinutes } as EvaluationContext);
        expect(CODES).to.include(result.code);
        if (result.expectedSyncBy !== undefined) expect(Number.isNaN(Date.parse(result.expectedSyncBy))).to.equal(false);
      }),
      RUNS,
    );
  });

  it('says linkable exactly when the code is linkable', () => {
    fc.assert(
      fc.property(accountArb, contextArb, (account, context) => {
        const result = evaluateAccount(account, context);
        expect(result.linkable).to.equal(result.code === 'linkable');
      }),
      RUNS,
    );
  });

  it('gives expectedSyncBy only with pending-sync or sync-overdue', () => {
    fc.assert(
      fc.property(accountArb, contextArb, (account, context) => {
        const result = evaluateAccount(account, context);
        if (result.expectedSyncBy !== undefined) expect(['pending-sync', 'sync-overdue']).to.include(result.code);
        if (result.code === 'pending-sync' && !('portalSyncedAt' in result.facts)) expect(result.expectedSyncBy).to.be.a('string');
      }),
      RUNS,
    );
  });

  it('gives the same verdict whatever the order of the contracts', () => {
    fc.assert(
      fc.property(accountArb, contextArb, fc.integer(), (account, context, seed) => {
        const shuffled = [...account.contracts];
        // A seeded Fisher–Yates, so a failure replays exactly.
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1_664_525 + 1_013_904_223) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const before = evaluateAccount(account, context);
        const after = evaluateAccount({ ...account, contracts: shuffled }, context);
        expect([after.code, after.expectedSyncBy]).to.deep.equal([before.code, before.expectedSyncBy]);
        expect([...after.facts.relevantContractIds].sort()).to.deep.equal([...before.facts.relevantContractIds].sort());
      }),
      RUNS,
    );
  });

  it('gives the same verdict whatever the letter case and surrounding whitespace of role, status and label', () => {
    fc.assert(
      fc.property(accountArb, contextArb, fc.boolean(), fc.constantFrom('', ' ', '\t', '  \n'), (account, context, upper, pad) => {
        const respelled = {
          ...account,
          contracts: account.contracts.map((c) => ({
            ...c,
            role: respell(c.role, upper, pad),
            status: respell(c.status, !upper, pad),
            privateLabel: respell(c.privateLabel, upper, pad),
          })),
        } as Account;
        const site = { ...context.site, privateLabels: context.site.privateLabels.map((l) => respell(l, !upper, pad) as string) };
        const before = evaluateAccount(account, context);
        const after = evaluateAccount(respelled, { ...context, site });
        expect([after.code, after.expectedSyncBy]).to.deep.equal([before.code, before.expectedSyncBy]);
      }),
      RUNS,
    );
  });

  it('answers already-linked whenever linkedToUser is true', () => {
    fc.assert(
      fc.property(accountArb, contextArb, (account, context) => {
        expect(evaluateAccount({ ...account, linkedToUser: true }, context).code).to.equal('already-linked');
      }),
      RUNS,
    );
  });

  it('keeps its facts consistent with the verdict', () => {
    fc.assert(
      fc.property(accountArb, contextArb, (account, context) => {
        const { code, facts } = evaluateAccount(account, context);
        const r = facts.roleContracts;
        expect(facts.contractCount).to.equal(account.contracts.length);
        expect(r.booked + r.terminated + r.pending + r.other + facts.otherRoleContracts).to.equal(facts.contractCount);
        expect(facts.activeAsCustomer + facts.activeAsGuarantor).to.equal(r.booked);
        if (code === 'no-active-contract') expect(r.booked).to.equal(0);
        if (code === 'label-mismatch') expect([r.booked > 0, facts.relevantContractIds.length]).to.deep.equal([true, 0]);
        if (['pending-sync', 'sync-overdue', 'linkable'].includes(code)) expect(facts.relevantContractIds.length).to.be.greaterThan(0);
        if (code === 'sync-overdue') expect(facts.syncBasis).to.equal('explicit');
      }),
      RUNS,
    );
  });

  it('moves from pending-sync to sync-overdue exactly at expectedSyncBy as the clock runs', () => {
    fc.assert(
      fc.property(accountArb, contextArb, (account, context) => {
        const result = evaluateAccount({ ...account, linkedToUser: false, portalSyncedAt: null }, context);
        if (result.code !== 'pending-sync' || result.expectedSyncBy === undefined) return;
        // A future booking counts as now, so it moves with the clock: its expectedSyncBy does too.
        if (Date.parse(result.facts.earliestRelevantBookedAt!) > context.now.getTime()) return;
        const due = new Date(result.expectedSyncBy);
        const at = evaluateAccount({ ...account, linkedToUser: false, portalSyncedAt: null }, { ...context, now: due });
        const before = evaluateAccount({ ...account, linkedToUser: false, portalSyncedAt: null }, { ...context, now: new Date(due.getTime() - 1) });
        expect(at.code).to.equal('sync-overdue');
        expect(before.code).to.equal('pending-sync');
      }),
      RUNS,
    );
  });
});
