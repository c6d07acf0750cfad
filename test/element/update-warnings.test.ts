/**
 * Lit warns once per page about an update scheduled after an update completed (an extra render):
 * this file holds only the Load more path, so an earlier test cannot have used up the warning.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import { accounts, body, ENDPOINT, input, options, shadow, startWorker, worker } from './helpers.js';

describe('<link-account-picker> Load more renders once per change', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('logs no "scheduled an update after an update completed" warning', async () => {
    const page = (prefix: string) => Array.from({ length: 5 }, (_, i) => ({ ...accounts.linkable, id: `${prefix}-${i}`, name: `Acme ${prefix} ${i}` }));
    worker.use(
      http.get(ENDPOINT, ({ request }) =>
        ({
          '': () => HttpResponse.json(body(page('a'), { nextCursor: 'c2' })),
          c2: () => HttpResponse.json(body(page('b'), { nextCursor: 'c3' })),
          c3: () => HttpResponse.json(body(page('c'), { nextCursor: null })),
        })[new URL(request.url).searchParams.get('cursor') ?? '']!(),
      ),
    );
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="0"></link-account-picker>`);
    input(el).focus();
    await sendKeys({ type: 'acme' });
    const button = () => shadow(el).querySelector<HTMLButtonElement>('[part~="load-more"]');
    await waitUntil(() => options(el).length === 5 && button(), 'first page shown', { timeout: 4000 });

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    try {
      // From the keyboard on the button, up to the last page: the button then goes.
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement).to.equal(button());
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => options(el).length === 10, 'second page shown', { timeout: 4000 });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => options(el).length === 15, 'last page shown', { timeout: 4000 });
      await el.updateComplete;
      await nextFrame();
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => /scheduled an update/i.test(w)), warnings.join("\n")).to.deep.equal([]);
  });
});
