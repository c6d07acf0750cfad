import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import { pickerMeta, type PickerArgs } from './meta.js';
import {
  backendOf,
  codesShown,
  combobox,
  liveRegion,
  mockBackend,
  nextEvent,
  option,
  options,
  pickerIn,
  searchFor,
  showcase,
  STORY_ACCOUNTS,
  textOf,
  typeQuery,
  type Picker,
  type SearchCompleteDetail,
} from './support.js';
import { reachState } from './state.js';

const meta = {
  title: 'Picker/States',
  tags: ['autodocs'],
  ...pickerMeta({
    description:
      '`<link-account-picker>` searches accounts to link to a Customer Portal user and shows every match: the ones that can be linked, and the ones that can\'t, each with the reason and the next step. Every story runs against the mocked backend in `mocks/` (MSW), and every story is a test.',
  }),
} satisfies Meta<PickerArgs>;
export default meta;
type Story = StoryObj<PickerArgs>;

/** Nothing typed yet: the labelled search box, collapsed, and nothing asked of the server. */
export const Idle: Story = {
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const input = await waitFor(() => combobox(el));
    await expect(input).toHaveAccessibleName('Accounts to link');
    await expect(input).toHaveAttribute('aria-expanded', 'false');
    await expect(options(el)).toHaveLength(0);
    await expect(backendOf(context).requests).toHaveLength(0);
  },
};

/** One character, with `min-chars` 2: the picker says what it needs and does not search. */
export const TooShortQuery: Story = {
  args: { query: 'H' },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    await typeQuery(el, 'H');
    // Longer than the debounce: a search would have started by now.
    await new Promise((r) => setTimeout(r, 400));
    await expect(backendOf(context).requests).toHaveLength(0);
    await expect(options(el)).toHaveLength(0);
    await expect(textOf(el)).toMatch(/2 characters/i);
  },
};

/**
 * The server has not answered yet (the mock never answers in this story, and `timeout` is long), so
 * the searching state stays on screen for review.
 */
export const Loading: Story = {
  args: { timeout: 600_000, query: 'Harbor Point' },
  loaders: [mockBackend({ failure: 'timeout' })],
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    await typeQuery(el, 'Harbor Point');
    await waitFor(() => expect(backendOf(context).requests).toHaveLength(1));
    await waitFor(() => expect(textOf(el)).toMatch(/searching/i));
    await expect(options(el)).toHaveLength(0);
  },
};

/**
 * One account of every verdict, side by side: linkable, already linked, no active contract (three
 * ways), private label not on this site, waiting for the 15-minute sync, and sync overdue. The popup's
 * max-height token is lifted so all nine rows show at once. Keeps the default 250 ms debounce.
 */
export const EveryVerdict: Story = {
  args: { debounce: undefined, query: 'Northwind showcase', '--link-account-picker-popup-max-height': 'none' },
  loaders: [
    mockBackend({
      answer: showcase([
        'linkable',
        'guarantorOnly',
        'alreadyLinked',
        'terminatedOnly',
        'pendingContractOnly',
        'otherRolesOnly',
        'labelMismatch',
        'pendingSync',
        'syncOverdue',
      ]),
    }),
  ],
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const { results } = await searchFor(el, 'Northwind showcase');
    await expect(results).toHaveLength(9);
    await waitFor(() => expect(options(el)).toHaveLength(9));
    await expect(new Set(codesShown(el))).toEqual(
      new Set(['linkable', 'already-linked', 'no-active-contract', 'label-mismatch', 'pending-sync', 'sync-overdue']),
    );
    for (const opt of options(el)) {
      const linkable = opt.dataset.eligibility === 'linkable';
      await expect(opt.getAttribute('aria-disabled') === 'true').toBe(!linkable);
    }
    await expect(liveRegion(el).textContent).toMatch(/9/);
  },
};

