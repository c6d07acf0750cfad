import 'axe-core/axe.min.js';
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, flushWorker, startWorker, worker } from '../support/msw.js';
import { liveText, options, press, search, shadow, typeText } from '../support/picker.js';
import { nextFrame, until } from '../support/wait.js';
import { needsColorScheme } from '../support/engine.js';

const all = Object.values(accounts);

describe('<link-account-picker> accessibility', () => {
  before(startWorker);
  beforeEach(() => worker.use(http.get(ENDPOINT, () => HttpResponse.json(body(all, { total: 40, nextCursor: 'n' })))));
  afterEach(async () => {
    worker.resetHandlers();
    if (needsColorScheme.runs) await emulateMedia({ colorScheme: 'light' });
  });

  /** The picker with every reason shown, in a container `width` px wide (else the page's width). */
  async function openWithEveryReason(attrs: { multiple?: boolean; width?: number } = {}): Promise<LinkAccountPicker> {
    const container = await fixture<HTMLDivElement>(html`<div style=${attrs.width ? `width: ${attrs.width}px` : ''}>
      <link-account-picker
        endpoint=${ENDPOINT}
        site="nwf"
        label="Accounts to link"
        debounce="0"
        ?multiple=${attrs.multiple ?? false}
        .value=${attrs.multiple ? ['a-linkable', 'unknown-id'] : []}
      ></link-account-picker>
    </div>`);
    const el = container.querySelector('link-account-picker')!;
    await search(el, 'acme');
    const codes = new Set(options(el).map((row) => row.dataset.eligibility));
    expect([...codes].sort()).to.deep.equal(
      ['already-linked', 'label-mismatch', 'linkable', 'no-active-contract', 'pending-sync', 'sync-overdue'].sort(),
    );
    return el;
  }

  it('passes axe with the results open and every reason visible', async () => {
    const el = await openWithEveryReason();
    await expect(el).to.be.accessible();
  });

  it('passes axe with an active option, chips and multiple selection', async () => {
    const el = await openWithEveryReason({ multiple: true });
    await press('ArrowDown');
    await press('ArrowDown');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  needsColorScheme.it('passes axe in the dark scheme, on a page that supports it', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    document.documentElement.style.colorScheme = 'light dark';
    try {
      const el = await openWithEveryReason({ multiple: true });
      const control = shadow(el).querySelector('.control')!;
      expect(getComputedStyle(control).backgroundColor).to.equal('rgb(28, 33, 40)');
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });

  needsColorScheme.it('stays light on a light-only page even when the admin prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker label="Accounts"></link-account-picker>`);
    expect(getComputedStyle(shadow(el).querySelector('.control')!).backgroundColor).to.equal('rgb(255, 255, 255)');
  });

  it('excluded options are aria-disabled with their reason as the accessible description', async () => {
    const el = await openWithEveryReason();
    for (const row of options(el)) {
      const linkable = row.dataset.eligibility === 'linkable';
      expect(row.getAttribute('aria-disabled')).to.equal(linkable ? 'false' : 'true');
      if (!linkable) {
        const ids = row.getAttribute('aria-describedby')!.split(' ');
        for (const id of ids) expect(shadow(el).getElementById(id)!.textContent!.trim()).to.not.equal('');
      }
    }
  });

  it('the live region is polite, and announces settled results, not the countdown ticks', async () => {
    const el = await openWithEveryReason();
    const region = shadow(el).querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const said = liveText(el);
    expect(said).to.match(/^40 accounts match “acme” on Northwind Finance\./);
    expect(said).to.include('Showing 6 of 40.');
    const changes: string[] = [];
    const observer = new MutationObserver(() => changes.push(region.textContent ?? ''));
    observer.observe(region, { subtree: true, childList: true, characterData: true });
    // Two ticks of the pending account's countdown (it shows seconds, so it changes every second).
    const countdown = shadow(el).querySelector('[part~="countdown"]')!;
    const seen = new Set([countdown.textContent]);
    await until(() => seen.add(countdown.textContent).size >= 3, 'the countdown ticked twice');
    await el.updateComplete;
    observer.disconnect();
    expect(changes).to.deep.equal([]);
  });

  // In a 320 px column rather than a 320 px viewport: the picker lays out by its own width (the popup
  // is a size container), and every engine can size a container; WebKit's WebDriver can't resize the viewport.
  it('is usable 320 px wide: nothing overflows sideways', async () => {
    const el = await openWithEveryReason({ multiple: true, width: 320 });
    const column = el.parentElement!.getBoundingClientRect();
    const popup = shadow(el).querySelector<HTMLElement>('.popup')!;
    const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
    expect(el.getBoundingClientRect().right).to.be.at.most(column.right);
    expect(popup.getBoundingClientRect().right).to.be.at.most(column.right);
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
  });

  it('respects [hidden]', async () => {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker hidden></link-account-picker>`);
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('mounting and unmounting many times leaves no timers running', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    for (let i = 0; i < 20; i++) {
      const el = document.createElement('link-account-picker');
      el.endpoint = ENDPOINT;
      el.site = 'nwf';
      el.debounce = 0;
      host.append(el);
      await el.updateComplete;
      typeText(el, 'acme');
      el.remove();
    }
    // A picker that re-renders after removal would throw or fetch here: let its zero-delay
    // debounce turn come, and any request it sent reach the worker and come back.
    await nextFrame();
    await flushWorker();
  });
});
