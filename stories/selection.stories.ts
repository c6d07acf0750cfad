import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import { pickerMeta, renderPicker, UNKNOWN_ID, type PickerArgs } from './meta.js';
import { reachState } from './state.js';
import {
  combobox,
  mockBackend,
  nextEvent,
  option,
  pick,
  pickerIn,
  searchFor,
  showcase,
  STORY_ACCOUNTS,
  textOf,
  type Picker,
} from './support.js';

const meta = {
  title: 'Picker/Selection',
  tags: ['autodocs'],
  ...pickerMeta({
    description:
      'Picking accounts: one (the default), several with `multiple`, and inside a form, where the picker submits the ids under `name` and `required` blocks an empty submit.',
  }),
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
  args: { query: harbor.searchFor },
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
  args: { multiple: true, query: harbor.searchFor },
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
  render: renderInForm,
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

/**
 * A host form around the picker: it marks the picker for its styles when the browser finds it invalid
 * (the `invalid` event), and prints what was submitted. The message itself the picker shows, under
 * its box (part `validation-message`), and gives its search box as description with `aria-invalid`.
 */
function renderInForm(args: PickerArgs) {
  const onInvalid = {
    handleEvent(event: Event) {
      const el = event.target as Picker;
      if (el.localName !== 'link-account-picker') return;
      el.toggleAttribute('data-invalid', true);
    },
    capture: true,
  };
  return html`
    <style>
      link-account-picker[data-invalid]::part(control) {
        border-color: #b42318;
      }
    </style>
    <form
      @invalid=${onInvalid}
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
  `;
}

function chips(el: Picker): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="chip"]')];
}

/** Seven of the mocks' linkable accounts, short names and long ones. */
const seven = ['linkable', 'guarantorOnly', 'unlabeled', 'manyContracts', 'accentedName', 'rtlName', 'longName'] as const;

/**
 * `multiple` with seven accounts selected: the chips wrap onto several lines inside the box, each
 * named after its account (a search described them), none spilling sideways.
 */
export const SeveralChipsWrapping: Story = {
  args: { multiple: true, value: seven.map((k) => STORY_ACCOUNTS[k].id), query: 'Northwind', open: false },
  loaders: [mockBackend({ answer: showcase([...seven]) })],
  parameters: { pickerState: 'static' },
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    await waitFor(() => expect(textOf(el)).toContain(STORY_ACCOUNTS.longName.name), { timeout: 8000 });
    const shown = chips(el);
    await expect(shown).toHaveLength(7);
    const lines = new Set(shown.map((c) => Math.round(c.getBoundingClientRect().top)));
    await expect(lines.size, 'chips on several lines').toBeGreaterThan(1);
    const control = el.shadowRoot!.querySelector<HTMLElement>('[part~="control"]')!;
    await expect(control.scrollWidth).toBeLessThanOrEqual(control.clientWidth + 1);
    await expect(el.selectedAccounts.map((a) => a.id)).toEqual(args.value);
  },
};

/**
 * The host set an id that no search has described yet (here one the server does not know at all):
 * it stays selected, shown as a chip with the id and a dashed marker, and `selectedAccounts` leaves
 * it out. Harbor Point Logistics beside it was described by a search, so it shows its name.
 */
export const UndescribedId: Story = {
  args: { multiple: true, value: [harbor.id, UNKNOWN_ID], query: harbor.number, open: false },
  parameters: { pickerState: 'static' },
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    await waitFor(() => expect(textOf(el)).toContain(harbor.name), { timeout: 8000 });
    const unknown = chips(el).find((c) => c.textContent?.includes(UNKNOWN_ID));
    await expect(unknown, `a chip showing ${UNKNOWN_ID}`).toBeDefined();
    await expect(getComputedStyle(unknown!).borderInlineStartStyle).toBe('dashed');
    await expect(el.value).toEqual([harbor.id, UNKNOWN_ID]);
    await expect(el.selectedAccounts.map((a) => a.id)).toEqual([harbor.id]);
  },
};

/**
 * `required`, nothing selected, and the admin pressed "Link accounts": the browser's validation
 * finds the picker invalid, and the host shows the picker's own message under it ("Select an account.").
 */
export const RequiredAndInvalid: Story = {
  args: { required: true, name: 'accountIds', then: 'submit' },
  render: renderInForm,
  parameters: { pickerState: 'static' },
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    const message = () => el.shadowRoot!.querySelector('[part~="validation-message"]')?.textContent?.trim();
    await waitFor(() => expect(message()).toBe('Select an account.'));
    await expect(combobox(el)).toHaveAttribute('aria-invalid', 'true');
    await expect(el.validity.valueMissing).toBe(true);
    await expect(el.matches(':invalid')).toBe(true);
    await expect(canvasElement.querySelector('output')!.value, 'nothing submitted').toBe('');
    await expect(combobox(el)).toHaveAttribute('aria-required', 'true');
  },
};

/** `disabled` with two accounts selected: the chips stay visible, dimmed with the box; neither they nor the search box can be used. */
export const DisabledWithChips: Story = {
  args: { multiple: true, disabled: true, value: [harbor.id, trust.id], query: 'Northwind', open: false },
  loaders: [mockBackend({ answer: showcase(['linkable', 'guarantorOnly']) })],
  parameters: {
    pickerState: 'static',
    // A disabled picker is dimmed whole, chips included (about 4.2:1). WCAG 1.4.3 exempts the text of an
    // inactive control; axe can't tell the chips belong to one, so its contrast rule is off here alone.
    a11y: { config: { rules: [{ id: 'color-contrast', enabled: false }] } },
  },
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    await waitFor(() => expect(chips(el)).toHaveLength(2));
    await expect(combobox(el)).toBeDisabled();
    for (const remove of el.shadowRoot!.querySelectorAll('[part~="chip-remove"]')) await expect(remove).toBeDisabled();
    await expect(el.value).toEqual([harbor.id, trust.id]);
  },
};