/** A search that matches nothing: said plainly, announced, and no empty listbox left open. */
export const NoMatches: Story = {
  args: { query: 'Zyxwvut Quokka' },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const done = nextEvent<SearchCompleteDetail>(el, 'search-complete');
    await typeQuery(el, 'Zyxwvut Quokka');
    await expect((await done).detail.results).toHaveLength(0);
    await expect(options(el)).toHaveLength(0);
    await waitFor(() => expect(textOf(el)).toMatch(/no accounts/i));
    await waitFor(() => expect(liveRegion(el).textContent).toMatch(/no accounts/i));
  },
};

/** More matches than one page (`limit` 10): the next page loads on demand and adds to the list. */
export const LoadMore: Story = {
  args: { limit: 10, query: 'Paving' },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const first = await searchFor(el, 'Paving');
    await expect(first.results).toHaveLength(10);
    await expect(first.nextCursor).toBeTruthy();
    const more = nextEvent<SearchCompleteDetail>(el, 'search-complete');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => /more/i.test(b.textContent ?? ''));
    await expect(button, 'a "load more" button').toBeDefined();
    await userEvent.click(button!);
    const second = (await more).detail;
    await expect(second.results).toHaveLength(20);
    await expect(backendOf(context).requests.at(-1)?.searchParams.get('cursor')).toBe(first.nextCursor);
    await waitFor(() => expect(textOf(el)).toMatch(/20/));
  },
};

/** 100 results at once (`limit` 100): the list scrolls inside its own box, and the keyboard reaches the end. */
export const LongList: Story = {
  args: { limit: 100, query: 'er' },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const { results, total } = await searchFor(el, 'er');
    await expect(results).toHaveLength(100);
    await expect(total).toBeGreaterThan(100);
    // The list scrolls inside the picker instead of stretching the page.
    const firstOption = options(el)[0]!;
    const scroller = scrollingAncestor(firstOption);
    await expect(scroller, 'a scrolling box around the options').not.toBeNull();
    await expect(scroller!.getBoundingClientRect().height).toBeLessThan(window.innerHeight);
    // End moves the active option to the last result, and the list scrolls to show it.
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{End}');
    const lastId = results.at(-1)!.account.id;
    const input = combobox(el);
    const active = await waitFor(() => {
      const found = el.shadowRoot!.getElementById(input.getAttribute('aria-activedescendant') ?? '');
      expect(found?.dataset.accountId).toBe(lastId);
      return found!;
    });
    await waitFor(() => {
      const box = scroller!.getBoundingClientRect();
      const row = active.getBoundingClientRect();
      expect(row.bottom).toBeLessThanOrEqual(box.bottom + 1);
      expect(row.top).toBeGreaterThanOrEqual(box.top - 1);
    });
  },
};

function scrollingAncestor(node: HTMLElement): HTMLElement | null {
  for (let n = node.parentElement; n; n = n.parentElement) {
    const { overflowY } = getComputedStyle(n);
    if ((overflowY === 'auto' || overflowY === 'scroll') && n.scrollHeight > n.clientHeight) return n;
  }
  return null;
}

/** `disabled`: the search box can't be used, and typing asks nothing of the server. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const input = combobox(el);
    await expect(input).toBeDisabled();
    await userEvent.type(input, 'Harbor');
    await new Promise((r) => setTimeout(r, 300));
    await expect(input.value).toBe('');
    await expect(backendOf(context).requests).toHaveLength(0);
    await expect(options(el)).toHaveLength(0);
  },
};

/* ---------------------------------------------------------------------------------------------- */
/* States shown statically: the play function asserts what the docs page shows.                  */
/* ---------------------------------------------------------------------------------------------- */

