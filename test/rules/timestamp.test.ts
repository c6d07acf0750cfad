import { expect } from '@open-wc/testing';
import { serverNow, syncWindowMinutes } from '../../src/rules/evaluate-account.js';
import { isoText, parseTimestamp } from '../../src/rules/timestamp.js';

describe('parseTimestamp', () => {
  it('reads ISO-8601 dates and date-times, with or without milliseconds and offsets', () => {
    expect(parseTimestamp('2026-11-25T12:00:00.000Z')).to.equal(Date.UTC(2026, 10, 25, 12));
    expect(parseTimestamp('2026-11-25T12:00:00Z')).to.equal(Date.UTC(2026, 10, 25, 12));
    expect(parseTimestamp('2026-11-25T12:00:00.5Z')).to.equal(Date.UTC(2026, 10, 25, 12, 0, 0, 500));
    expect(parseTimestamp('2026-11-25T12:00:00.123456Z')).to.equal(Date.UTC(2026, 10, 25, 12, 0, 0, 123));
    expect(parseTimestamp('2026-11-25T14:00:00+02:00')).to.equal(Date.UTC(2026, 10, 25, 12));
    expect(parseTimestamp('2026-11-25T07:30-0430')).to.equal(Date.UTC(2026, 10, 25, 12));
    expect(parseTimestamp('2026-11-25')).to.equal(Date.UTC(2026, 10, 25));
    expect(parseTimestamp(' 2026-11-25 12:00:00z ')).to.equal(Date.UTC(2026, 10, 25, 12));
  });

  it('reads a date-time without an offset as UTC, whatever the browser’s time zone', () => {
    expect(parseTimestamp('2026-11-25T12:00:00')).to.equal(Date.UTC(2026, 10, 25, 12));
  });

  it('rejects impossible dates that Date.parse would roll over, and free-form text', () => {
    for (const text of ['2026-02-29', '2026-02-30T00:00:00Z', '2026-04-31T00:00:00.000Z', '2026-13-01', '2026-11-25T24:00:00Z',
      '2026-11-25T12:60:00Z', '2026-11-25T12:00:00+25:00', 'March 7, 2026', 'Wed Nov 25 2026', '', 'now', '2026-11-25T12:00:00.000X']) {
      expect(Number.isNaN(parseTimestamp(text)), text).to.equal(true);
    }
    expect(parseTimestamp('2024-02-29T00:00:00.000Z')).to.equal(Date.UTC(2024, 1, 29));
  });

  it('rejects anything that is not a string', () => {
    for (const value of [null, undefined, 0, Date.UTC(2026, 0, 1), new Date(), {}, []]) expect(Number.isNaN(parseTimestamp(value))).to.equal(true);
  });

  it('keeps text already in toISOString form, and normalizes the rest', () => {
    expect(isoText('2026-11-25T12:00:00.000Z', 0)).to.equal('2026-11-25T12:00:00.000Z');
    expect(isoText('2026-11-25T14:00:00+02:00', Date.UTC(2026, 10, 25, 12))).to.equal('2026-11-25T12:00:00.000Z');
  });
});

describe('serverNow', () => {
  it('is asOf plus the time elapsed since the response arrived', () => {
    expect(serverNow('2026-11-25T12:00:00Z', 1000, 4000, 0).toISOString()).to.equal('2026-11-25T12:00:03.000Z');
  });

  it('ignores the client clock when asOf is valid, however wrong the client clock is', () => {
    expect(serverNow('2026-11-25T12:00:00Z', 50, 50, Date.UTC(1999, 0, 1)).toISOString()).to.equal('2026-11-25T12:00:00.000Z');
  });

  it('uses the client clock when asOf is absent or invalid', () => {
    const client = Date.UTC(2026, 0, 1);
    for (const asOf of [undefined, '', 'garbage', '2026-02-30T00:00:00Z', 17]) {
      expect(serverNow(asOf, 0, 5000, client).getTime(), String(asOf)).to.equal(client);
    }
  });

  it('never moves the server time backwards when the local clock does', () => {
    expect(serverNow('2026-11-25T12:00:00Z', 5000, 1000, 0).toISOString()).to.equal('2026-11-25T12:00:00.000Z');
    expect(serverNow('2026-11-25T12:00:00Z', NaN, 1000, 0).toISOString()).to.equal('2026-11-25T12:00:00.000Z');
  });

  it('defaults to the real client clock', () => {
    const before = Date.now();
    const now = serverNow(undefined, 0, 0).getTime();
    expect(now).to.be.within(before, Date.now());
  });
});

describe('syncWindowMinutes', () => {
  it('keeps finite non-negative numbers and defaults everything else to 15', () => {
    expect([0, 0.5, 5, 60].map(syncWindowMinutes)).to.deep.equal([0, 0.5, 5, 60]);
    expect([-1, NaN, Infinity, '5', null, undefined].map(syncWindowMinutes)).to.deep.equal([15, 15, 15, 15, 15, 15]);
  });
});
