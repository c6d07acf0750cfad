import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import { pickerMeta, TOKENS, type PickerArgs, type TokenName } from './meta.js';
import { reachState } from './state.js';
import { mockBackend, pickerIn, showcase, STORY_ACCOUNTS, textOf, type Picker } from './support.js';

const meta = {
  title: 'Picker/Theming',
  tags: ['autodocs'],
  ...pickerMeta({
    description:
      'The theme\'s 22 custom properties, applied inline on the picker as a host page would set them (`link-account-picker { --link-account-picker-accent-color: … }`). Every token is a control: change one and the picker redraws in the same state. The "Default theme" story shows the picker with none set.',
    args: {
      multiple: true,
      value: [STORY_ACCOUNTS.linkable.id, STORY_ACCOUNTS.guarantorOnly.id],
      query: 'Northwind',
    },
    loaders: [mockBackend({ answer: showcase(['linkable', 'guarantorOnly', 'pendingSync', 'labelMismatch', 'alreadyLinked']) })],
    parameters: { pickerState: 'static' },
  }),
} satisfies Meta<PickerArgs>;
export default meta;
type Story = StoryObj<PickerArgs>;

/** A sample brand: serif type, square corners, teal accent, warm paper background. */
const brand: Record<TokenName, string> = {
  '--link-account-picker-font-family': "Georgia, 'Times New Roman', serif",
  '--link-account-picker-font-size': '1rem',
  '--link-account-picker-radius': '0.125rem',
  '--link-account-picker-spacing': '0.625rem',
  '--link-account-picker-label-color': '#0f3d3e',
  '--link-account-picker-color': '#102a2b',
  '--link-account-picker-muted-color': '#45595a',
  '--link-account-picker-background': '#fbfaf5',
  '--link-account-picker-surface': '#edf3ee',
  '--link-account-picker-border-color': '#7c9a92',
  '--link-account-picker-accent-color': '#0f766e',
  '--link-account-picker-focus-ring': '0 0 0 3px rgb(15 118 110 / 0.4)',
  '--link-account-picker-active-background': '#d5eee8',
  '--link-account-picker-highlight-background': '#ffe08a',
  '--link-account-picker-linkable-color': '#166534',
  '--link-account-picker-pending-color': '#92400e',
  '--link-account-picker-blocked-color': '#9f1239',
  '--link-account-picker-linked-color': '#4338ca',
  '--link-account-picker-error-color': '#9f1239',
  '--link-account-picker-popup-shadow': '0 8px 24px rgb(16 42 43 / 0.2)',
  '--link-account-picker-popup-max-height': '32rem',
  '--link-account-picker-z-index': '20',
};

function part(el: Picker, name: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
  if (!found) throw new Error(`no ${name} part`);
  return found;
}

/** Every token set: the controls start from this sample brand, for designers to change one by one. */
export const CustomTheme: Story = {
  args: brand,
  play: async ({ args, canvasElement }) => {
    // The sample sets every token the manifest documents: a token added later shows up here.
    await expect(Object.keys(brand).sort()).toEqual([...TOKENS].sort());
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    await waitFor(() => expect(textOf(el)).toContain(STORY_ACCOUNTS.labelMismatch.name), { timeout: 8000 });
    const popup = getComputedStyle(part(el, 'popup'));
    await expect(popup.borderTopLeftRadius).toBe('2px');
    await expect(popup.backgroundColor).toBe('rgb(251, 250, 245)');
    await expect(popup.maxHeight).toBe('512px');
    await expect(getComputedStyle(part(el, 'input')).fontFamily).toMatch(/Georgia/);
    await expect(getComputedStyle(part(el, 'chip')).backgroundColor).toBe('rgb(237, 243, 238)');
  },
};

/** No token set: the picker's own defaults, for comparison. */
export const DefaultTheme: Story = {
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    await waitFor(() => expect(textOf(el)).toContain(STORY_ACCOUNTS.labelMismatch.name), { timeout: 8000 });
    await expect(getComputedStyle(part(el, 'popup')).borderTopLeftRadius).toBe('8px');
    await expect(getComputedStyle(part(el, 'input')).fontFamily).toMatch(/system-ui/);
  },
};
