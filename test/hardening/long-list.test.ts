import 'axe-core/axe.min.js';
import { expect } from '@open-wc/testing';
import { isResizeObserverLoopErrorMessage } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Account, SearchAccounts, SearchRequest } from '../../src/rules/types.js';
import '../../src/link-account-picker.js';
import { clickOn, combobox, mount, nextSettle, options, type Picker, press, typeText } from '../support/picker.js';
import { until } from '../support/wait.js';

/**
 * Long lists are virtualized: only the rows in view are in the DOM, yet the combobox behaves as with a
 * short list. The active option is always rendered before aria-activedescendant points at it, options
 * say their place in the whole set, Enter and clicks pick, scrolling to the end loads the next page,
 * and the result passes axe.
 */

const ASOF = '2026-01-25T12:00:00Z';
const SITE = { id: 'northwind', name: 'Northwind', privateLabels: ['NWF'] };

function account(i: number): Account {
  // Every 50th account can't be linked (label mismatch): in a 1,000-row list, the last 20 rows.
  const label = i % 50 === 0 ? 'SUMMIT' : 'NWF';
  return { id: `a${i}`, number: `N-${i}`, name: `Account ${String(i).padStart(5, '0')}`, portalSyncedAt: '2025-06-01T00:00:00Z', contracts: [{ id: 'c', role: 'customer', status: 'booked', privateLabel: label, bookedAt: '2025-01-01T00:00:00Z' }] };
}

/** Pages of `size` accounts, `pages` of them, as the endpoint would page them. */
function paged(size: number, pages: number): SearchAccounts {
  return (async ({ cursor }: SearchRequest) => {
    const page = cursor ? Number(cursor) : 0;
    return {
      asOf: ASOF,
      site: SITE,
      accounts: Array.from({ length: size }, (_, k) => account(page * size + k)),
      nextCursor: page + 1 < pages ? String(page + 1) : null,
      total: size * pages,
    };
  }) as unknown as SearchAccounts;
}

async function longList(size = 1000, pages = 1): Promise<Picker> {
  const el = await mount();
  el.searchAccounts = paged(size, pages);
  await el.updateComplete;
  const settled = nextSettle(el);
  typeText(el, 'account');
  await settled;
  await el.updateComplete;
  // The virtualizer loads on first need: until it has, the first 200 rows show in full.
  await until(() => options(el).length > 0 && el.shadowRoot!.querySelector('[role="listbox"].virtual') !== null, 'virtualized rows rendered');
  return el;
}

/**
 * Waits until aria-activedescendant names a rendered option, and returns it. Generous: with two test
 * pages sharing two cores, the virtualizer's scroll to a far row once took over 3 s in CI.
 */
async function activeOption(el: Picker, id: string): Promise<HTMLElement> {
  await until(() => combobox(el).getAttribute('aria-activedescendant') === id && !!el.shadowRoot!.getElementById(id), `${id} rendered and active`, 10_000);
  return el.shadowRoot!.getElementById(id)!;
}

/**
 * Keeps the virtualizer's benign ResizeObserver loop notice (see @lit-labs/virtualizer's README) from
 * failing a test, like the virtualizer's own `setupIgnoreWindowResizeObserverLoopErrors`, whose console
 * filter takes every `console.error`'s first argument for a string: in Firefox the test runner logs the
 * notice's `error`, which is undefined there, and that filter then throws in every test.
 */
function ignoreResizeObserverLoopNotices(): void {
  const isNotice = (message: unknown) => typeof message === 'string' && isResizeObserverLoopErrorMessage(message);
  let restore: (() => void) | undefined;
  beforeEach(() => {
    const { onerror } = window;
    const { error } = console;
    window.onerror = (message, ...rest) => (isNotice(message) ? true : onerror?.call(window, message, ...rest));
    console.error = (...args: unknown[]) => (isNotice(args[0]) ? undefined : error.apply(console, args));
    restore = () => {
      window.onerror = onerror;
      console.error = error;
    };
  });
  afterEach(() => restore?.());
}

const uncaught: string[] = [];
const onError = (e: ErrorEvent) => {
  // The virtualizer's ResizeObserver may report a benign "loop completed with undelivered
  // notifications" while rows are first measured (see @lit-labs/virtualizer's README): not ours.
  if (!isResizeObserverLoopErrorMessage(e.message)) uncaught.push(e.message);
};

