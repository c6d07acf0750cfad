import { expect } from '@open-wc/testing';
import { RecheckController } from '../../src/internal/controllers/recheck-controller.js';
import { MIN_RECHECK_MS, RECHECK_GRACE_MS } from '../../src/internal/defaults.js';
import type { AccountResult } from '../../src/internal/events.js';
import { FakeClock, FakeHost, outcome } from './fakes.js';

function pending(id: string, dueAt: number): AccountResult {
  return {
    account: { id, name: id, contracts: [] },
    eligibility: { code: 'pending-sync', linkable: false, expectedSyncBy: new Date(dueAt).toISOString() } as AccountResult['eligibility'],
  };
}

describe('RecheckController', () => {
  let clock: FakeClock;
  beforeEach(() => (clock = new FakeClock().install()));
  afterEach(() => clock.uninstall());

  it('asks again once, a little after the earliest expected sync time', async () => {
    const host = new FakeHost();
    let refreshes = 0;
    const recheck = new RecheckController(host, () => (refreshes += 1));
    const shown = outcome([pending('late', clock.now + 60_000), pending('soon', clock.now + 10_000)]);
    recheck.watch(shown);
    recheck.watch(shown);
    expect(recheck.armed).to.equal(true);
    await clock.tick(10_000 + RECHECK_GRACE_MS - 1);
    expect(refreshes).to.equal(0);
    await clock.tick(1);
    expect(refreshes).to.equal(1);
    // The same answer again: 'soon' was re-checked already, 'late' is next, spaced at least MIN_RECHECK_MS.
    recheck.watch(shown);
    await clock.tick(60_000);
    expect(refreshes).to.equal(2);
  });

  it('spaces re-checks at least MIN_RECHECK_MS apart, and stops with the host', async () => {
    const host = new FakeHost();
    let refreshes = 0;
    const recheck = new RecheckController(host, () => (refreshes += 1));
    recheck.watch(outcome([pending('a', clock.now - 5000)]));
    await clock.tick(0);
    expect(refreshes).to.equal(1);
    recheck.watch(outcome([pending('b', clock.now - 5000)]));
    await clock.tick(MIN_RECHECK_MS - 1);
    expect(refreshes).to.equal(1);
    await clock.tick(1);
    expect(refreshes).to.equal(2);
    recheck.watch(outcome([pending('c', clock.now + 1000)]));
    host.disconnect();
    await clock.tick(60_000);
    expect(refreshes).to.equal(2);
    expect(recheck.armed).to.equal(false);
  });

  it('arms nothing while no results are settled', () => {
    const recheck = new RecheckController(new FakeHost(), () => undefined);
    recheck.watch(undefined);
    expect(recheck.armed).to.equal(false);
  });
});
