/** The host's handles on the popup (`open`, `search()`), and attributes: the picker adds none of its own. */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { combobox, options, popupOpen, press, statusText, typeKeys } from '../support/picker.js';
import { until } from '../support/wait.js';

const all = Object.values(accounts);

describe('<link-account-picker> host API', () => {
  before(startWorker);
  beforeEach(() => worker.use(http.get(ENDPOINT, () => HttpResponse.json(body(all)))));
  afterEach(() => worker.resetHandlers());

  it('open = true and search() show results with no focus, and they stay while focus is elsewhere', async () => {
    const container = await fixture<HTMLDivElement>(html`<div>
      <button id="elsewhere">Elsewhere</button>
      <link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts"></link-account-picker>
    </div>`);
    const el = container.querySelector('link-account-picker')!;
    const elsewhere = container.querySelector<HTMLButtonElement>('#elsewhere')!;
    elsewhere.focus();
    el.open = true;
    await el.search('acme');
    expect(document.activeElement).to.equal(elsewhere);
    expect(combobox(el).value).to.equal('acme');
    expect(options(el)).to.have.length(all.length);
    expect(popupOpen(el)).to.equal(true);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('true');
    expect(statusText(el)).to.include('“acme”');
    // Focus moving around outside the picker does not close what the host opened.
    await press('Tab');
    await el.updateComplete;
    expect(popupOpen(el)).to.equal(true);
    expect(el.hasAttribute('open'), 'open is not reflected').to.equal(false);
  });

  it('the open attribute opens the popup, and search() alone does not', async () => {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts"></link-account-picker>`);
    await el.search('acme');
    expect(popupOpen(el)).to.equal(false);
    expect(el.open).to.equal(false);
    el.setAttribute('open', '');
    await el.updateComplete;
    expect(el.open).to.equal(true);
    expect(popupOpen(el)).to.equal(true);
    expect(options(el)).to.have.length(all.length);
  });

  it('search() resolves when the answer is rendered, also for a query too short to search', async () => {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="5000"></link-account-picker>`);
    el.open = true;
    await el.search('acme');
    // No debounce: the 5 s wait applies to typing, not to search().
    expect(options(el)).to.have.length(all.length);
    await el.search('a');
    expect(options(el)).to.have.length(0);
    expect(statusText(el)).to.include('Keep typing');
  });

  it('adds no attribute the host did not set, also after the admin picks', async () => {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="0"></link-account-picker>`);
    const before = el.getAttributeNames().sort();
    expect(before).to.deep.equal(['debounce', 'endpoint', 'label', 'site']);
    await typeKeys(el, 'acme');
    await until(() => options(el).length === all.length, 'results shown');
    await press('ArrowDown');
    await press('Enter');
    await until(() => el.value.length === 1, 'picked');
    el.multiple = true;
    el.name = 'accounts';
    await el.updateComplete;
    expect(el.getAttributeNames().sort()).to.deep.equal(before);
  });
});
