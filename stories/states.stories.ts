import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import {
  backendOf,
  codesShown,
  combobox,
  defaultArgs,
  pickerArgTypes,
  liveRegion,
  mockBackend,
  nextEvent,
  options,
  pickerIn,
  renderPicker,
  searchFor,
  showcase,
  TAG,
  textOf,
  typeQuery,
  type PickerArgs,
  type SearchCompleteDetail,
} from './support.js';

/**
 * `<link-account-picker>` searches accounts to link to a Customer Portal user and shows every match:
 * the ones that can be linked, and the ones that can't, each with the reason and the next step.
 * Every story runs against the mocked backend in `mocks/` (MSW), and every story is a test.
 */
const meta = {
  title: 'Picker/States',
  component: TAG,
  tags: ['autodocs'],
  args: defaultArgs,
  argTypes: pickerArgTypes,
  render: (args) => renderPicker(args),
  loaders: [mockBackend()],
  parameters: { layout: 'padded' },
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
  args: { timeout: 600_000 },
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
 * ways), private label not on this site, waiting for the 15-minute sync, and sync overdue. Keeps the
 * default 250 ms debounce.
 */
export const EveryVerdict: Story = {
  args: { debounce: undefined },
  loaders: [
    mockBackend(
      {},
      showcase([
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
    ),
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
  args: { limit: 10 },
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
  args: { limit: 100 },
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
