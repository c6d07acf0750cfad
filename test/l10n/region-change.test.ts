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

  it('es-MX → es-ES re-renders the expected sync time in the new regional format', async () => {
    await setLocale('es-MX');
    const response = body([accounts.pending]);
    const el = await fixture<LinkAccountPicker>(
      html`<link-account-picker site="nwf" label="Cuentas" debounce="0" .searchAccounts=${async () => response}></link-account-picker>`,
    );
    await search(el, 'acme');
    const why = () => el.shadowRoot!.getElementById(`${option(el, accounts.pending.id).id}-why`)!.textContent!.replace(/\s+/g, ' ');
    const verdict = el.shadowRoot!.querySelector<HTMLElement>(`[data-account-id="${accounts.pending.id}"]`)!;
    expect(verdict.dataset.eligibility).to.equal('pending-sync');
    // The time the reason names, as each region writes it: "2:05 p.m." in Mexico, "14:05" in Spain.
    const booked = Date.parse(accounts.pending.contracts[0]!.bookedAt!);
    const due = new Date(booked + response.syncWindowMinutes! * 60_000);
    const mexican = new Intl.DateTimeFormat('es-MX', { timeStyle: 'short' }).format(due);
    const spanish = new Intl.DateTimeFormat('es-ES', { timeStyle: 'short' }).format(due);
    expect(mexican).not.to.equal(spanish);
    expect(why()).to.include(mexican);

    await setLocale('es-ES');
    await until(() => why().includes(spanish), `the time reads ${spanish}`);
    expect(why()).not.to.include(mexican);
  });
});
