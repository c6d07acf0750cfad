/** A regional change that keeps the language (es-MX → es-ES) re-renders the dates and times on screen. */
import { expect, fixture, html } from '@open-wc/testing';
import { setLocale } from '../../src/internal/localization.js';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { option, search } from '../support/picker.js';
import { until } from '../support/wait.js';

describe('localization: a regional change', () => {
  afterEach(() => setLocale(null));

  // The time the reason names, as each region writes it: "2:05 p.m." in Mexico, "14:05" in Spain with
  // Chromium's ICU. An engine's ICU may write two regions alike (WebKitGTK's writes both es-MX and es-ES
  // in 24 hours): the test then takes the first pair of one language that this engine writes apart.
  const pairs = [['es-MX', 'es-ES'], ['es-US', 'es-ES'], ['en-US', 'en-GB']] as const;

  it('a regional change (es-MX → es-ES, or a pair the engine writes apart) re-renders the expected sync time', async () => {
    const response = body([accounts.pending]);
    const booked = Date.parse(accounts.pending.contracts[0]!.bookedAt!);
    const due = new Date(booked + response.syncWindowMinutes! * 60_000);
    const time = (tag: string) => new Intl.DateTimeFormat(tag, { timeStyle: 'short' }).format(due).replace(/\s+/g, ' ');
    const pair = pairs.find(([from, to]) => time(from) !== time(to));
    expect(pair, 'a regional pair this engine formats apart').to.not.equal(undefined);
    const [from, to] = pair!;
    await setLocale(from);
    const el = await fixture<LinkAccountPicker>(
      html`<link-account-picker site="nwf" label="Cuentas" debounce="0" .searchAccounts=${async () => response}></link-account-picker>`,
    );
    await search(el, 'acme');
    const why = () => el.shadowRoot!.getElementById(`${option(el, accounts.pending.id).id}-why`)!.textContent!.replace(/\s+/g, ' ');
    const verdict = el.shadowRoot!.querySelector<HTMLElement>(`[data-account-id="${accounts.pending.id}"]`)!;
    expect(verdict.dataset.eligibility).to.equal('pending-sync');
    expect(why()).to.include(time(from));

    await setLocale(to);
    await until(() => why().includes(time(to)), `the time reads ${time(to)}`);
    expect(why()).not.to.include(time(from));
  });
});