describe('long result lists (virtualized)', function () {
  this.timeout(30000);
  ignoreResizeObserverLoopNotices();
  beforeEach(() => {
    uncaught.length = 0;
    window.addEventListener('error', onError);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    expect(uncaught).to.deep.equal([]);
  });

  it('keeps only the rows in view in the DOM, each saying its place in the whole set', async () => {
    const el = await longList(1000);
    const rows = options(el);
    expect(rows.length).to.be.greaterThan(5).and.lessThan(120);
    for (const row of rows) {
      expect(row.getAttribute('aria-setsize')).to.equal('1000');
      const pos = Number(row.getAttribute('aria-posinset'));
      expect(pos).to.be.within(1, 1000);
      expect(row.id).to.equal(`option-${pos - 1}`);
    }
    // Rows are where the eye expects them: in order, from the top of the list.
    const tops = rows.map((r) => r.getBoundingClientRect().top);
    expect([...tops].sort((a, b) => a - b)).to.deep.equal(tops);
  });

  it('renders the active option before pointing aria-activedescendant at it (arrows, End, Home, wrap)', async () => {
    const el = await longList(1000);
    for (let i = 0; i < 3; i += 1) await press('ArrowDown');
    const third = await activeOption(el, 'option-2');
    expect(third.closest('.row')!.classList.contains('active')).to.equal(true);
    await press('End');
    const last = await activeOption(el, 'option-999');
    const listbox = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    // In view, not just in the DOM.
    await until(() => {
      const box = listbox.getBoundingClientRect();
      const r = last.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }, 'the last option scrolled into view');
    await press('Home');
    await activeOption(el, 'option-0');
    await press('ArrowUp');
    await activeOption(el, 'option-999');
    for (let i = 0; i < 5; i += 1) await press('ArrowUp');
    await activeOption(el, 'option-994');
  });

  it('picks the active linkable option with Enter and a clicked one with the mouse', async () => {
    const el = await longList(1000);
    const picked: string[] = [];
    el.addEventListener('account-select', (e) => picked.push(e.detail.account.id));
    // Home and End act on the list once an option is active (before, they move the caret).
    await press('ArrowDown');
    await press('End');
    await activeOption(el, 'option-999');
    // The last 20 rows can't be linked: the 21st from the end is the last linkable one.
    for (let i = 0; i < 20; i += 1) await press('ArrowUp');
    const far = await activeOption(el, 'option-979');
    expect(far.dataset.eligibility).to.equal('linkable');
    await press('Enter');
    await el.updateComplete;
    expect(picked).to.deep.equal([far.dataset.accountId]);
    // Reopen and click a visible row.
    typeText(el, 'account');
    await el.updateComplete;
    // Back to the top, where rows can be linked: near the end only the blocked rows (taller, with
    // their reason) may fill the list's visible box.
    await until(() => options(el).length > 0, 'rows back');
    await press('ArrowDown');
    // A row the admin can see: inside the list's visible box (the virtualizer also keeps rows
    // rendered off screen, and scrolling to one of those would recycle it for another account).
    const visibleLinkable = () => {
      const box = el.shadowRoot!.querySelector('[role="listbox"]')!.getBoundingClientRect();
      return options(el).find((o) => {
        const row = o.getBoundingClientRect();
        return o.dataset.eligibility === 'linkable' && o.dataset.accountId !== picked[0] && row.top >= box.top && row.bottom <= box.bottom;
      });
    };
    await until(visibleLinkable, 'a linkable row on screen');
    const target = visibleLinkable()!;
    await clickOn(target);
    await el.updateComplete;
    expect(picked[1]).to.equal(target.dataset.accountId);
    expect(el.value).to.deep.equal([target.dataset.accountId]);
  });

  it('never selects a row that cannot be linked, even far down the list', async () => {
    const el = await longList(1000);
    let selected = 0;
    el.addEventListener('account-select', () => selected++);
    await press('ArrowDown');
    await press('End');
    const blocked = await activeOption(el, 'option-999');
    expect(blocked.dataset.eligibility).to.equal('label-mismatch');
    expect(blocked.getAttribute('aria-disabled')).to.equal('true');
    await press('Enter');
    await el.updateComplete;
    expect(selected).to.equal(0);
    expect(el.value).to.deep.equal([]);
  });

  it('loads the next page when the list is scrolled to its end', async () => {
    const el = await longList(300, 3);
    const listbox = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
    const more = nextSettle(el);
    let asked = false;
    void more.then(() => (asked = true));
    const scroller = listbox.scrollHeight > listbox.clientHeight ? listbox : (listbox.closest('.scroller') as HTMLElement);
    // Scrolled to the end again at each check, as a user keeps scrolling: a virtualizer that has only
    // just rendered may still move its scroll position once while it measures its first rows.
    await until(() => {
      scroller.scrollTop = scroller.scrollHeight;
      return asked;
    }, 'the next page asked for after scrolling to the end', 8000);
    const outcome = await more;
    expect(outcome.kind === 'complete' && outcome.ids.length).to.equal(600);
    await el.updateComplete;
    await until(() => options(el)[0]?.getAttribute('aria-setsize') === '900', 'set size follows the server total');
  });

  it('passes axe with a long list open and an option active', async () => {
    const el = await longList(1000);
    await press('ArrowDown');
    await press('ArrowDown');
    await activeOption(el, 'option-1');
    await expect(el).to.be.accessible();
  });
});
