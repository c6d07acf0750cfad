import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import type { StoryKey } from '../mocks/data.js';
import type { EligibilityCode } from '../src/rules/types.js';
import { pickerMeta, type PickerArgs } from './meta.js';
import { backendOf, combobox, expectExplained, nextEvent, pickerIn, searchFor, STORY_ACCOUNTS } from './support.js';

const meta = {
  title: 'Picker/Eligibility',
  tags: ['autodocs'],
  ...pickerMeta({
    description:
      'Each verdict alone, found the way an admin finds it: by typing the account\'s name or number into a real search of the mocked backend. The option carries the verdict (`data-eligibility`), a status, the reason and the next step in words — never a colour alone.',
  }),
} satisfies Meta<PickerArgs>;
export default meta;
type Story = StoryObj<PickerArgs>;

/**
 * A story that searches for one of the mocks' named accounts and checks its verdict and its words.
 * `words` are what the admin must be able to read in the option (reason / next step).
 */
function verdict(key: StoryKey, code: EligibilityCode, words: RegExp[]): Story {
  const account = STORY_ACCOUNTS[key];
  return {
    args: { query: account.searchFor },
    parameters: { docs: { description: { story: account.situation } } },
    play: async ({ canvasElement }) => {
      const el = pickerIn(canvasElement);
      const { results } = await searchFor(el, account.searchFor);
      const result = results.find((r) => r.account.id === account.id);
      await expect(result?.eligibility.code).toBe(code);
      const { option, text } = await expectExplained(el, account.id, code);
      await expect(option.textContent).toContain(account.name);
      for (const w of words) await expect(text).toMatch(w);
    },
  };
}

/** Customer on booked Northwind contracts, synced long ago: the one the admin can pick. */
export const Linkable: Story = {
  ...verdict('linkable', 'linkable', [/customer/i]),
  play: async (context) => {
    await verdict('linkable', 'linkable', [/customer/i]).play!(context);
    const el = pickerIn(context.canvasElement);
    const selected = nextEvent<{ account: { id: string } }>(el, 'account-select');
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Enter}');
    await expect((await selected).detail.account.id).toBe(STORY_ACCOUNTS.linkable.id);
    await expect(el.value).toEqual([STORY_ACCOUNTS.linkable.id]);
  },
};

/** A guarantor counts as much as a customer (KB: "the customer or guarantor"). */
export const LinkableAsGuarantor: Story = verdict('guarantorOnly', 'linkable', [/guarantor/i]);

/** Checked first: already linked to this user, so there is nothing to do. */
export const AlreadyLinked: Story = verdict('alreadyLinked', 'already-linked', [/already linked/i]);

/** KB question 1 — no active contract: every contract terminated. */
export const NoActiveContractTerminated: Story = verdict('terminatedOnly', 'no-active-contract', [/terminated/i]);

/** KB question 1 — no active contract: the only contract is not booked yet. */
export const NoActiveContractNotBooked: Story = verdict('pendingContractOnly', 'no-active-contract', [/not yet booked/i]);

/** KB question 1 — no active contract *as customer or guarantor*: broker and vendor don't count. */
export const NoActiveContractOtherRoles: Story = verdict('otherRolesOnly', 'no-active-contract', [/broker|vendor/i]);

/** KB question 2 — the active contracts carry labels (SUMMIT, SCL-TECH) this site is not configured for. */
export const LabelMismatch: Story = verdict('labelMismatch', 'label-mismatch', [/SUMMIT/]);

/**
 * KB question 3 — booked 4 minutes ago, inside the 15-minute sync window: the option counts down,
 * live, to when it should be linkable.
 */
export const PendingSync: Story = {
  ...verdict('pendingSync', 'pending-sync', [/15 minutes/]),
  play: async (context) => {
    await verdict('pendingSync', 'pending-sync', [/15 minutes/]).play!(context);
    const el = pickerIn(context.canvasElement);
    // The countdown (the documented `countdown` part) is a duration, "10 min 53 s", that moves by itself.
    const clock = () => /\d+ min \d+ s/.exec(el.shadowRoot!.querySelector('[part~="countdown"]')?.textContent ?? '')?.[0];
    await waitFor(() => expect(clock()).toBeDefined());
    const before = clock();
    await waitFor(() => expect(clock()).not.toBe(before), { timeout: 2500 });
    await expect(combobox(el).getAttribute('aria-expanded')).toBe('true');
  },
};

/**
 * The trainers' "15-minute sync" in fast-forward: the account is waiting; the mock clock moves on 8
 * minutes (the servicing system delivers it after 7), and the admin's next search finds it linkable.
 */
export const PendingSyncThenLinkable: Story = {
  args: { query: STORY_ACCOUNTS.pendingSync.searchFor },
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const meadowlark = STORY_ACCOUNTS.pendingSync;
    await searchFor(el, meadowlark.searchFor);
    await expectExplained(el, meadowlark.id, 'pending-sync');

    backendOf(context).scenario.advanceClock(8);
    // A different query than before, so the answer is the server's, not the picker's cache.
    const { results } = await searchFor(el, meadowlark.number);
    await expect(results.find((r) => r.account.id === meadowlark.id)?.eligibility.code).toBe('linkable');
    await expectExplained(el, meadowlark.id, 'linkable');
  },
};

/** KB question 3, gone wrong — booked 3 hours ago and never reached the portal: contact support. */
export const SyncOverdue: Story = verdict('syncOverdue', 'sync-overdue', [/support/i]);
