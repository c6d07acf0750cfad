import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import { accounts, body, ENDPOINT, options, search, startWorker, worker } from './helpers.js';

describe('smoke', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());
  it('renders results', async () => {
    worker.use(http.get(ENDPOINT, () => HttpResponse.json(body(Object.values(accounts)))));
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="0"></link-account-picker>`);
    await search(el, 'acme');
    expect(options(el).length).to.equal(6);
  });
});
