import { expect } from '@open-wc/testing';
import { explain, formatCountdown, groupOf } from '../../src/internal/explain.js';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { Account, Contract, Site } from '../../src/rules/types.js';

const now = new Date('2026-03-10T12:00:00Z');
const site: Site = { id: 'nwf', name: 'Northwind', privateLabels: ['NWF', 'NWF-EQ'], includeUnlabeled: false };
const options = { locale: 'en-US', syncWindowMinutes: 15 };

function c(partial: Partial<Contract> = {}): Contract {
  return { id: 'c', role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: '2026-01-01T00:00:00Z', ...partial };
}

function say(account: Partial<Account>, onSite: Site = site) {
  const full: Account = { id: 'a', name: 'Acme', contracts: [], ...account };
  const eligibility = evaluateAccount(full, { site: onSite, now, syncWindowMinutes: 15 });
  return { eligibility, ...explain(full, eligibility, options) };
}

describe('explain', () => {
  it('puts each verdict in its group', () => {
    expect(groupOf('linkable')).to.equal('linkable');
    expect(groupOf('pending-sync')).to.equal('pending');
    expect(groupOf('sync-overdue')).to.equal('blocked');
    expect(groupOf('no-active-contract')).to.equal('blocked');
    expect(groupOf('label-mismatch')).to.equal('blocked');
    expect(groupOf('already-linked')).to.equal('linked');
  });

  describe('summary', () => {
    it('counts active contracts by role, with singular and plural', () => {
      expect(say({ contracts: [c(), c()] }).summary).to.equal('Customer on 2 active contracts');
      expect(say({ contracts: [c()] }).summary).to.equal('Customer on 1 active contract');
      expect(say({ contracts: [c({ role: 'Guarantor' })] }).summary).to.equal('Guarantor on 1 active contract');
      expect(say({ contracts: [c(), c({ role: 'guarantor' })] }).summary).to.equal('Customer on 1 active contract, guarantor on 1');
      expect(say({ contracts: [c(), c(), c({ role: 'guarantor' })] }).summary).to.equal('Customer on 2 active contracts, guarantor on 1');
    });

    it('says when there is no active contract or none at all', () => {
      expect(say({ contracts: [] }).summary).to.equal('No contracts');
      expect(say({ contracts: [c({ status: 'terminated' })] }).summary).to.equal('No active contracts (1 contract)');
    });
  });

  it('linkable: no reason, no next step', () => {
    const words = say({ contracts: [c()] });
    expect(words.eligibility.code).to.equal('linkable');
    expect(words.reason).to.equal('');
    expect(words.nextStep).to.equal('');
  });

  it('no active contract: says what was found instead and what to do', () => {
    const words = say({
      contracts: [c({ status: 'terminated' }), c({ status: 'Terminated ' }), c({ status: 'pending' }), c({ role: 'Vendor' })],
    });
    expect(words.eligibility.code).to.equal('no-active-contract');
    expect(words.status).to.equal('No active contract');
    expect(words.reason).to.include('2 terminated contracts');
    expect(words.reason).to.include('1 contract not yet booked');
    expect(words.reason).to.include('1 contract as Vendor');
    expect(words.nextStep).to.include('once its contract is booked');
  });

  it('no active contract: terminated only, other roles only, and nothing at all', () => {
    expect(say({ contracts: [c({ status: 'terminated' })] }).nextStep).to.include('Terminated contracts give no portal access');
    const vendor = say({ contracts: [c({ role: 'Vendor' }), c({ role: 'Broker' })] });
    expect(vendor.reason).to.include('2 contracts as Vendor and Broker');
    expect(vendor.nextStep).to.include('Only customers and guarantors');
    expect(say({ contracts: [] }).reason).to.equal('It has no contracts at all.');
  });

  it('label mismatch: names the labels the contracts carry and those the site includes', () => {
    const words = say({ contracts: [c({ privateLabel: 'SUMMIT' }), c({ privateLabel: null })] });
    expect(words.eligibility.code).to.equal('label-mismatch');
    expect(words.reason).to.equal('Its active contracts carry SUMMIT and no label; this site includes NWF and NWF-EQ.');
    expect(words.nextStep).to.include('configured for SUMMIT');
    const unlabeledSite = say({ contracts: [c({ privateLabel: 'SUMMIT' })] }, { id: 'd', privateLabels: [], includeUnlabeled: true });
    expect(unlabeledSite.reason).to.include('this site includes only contracts with no label');
    const onlyUnlabeled = say({ contracts: [c({ privateLabel: '' })] });
    expect(onlyUnlabeled.nextStep).to.equal('Link it on a site that includes contracts with no private label.');
  });

  it('pending sync: says when it should be linkable and that the picker checks again', () => {
    const words = say({ portalSyncedAt: null, contracts: [c({ bookedAt: '2026-03-10T11:55:00Z' })] });
    expect(words.eligibility.code).to.equal('pending-sync');
    expect(words.group).to.equal('pending');
    expect(words.reason).to.include('within 15 minutes');
    expect(words.nextStep).to.match(/It should be linkable by .+\. The picker checks again by itself\./);
  });

  it('sync overdue: says when it was booked and to contact support', () => {
    const words = say({ portalSyncedAt: null, contracts: [c({ bookedAt: '2026-03-09T08:00:00Z' })] });
    expect(words.eligibility.code).to.equal('sync-overdue');
    expect(words.status).to.equal('Sync overdue');
    expect(words.reason).to.match(/^Booked on .+ but still not in the portal, long after the 15-minute sync\.$/);
    expect(words.nextStep).to.include('Contact support');
  });

  it('already linked', () => {
    const words = say({ linkedToUser: true, contracts: [c()] });
    expect(words.group).to.equal('linked');
    expect(words.reason).to.equal('This user can already see its contracts.');
    expect(words.nextStep).to.equal('Nothing to do.');
  });

  it('never throws on odd facts', () => {
    const odd = say({ contracts: 'nope' as unknown as Contract[] });
    expect(odd.summary).to.equal('No contracts');
  });

  it('formats the countdown as a duration', () => {
    // A duration, not a clock: "6:05" next to "by 2:58 AM" reads as a time of day.
    expect(formatCountdown(6 * 60_000 + 5_000)).to.equal('6 min 5 s');
    expect(formatCountdown(42_000)).to.equal('42 s');
    expect(formatCountdown(3_600_000 + 61_000)).to.equal('1 h 1 min');
    expect(formatCountdown(-5)).to.equal('0 s');
  });
});
