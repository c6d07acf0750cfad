/**
 * Lit warns once per page about an update scheduled after an update completed (an extra render):
 * this file holds only the Load more path, so an earlier test cannot have used up the warning.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { needsFocusedReusedPage } from '../support/engine.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { button, mountAt, options, shadow, typeInBox } from '../support/picker.js';
import { nextFrame, until } from '../support/wait.js';

describe('<link-account-picker> Load more renders once per change', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  needsFocusedReusedPage.it('logs no "scheduled an update after an update completed" warning', async () => {
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
    const el = await mountAt(ENDPOINT);
    // Into the box with the mouse, as an admin does: the page then has the focus even where an earlier
    // file left Firefox's elsewhere (document.hasFocus() false there, and Enter on a button clicks nothing).
    await typeInBox(el, 'acme');
    await until(() => options(el).length === 5 && button(el, 'load-more'), 'first page shown');

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      warn.apply(console, args);
    };
    try {
      // From the keyboard on the button, up to the last page: the button then goes. It takes no tab
      // stop (Tab leaves the picker), but a screen reader's cursor can put focus on it.
      button(el, 'load-more')!.focus();
      expect(shadow(el).activeElement === button(el, 'load-more'), 'focus on Load more').to.equal(true);
      await sendKeys({ press: 'Enter' });
      await until(() => options(el).length === 10, 'second page shown');
      await sendKeys({ press: 'Enter' });
      await until(() => options(el).length === 15, 'last page shown');
      await el.updateComplete;
      await nextFrame();
    } finally {
      console.warn = warn;
    }
    expect(warnings.filter((w) => /scheduled an update/i.test(w)), warnings.join("\n")).to.deep.equal([]);
  });
});
