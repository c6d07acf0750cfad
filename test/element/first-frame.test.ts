import { expect } from '@open-wc/testing';
import {
  isResizeObserverLoopErrorMessage,
  setupIgnoreWindowResizeObserverLoopErrors,
} from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Account, SearchAccounts } from '../../src/rules/types.js';
import '../../src/link-account-picker.js';
import { mount, nextSettle, options as optionsOf, typeText, type Picker } from '../support/picker.js';
import { needsSteadyFrames } from '../support/engine.js';
import { until } from '../support/wait.js';

/**
 * A new answer paints the rows in view in its first frame and the rest in the next (as peers such as
 * vaadin-combo-box do), so a long answer costs that frame no more than a short one. Short lists keep
 * their real role="group"s; a long one turns virtualized after the first frame. `updateComplete`
 * still means every row is rendered.
 */

void isResizeObserverLoopErrorMessage;
setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

const SITE = { id: 'northwind', name: 'Northwind', privateLabels: ['NWF'] };

function account(i: number, prefix = 'a'): Account {
  // Every 4th can't be linked (another label), so the answer spans two groups.
  const label = i % 4 === 0 ? 'SUMMIT' : 'NWF';
  return { id: `${prefix}${i}`, number: `N-${i}`, name: `Account ${i}`, portalSyncedAt: '2025-06-01T00:00:00Z', contracts: [{ id: 'c', role: 'customer', status: 'booked', privateLabel: label, bookedAt: '2025-01-01T00:00:00Z' }] };
}

/** `n` accounts for any query; their ids start with "w" for the query "warm up", else with "a". */
function answering(n: number): SearchAccounts {
  return (async ({ query }: { query: string }) => ({
    asOf: '2026-01-25T12:00:00Z',
    site: SITE,
    accounts: Array.from({ length: n }, (_, i) => account(i, query === 'warm up' ? 'w' : 'a')),
    nextCursor: null,
    total: n,
  })) as unknown as SearchAccounts;
}

/**
 * How many options each animation frame found, from the first frame that had any of the new answer's,
 * for `frames` frames. A frame that still shows the warm-up answer (its ids start with "w") is not the
 * new answer's first: on a loaded machine one can come between the keystroke and the answer.
 */
function optionsPerFrame(el: Picker, frames: number): Promise<{ options: number; virtual: boolean; groups: number }[]> {
  const seen: { options: number; virtual: boolean; groups: number }[] = [];
  return new Promise((resolve) => {
    const look = () => {
      const shown = optionsOf(el);
      const options = shown.length;
      const stale = shown.some((option) => option.dataset.accountId?.startsWith('w'));
      if ((options > 0 && !stale) || seen.length > 0) {
        const root = el.shadowRoot!;
        seen.push({ options, virtual: !!root.querySelector('[role="listbox"].virtual'), groups: root.querySelectorAll('[role="group"]').length });
      }
      if (seen.length >= frames) resolve(seen);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

async function searchIn(n: number): Promise<Picker> {
  const el = await mount();
  el.searchAccounts = answering(n);
  await el.updateComplete;
  return el;
}

describe('first frame of an answer', () => {
  needsSteadyFrames.it('paints the first 8 rows of a 100-row answer in its first frame, every row in the next, in real groups', async () => {
    const el = await searchIn(100);
    const frames = optionsPerFrame(el, 4);
    typeText(el, 'account');
    const [first, ...later] = await frames;
    expect(first!.options, 'first frame').to.equal(8);
    expect(first!.groups).to.be.greaterThan(0);
    const whole = later.find((frame) => frame.options === 100);
    expect(whole, 'every row within the next frames').to.not.equal(undefined);
    expect(whole!.groups, 'linkable and can\'t be linked').to.equal(2);
    for (const option of optionsOf(el)) expect(option.closest('[role="group"]'), option.id).to.not.equal(null);
  });

  it('resolves updateComplete (and search()) once every row is rendered', async () => {
    const el = await searchIn(100);
    el.open = true;
    await el.search('account');
    expect(optionsOf(el)).to.have.length(100);
    const settled = nextSettle(el, 'acc');
    typeText(el, 'acc');
    await settled;
    await el.updateComplete;
    expect(optionsOf(el)).to.have.length(100);
  });

  it('renders a short answer whole in its first frame', async () => {
    const el = await searchIn(6);
    const frames = optionsPerFrame(el, 1);
    typeText(el, 'account');
    expect((await frames)[0]!.options).to.equal(6);
  });

  it('shows a long answer\'s first rows as a plain list first, then virtualized', async () => {
    const el = await searchIn(1000);
    // The virtualizer already loaded, as after a first long list: the first frame still does without it.
    el.open = true;
    await el.search('warm up');
    await until(() => el.shadowRoot!.querySelector('[role="listbox"].virtual'), 'virtualized', 8000);
    const frames = optionsPerFrame(el, 4);
    typeText(el, 'account');
    const [first, ...later] = await frames;
    expect(first).to.deep.include({ options: 8, virtual: false });
    const virtual = later.find((frame) => frame.virtual);
    expect(virtual, 'virtualized within the next frames').to.not.equal(undefined);
    expect(virtual!.options).to.be.within(1, 60);
  });
});
