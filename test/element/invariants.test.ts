/**
 * The invariants the controllers keep, each driven the way an admin or a server would: real keys and
 * real mouse clicks where focus matters (`sendKeys`, `sendMouse`), never `element.click()`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import type { Account } from '../../src/rules/types.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, gate, startWorker, worker } from '../support/msw.js';
import { button, clickOn, combobox, mountAt, option, options, popupOpen, press, search, shadow, statusText, typeKeys } from '../support/picker.js';
import { nextFrame, until } from '../support/wait.js';

const all = Object.values(accounts);

/** Whether focus is in the picker (on its search box or one of its buttons). */
function focusInPicker(el: LinkAccountPicker): boolean {
  return document.activeElement === el && shadow(el).activeElement !== null;
}

function loadMoreButton(el: LinkAccountPicker): HTMLButtonElement | null {
  return button(el, 'load-more');
}

function page(prefix: string, count: number): Account[] {
  return Array.from({ length: count }, (_, i) => ({ ...accounts.linkable, id: `${prefix}-${i}`, name: `Acme ${prefix} ${i}` }));
}

describe('<link-account-picker> invariants', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('only options on screen for the current query can be activated or picked', async () => {
    const answer = gate();
    worker.use(
      http.get(ENDPOINT, async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q');
        if (q !== 'acme') await answer.opened;
        return HttpResponse.json(body(all));
      }),
    );
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="20"></link-account-picker>`);
    const picks: Event[] = [];
    el.addEventListener('account-select', (event) => picks.push(event));
    await typeKeys(el, 'acme');
    await until(() => options(el).length === all.length && statusText(el).includes('“acme”'), 'acme results shown');

    // A new query, then Down and Enter before its answer: the previous query's rows are not on screen.
    await typeKeys(el, 'x');
    await until(() => statusText(el).includes('Searching for “acmex”'), 'acmex searching');
    await press('ArrowDown');
    await press('Enter');
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
    expect(picks).to.have.length(0);
    expect(combobox(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(options(el)).to.have.length(0);

    // Also straight after the keystroke, while the debounce runs: the rows already belong to another query.
    await press('Backspace');
    await until(() => options(el).length === all.length && statusText(el).includes('“acme”'), 'acme shown again');
    await typeKeys(el, 'x');
    await press('ArrowDown');
    await press('Enter');
    await el.updateComplete;
    expect(el.value).to.deep.equal([]);
    expect(picks).to.have.length(0);

    answer.open();
    await until(() => options(el).length === all.length && statusText(el).includes('“acmex”'), 'acmex results shown');
    await press('ArrowDown');
    await press('Enter');
    await until(() => el.value.length === 1, 'picked from the current results');
    expect(el.value).to.deep.equal([options(el)[0]!.dataset.accountId]);
  });

  describe('Load more', () => {
    let second: ReturnType<typeof gate>;
    let el: LinkAccountPicker;

    beforeEach(async () => {
      second = gate();
      worker.use(
        http.get(ENDPOINT, async ({ request }) => {
          const cursor = new URL(request.url).searchParams.get('cursor');
          if (!cursor) return HttpResponse.json(body(page('p1', 5), { nextCursor: 'c2', total: 15 }));
          await second.opened;
          if (cursor === 'c2') return HttpResponse.json(body(page('p2', 5), { nextCursor: 'c3', total: 15 }));
          return HttpResponse.json(body(page('p3', 5), { nextCursor: null, total: 15 }));
        }),
      );
      el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="20"></link-account-picker>`);
      combobox(el).focus();
      await typeKeys(el, 'acme');
      await until(() => options(el).length === 5 && loadMoreButton(el) !== null, 'first page shown');
    });

    it('by mouse keeps focus in the picker and the list open', async () => {
      await clickOn(loadMoreButton(el)!);
      await until(() => loadMoreButton(el)?.textContent?.includes('Loading'), 'the next page is loading');
      // Focus fix-up (a disabled control loses focus) happens at the next rendering steps.
      await nextFrame();
      await nextFrame();
      expect(popupOpen(el), 'open while loading').to.equal(true);
      expect(focusInPicker(el), 'focus while loading').to.equal(true);
      second.open();
      await until(() => options(el).length === 10, 'second page shown');
      await nextFrame();
      expect(popupOpen(el), 'open after loading').to.equal(true);
      expect(focusInPicker(el), 'focus after loading').to.equal(true);
    });

    for (const key of ['Enter', 'Space']) {
      it(`by ${key} keeps focus on the button and the list open, up to the last page`, async () => {
        // No tab stop (Tab leaves the picker), but a screen reader's cursor can put focus on it.
        loadMoreButton(el)!.focus();
        expect(shadow(el).activeElement === loadMoreButton(el), 'focus on Load more').to.equal(true);
        await press(key);
        await until(() => loadMoreButton(el)?.textContent?.includes('Loading'), 'the next page is loading');
        await nextFrame();
        await nextFrame();
        expect(popupOpen(el), 'open while loading').to.equal(true);
        expect(shadow(el).activeElement, 'focus while loading').to.equal(loadMoreButton(el));
        second.open();
        await until(() => options(el).length === 10, 'second page shown');
        expect(shadow(el).activeElement, 'focus after loading').to.equal(loadMoreButton(el));
        // The last page removes the button: focus goes back to the search box, the list stays open.
        await press(key);
        await until(() => options(el).length === 15 && !loadMoreButton(el), 'last page shown');
        await nextFrame();
        expect(popupOpen(el), 'open after the last page').to.equal(true);
        expect(shadow(el).activeElement, 'focus after the last page').to.equal(combobox(el));
      });
    }
  });

  it('a cached answer never makes a verdict worse: it asks the server instead', async () => {
    const calls: string[] = [];
    let dueAt = 0;
    worker.use(
      http.get(ENDPOINT, ({ request }) => {
        const q = new URL(request.url).searchParams.get('q')!;
        calls.push(q);
        if (q !== 'acme') return HttpResponse.json(body([]));
        const now = Date.now();
        if (calls.filter((c) => c === 'acme').length > 1) {
          return HttpResponse.json(body([{ ...accounts.pending, portalSyncedAt: new Date(now).toISOString() }]));
        }
        // Booked so that the portal sync is expected 1.5 s from now (15-minute window).
        dueAt = now + 1500;
        const bookedAt = new Date(dueAt - 15 * 60_000).toISOString();
        const pending = { ...accounts.pending, contracts: accounts.pending.contracts.map((c) => ({ ...c, bookedAt })) };
        return HttpResponse.json(body([pending], { asOf: new Date(now).toISOString() }));
      }),
    );
    const el = await mountAt(ENDPOINT);
    const verdicts: string[] = [];
    el.addEventListener('search-complete', (event) => verdicts.push(...event.detail.results.map((r) => r.eligibility.code)));
    await search(el, 'acme');
    expect(option(el, accounts.pending.id).dataset.eligibility).to.equal('pending-sync');
    await search(el, 'zzz');
    await until(() => Date.now() > dueAt + 200, 'the expected sync time has passed');

    await search(el, 'acme');
    await until(() => options(el).length === 1 && statusText(el).includes('“acme”'), 'acme shown again');
    expect(calls.filter((c) => c === 'acme'), 'asked the server again').to.have.length(2);
    expect(verdicts).not.to.include('sync-overdue');
    expect(option(el, accounts.pending.id).dataset.eligibility).to.equal('linkable');
  });

  describe('Retry-After', () => {
    async function failWith(retryAfter: string): Promise<{ el: LinkAccountPicker; detail: { retryAfter?: number; message: string } }> {
      worker.use(http.get(ENDPOINT, () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': retryAfter } })));
      const el = await mountAt(ENDPOINT);
      const failed = new Promise<CustomEvent>((resolve) => el.addEventListener('search-error', (e) => resolve(e), { once: true }));
      await search(el, 'acme');
      const event = await failed;
      return { el, detail: event.detail.error };
    }

    function retryButton(el: LinkAccountPicker): HTMLButtonElement {
      return button(el, 'retry')!;
    }

    it('is honoured for at most 60 seconds', async () => {
      const { el, detail } = await failWith('999999');
      expect(detail.retryAfter).to.equal(60);
      expect(detail.message).to.include('60 seconds');
      expect(retryButton(el).disabled).to.equal(true);
      expect(retryButton(el).textContent).to.match(/Try again in (60|59) s/);
    });

    it('a negative value means now', async () => {
      const { el, detail } = await failWith('-5');
      expect(detail.retryAfter).to.equal(0);
      expect(detail.message).not.to.include('0 seconds');
      expect(retryButton(el).disabled).to.equal(false);
    });

    it('an HTTP date is read as the seconds until then, and a past one as now', async () => {
      const inTen = await failWith(new Date(Date.now() + 10_500).toUTCString());
      expect(inTen.detail.retryAfter).to.be.within(9, 11);
      inTen.el.remove();
      worker.resetHandlers();
      const past = await failWith(new Date(Date.now() - 60_000).toUTCString());
      expect(past.detail.retryAfter).to.equal(0);
      expect(retryButton(past.el).disabled).to.equal(false);
    });

    it('an unreadable value never locks the search box', async () => {
      const { el, detail } = await failWith('soon');
      expect(detail.retryAfter).to.equal(undefined);
      expect(retryButton(el).disabled).to.equal(false);
    });
  });
});
