import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import {
  defaultArgs,
  pickerArgTypes,
  mockBackend,
  nextEvent,
  option,
  pick,
  pickerIn,
  renderPicker,
  searchFor,
  STORY_ACCOUNTS,
  TAG,
  textOf,
  type PickerArgs,
} from './support.js';

/**
 * Picking accounts: one (the default), several with `multiple`, and inside a form, where the picker
 * submits the ids under `name` and `required` blocks an empty submit.
 */
const meta = {
  title: 'Picker/Selection',
  component: TAG,
  args: defaultArgs,
  argTypes: pickerArgTypes,
  render: (args) => renderPicker(args),
  loaders: [mockBackend()],
  parameters: { layout: 'padded' },
} satisfies Meta<PickerArgs>;
export default meta;
type Story = StoryObj<PickerArgs>;

const harbor = STORY_ACCOUNTS.linkable;
const trust = STORY_ACCOUNTS.guarantorOnly;
const cedar = STORY_ACCOUNTS.alreadyLinked;

/**
 * Single selection: picking a second account replaces the first (deselect, select, change — in that
 * order), and a non-linkable account can't be picked at all.
 */
export const SingleSelection: Story = {
  play: async ({ canvasElement }) => {
    const el = pickerIn(canvasElement);
    const events: string[] = [];
    for (const name of ['account-select', 'account-deselect', 'change']) el.addEventListener(name, () => events.push(name));

    await searchFor(el, harbor.searchFor);
    await pick(el, harbor.id);
    await expect(el.value).toEqual([harbor.id]);
    await expect(events).toEqual(['account-select', 'change']);

    // Not linkable: clicking explains, it never selects.
    events.length = 0;
    await searchFor(el, cedar.searchFor);
    await userEvent.click(option(el, cedar.id)!);
    await expect(events).toEqual([]);
    await expect(el.value).toEqual([harbor.id]);

    await searchFor(el, trust.searchFor);
    await pick(el, trust.id);
    await expect(events).toEqual(['account-deselect', 'account-select', 'change']);
    await expect(el.value).toEqual([trust.id]);
    await expect(el.selectedAccounts.map((a) => a.name)).toEqual([trust.name]);
    await waitFor(() => expect(textOf(el)).toContain(trust.name));
  },
};

/** `multiple`: each pick adds a chip; a chip's remove button takes it out again. */
export const MultipleSelection: Story = {
  args: { multiple: true },
  play: async ({ canvasElement }) => {
    const el = pickerIn(canvasElement);
    await searchFor(el, harbor.searchFor);
    await pick(el, harbor.id);
    await searchFor(el, trust.searchFor);
    await pick(el, trust.id);
    await expect(el.value).toEqual([harbor.id, trust.id]);

    // The chips: one remove button per selected account, named after it.
    const removeHarbor = await waitFor(() => {
      const button = [...el.shadowRoot!.querySelectorAll('button')].find(
        (b) => (b.getAttribute('aria-label') ?? b.textContent ?? '').includes(harbor.name),
      );
      expect(button, `a remove button for ${harbor.name}`).toBeDefined();
      return button!;
    });
    const removed = nextEvent<{ account: { id: string } }>(el, 'account-deselect');
    await userEvent.click(removeHarbor);
    await expect((await removed).detail.account.id).toBe(harbor.id);
    await expect(el.value).toEqual([trust.id]);
  },
};

/**
 * In a form with `required` and `name="accountIds"`: submitting empty is blocked by the browser's own
 * validation; after a pick, the form is valid and carries the id.
 */
export const InAFormRequired: Story = {
  args: { required: true, name: 'accountIds' },
  render: (args) => html`
    <form
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const out = (e.target as HTMLFormElement).querySelector('output')!;
        out.value = `Submitted: ${new FormData(e.target as HTMLFormElement).getAll('accountIds').join(', ')}`;
      }}
    >
      ${renderPicker(args)}
      <p><button type="submit">Link accounts</button></p>
      <output></output>
    </form>
  `,
  play: async ({ canvasElement }) => {
    const el = pickerIn(canvasElement);
    const form = canvasElement.querySelector('form')!;
    await expect(form.checkValidity()).toBe(false);
    await expect(el.matches(':invalid')).toBe(true);

    await searchFor(el, harbor.searchFor);
    await pick(el, harbor.id);
    await expect(form.checkValidity()).toBe(true);
    await expect(new FormData(form).getAll('accountIds')).toEqual([harbor.id]);
    await userEvent.click(canvasElement.querySelector('button[type="submit"]')!);
    await expect(canvasElement.querySelector('output')!.value).toBe(`Submitted: ${harbor.id}`);
  },
};
