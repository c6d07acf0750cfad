import { expect } from '@open-wc/testing';
import { ClockController } from '../../src/internal/controllers/clock-controller.js';
import { FakeClock, FakeHost } from './fakes.js';

describe('ClockController', () => {
  let clock: FakeClock;
  beforeEach(() => (clock = new FakeClock().install()));
  afterEach(() => clock.uninstall());

  it('re-renders its host once a second only while something counts down', async () => {
    const host = new FakeHost();
    const ticker = new ClockController(host);
    expect(host.controllers).to.include(ticker);
    await clock.tick(5000);
    expect(host.updates).to.equal(0);
    ticker.run(true);
    ticker.run(true);
    await clock.tick(3000);
    expect(host.updates).to.equal(3);
    ticker.run(false);
    await clock.tick(3000);
    expect(host.updates).to.equal(3);
    expect(clock.pending).to.equal(0);
  });

  it('stops when the host leaves the page', async () => {
    const host = new FakeHost();
    new ClockController(host).run(true);
    host.disconnect();
    await clock.tick(3000);
    expect(host.updates).to.equal(0);
    expect(clock.pending).to.equal(0);
  });
});