function part(el: Picker, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

/** Whether a button can't be pressed now: disabled, or aria-disabled (which keeps it focusable). */
function unavailable(button: HTMLElement | null): boolean {
  return !!button && ((button as HTMLButtonElement).disabled || button.getAttribute('aria-disabled') === 'true');
}

/**
 * More than 200 results in one answer (`limit` 300, from a server configured for pages that big): the
 * list is virtualized, only the rows in view are in the page, and each says its place in the whole set.
 */
export const VirtualizedList: Story = {
  args: { limit: 300, query: 'er' },
  loaders: [mockBackend({ server: { maxLimit: 500 } })],
  parameters: { pickerState: 'static' },
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    const first = await waitFor(
      () => {
        const found = options(el)[0];
        expect(found?.getAttribute('aria-posinset'), 'a virtualized row says its place').toBe('1');
        return found!;
      },
      { timeout: 8000 },
    );
    await expect(Number(first.getAttribute('aria-setsize'))).toBeGreaterThan(200);
    await expect(options(el).length, 'only the rows in view are rendered').toBeLessThan(200);
    await expect(combobox(el)).toHaveAttribute('aria-expanded', 'true');
  },
};

/**
 * "Load more" pressed, and the next page has not arrived (the server holds it): the first page stays,
 * and the button says it is loading.
 */
export const LoadingNextPage: Story = {
  args: { limit: 10, query: 'Paving', timeout: 600_000, then: 'load-more' },
  loaders: [mockBackend({ failure: 'timeout', server: { failureOn: 'next-pages' } })],
  parameters: { pickerState: 'static' },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    await reachState(el, context.args);
    await waitFor(
      () => {
        expect(unavailable(part(el, 'load-more')), '"Load more" unavailable while loading').toBe(true);
        expect(part(el, 'load-more')?.textContent).toMatch(/loading/i);
      },
      { timeout: 8000 },
    );
    await expect(options(el)).toHaveLength(10);
    await waitFor(() => expect(backendOf(context).requests.at(-1)?.searchParams.has('cursor')).toBe(true));
  },
};

/** The next page fails (500): the first page stays, the footer says what happened, and "Load more" can be tried again. */
export const NextPageFailing: Story = {
  args: { limit: 10, query: 'Paving', then: 'load-more' },
  loaders: [mockBackend({ failure: 'server-error', server: { failureOn: 'next-pages' } })],
  parameters: { pickerState: 'static' },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    await reachState(el, context.args);
    await waitFor(() => expect(part(el, 'footer')?.textContent).toMatch(/HTTP 500/), { timeout: 8000 });
    await expect(options(el)).toHaveLength(10);
    await expect(unavailable(part(el, 'load-more')), '"Load more" can be tried again').toBe(false);
  },
};

/**
 * The servicing system's sync has stalled: Meadowlark Veterinary Clinic waits for the portal, and its
 * expected time (15 minutes after booking) passes while it is on screen. The countdown turns into
 * "Checking again…" and the picker asks the server again by itself; here the server is slow to answer
 * that re-check, so the state stays for review (answered, it would say "sync overdue: contact support").
 */
export const CheckingAgain: Story = {
  args: { query: STORY_ACCOUNTS.pendingSync.number, timeout: 600_000 },
  loaders: [mockBackend({ server: { syncStalled: true }, clockMinutes: 11 - 6 / 60, answersOnly: 1 })],
  parameters: { pickerState: 'static' },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const meadowlark = STORY_ACCOUNTS.pendingSync;
    await reachState(el, context.args);
    await waitFor(() => expect(option(el, meadowlark.id)?.dataset.eligibility).toBe('pending-sync'), { timeout: 8000 });
    await waitFor(() => expect(part(el, 'countdown')?.textContent).toMatch(/Checking again…/), { timeout: 15000 });
    // A little after the expected time, the picker re-checks by itself (a second request, same query).
    await waitFor(() => expect(backendOf(context).requests).toHaveLength(2), { timeout: 15000 });
    await expect(backendOf(context).requests[1]!.searchParams.get('q')).toBe(meadowlark.number);
    await waitFor(() => expect(part(el, 'status')?.textContent).toMatch(/Checking again…/));
  },
};
