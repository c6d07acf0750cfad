import { expect } from '@open-wc/testing';
import * as eligibility from '../../src/eligibility.js';
import type { Eligibility, SearchResponse } from '../../src/eligibility.js';

describe('link-account-picker/eligibility', () => {
  it('exposes the rules, the clock helper and the parser as plain functions', () => {
    expect(Object.keys(eligibility).sort()).to.deep.equal(
      ['DEFAULT_SYNC_WINDOW_MINUTES', 'evaluateAccount', 'parseSearchResponse', 'serverNow', 'syncWindowMinutes'],
    );
    expect(eligibility.DEFAULT_SYNC_WINDOW_MINUTES).to.equal(15);
  });

  it('works end to end as its @example shows: parse, take the server clock, evaluate', () => {
    const body: SearchResponse = {
      asOf: '2026-11-25T12:00:00Z',
      site: { id: 'nwf', privateLabels: ['NWF'] },
      accounts: [
        { id: 'a1', name: 'Acme', contracts: [{ id: 'c1', role: 'Customer', status: 'booked', privateLabel: 'NWF', bookedAt: '2026-11-25T11:55:00Z' }] },
        { id: 'a2', name: 'Globex', contracts: [{ id: 'c2', role: 'vendor', status: 'booked' }] },
      ],
    };
    const parsed = eligibility.parseSearchResponse(body);
    if (!parsed.ok) throw new Error(parsed.message);
    const { site, asOf, syncWindowMinutes, accounts } = parsed.response;
    const now = eligibility.serverNow(asOf, 100, 60_100);
    const verdicts: Eligibility[] = accounts.map((account) => eligibility.evaluateAccount(account, { site, now, syncWindowMinutes }));
    expect(verdicts.map((v) => v.code)).to.deep.equal(['pending-sync', 'no-active-contract']);
    expect(verdicts[0]!.expectedSyncBy).to.equal('2026-11-25T12:10:00.000Z');
  });
});
