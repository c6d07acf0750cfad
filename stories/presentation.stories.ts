import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import { pickerMeta, renderPicker, type PickerArgs } from './meta.js';
import { reachState } from './state.js';
import {
  combobox,
  emulateMedia,
  expectExplained,
  listbox,
  mockBackend,
  pickerIn,
  searchFor,
  showcase,
  STORY_ACCOUNTS,
  textOf,
} from './support.js';

const meta = {
  title: 'Picker/Presentation',
  tags: ['autodocs'],
  ...pickerMeta({
    description:
      'The same results under the conditions admins really have: a narrow window, a dark OS theme, Windows High Contrast (forced colours), a right-to-left page, and a Spanish page.',
    args: { query: 'Northwind' },
    // Every verdict in every condition: the trainers' named accounts, including the long and the Arabic name.
    loaders: [
      mockBackend({
        answer: showcase(['linkable', 'alreadyLinked', 'terminatedOnly', 'labelMismatch', 'pendingSync', 'syncOverdue', 'longName', 'rtlName']),
      }),
    ],
  }),
} satisfies Meta<PickerArgs>;
export default meta;
type Story = StoryObj<PickerArgs>;

/** Searches as an admin would; the showcase answers with one account of each verdict. */
async function showMixedResults(canvasElement: HTMLElement) {
  const el = pickerIn(canvasElement);
  const { results } = await searchFor(el, 'Northwind');
  await expect(results).toHaveLength(8);
  await expect(new Set(results.map((r) => r.eligibility.code)).size).toBe(6);
  return el;
}

/** 320 px wide (a phone, or a narrow side panel): nothing spills sideways, long names wrap. */
export const Narrow320: Story = {
  render: (args) => html`<div style="inline-size: 320px; outline: 1px dashed #8888">${renderPicker(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await showMixedResults(canvasElement);
    const long = STORY_ACCOUNTS.longName;
    await expectExplained(el, long.id, 'linkable');
    await expect(el.getBoundingClientRect().width).toBeLessThanOrEqual(320);
    // No horizontal scrolling anywhere in the picker.
    for (const node of [el, combobox(el), listbox(el)!]) {
      await expect(node.scrollWidth, `${node.tagName} overflows sideways`).toBeLessThanOrEqual(node.clientWidth + 1);
    }
  },
};

/** Columns of an option's grid: the narrow layout drops the marker column. */
function columns(opt: HTMLElement): number {
  return getComputedStyle(opt).gridTemplateColumns.split(' ').length;
}

/**
 * The same 320 px, statically, with two chips (one very long): the picker lays itself out by its own
 * width (a container query), not the window's, so the narrow layout shows on a wide screen too — rows
 * without the marker column, the search icon beside the first chip rather than alone on its line.
 */
export const NarrowWithChips: Story = {
  args: { multiple: true, value: [STORY_ACCOUNTS.longName.id, STORY_ACCOUNTS.linkable.id] },
  render: (args) => html`<div style="inline-size: 320px; outline: 1px dashed #8888">${renderPicker(args)}</div>`,
  parameters: { pickerState: 'static' },
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    await waitFor(() => expect(textOf(el)).toContain(STORY_ACCOUNTS.syncOverdue.name), { timeout: 8000 });
    await expect(window.innerWidth, 'a window wider than the narrow layout').toBeGreaterThan(480);
    const opt = el.shadowRoot!.querySelector<HTMLElement>('[part~="option"]')!;
    await expect(columns(opt), 'option grid without the marker column').toBe(2);
    const control = el.shadowRoot!.querySelector<HTMLElement>('[part~="control"]')!;
    const chip = el.shadowRoot!.querySelector<HTMLElement>('[part~="chip"]')!;
    const line = chip.getBoundingClientRect().top - control.getBoundingClientRect().top;
    await expect(line, 'the first chip on the first line, beside the search icon').toBeLessThan(chip.getBoundingClientRect().height);
    await expect(control.scrollWidth).toBeLessThanOrEqual(control.clientWidth + 1);
  },
};

/** Sum of the RGB channels of a computed colour: low is dark. */
function lightness(color: string): number {
  const [r = 255, g = 255, b = 255] = (color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  return r + g + b;
}

/**
 * The admin's OS asks for a dark theme (`prefers-color-scheme: dark`) and the picker follows it (it
 * declares `color-scheme: light dark`). In the story test the browser really emulates the OS setting
 * and axe checks the dark colours' contrast. In Storybook it follows your OS theme — or DevTools ▸
 * Rendering ▸ Emulate CSS media feature prefers-color-scheme; see "Dark, set by the host" otherwise.
 */
export const DarkScheme: Story = {
  render: (args) => html`<div style="color-scheme: dark; background: Canvas; color: CanvasText; padding: 1rem">
    ${renderPicker(args)}
  </div>`,
  beforeEach: async () => emulateMedia({ colorScheme: 'dark' }),
  play: async ({ canvasElement }) => {
    const el = await showMixedResults(canvasElement);
    await expectExplained(el, STORY_ACCOUNTS.syncOverdue.id, 'sync-overdue');
    if (globalThis.__storyTestEmulateMedia) {
      await expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
      const popup = el.shadowRoot!.querySelector<HTMLElement>('[part~="popup"]')!;
      await expect(lightness(getComputedStyle(popup).backgroundColor), 'popup background').toBeLessThan(3 * 100);
      await expect(lightness(getComputedStyle(combobox(el)).color), 'search box text').toBeGreaterThan(3 * 150);
    }
  },
};

/**
 * A dark host page that pins the picker dark whatever the OS says: `color-scheme: dark` on the
 * element, as the styles document. This one shows dark in Storybook on any machine.
 */
export const DarkSetByHost: Story = {
  render: (args) => html`<div style="color-scheme: dark; background: #0d1117; color: #e6e9ee; padding: 1rem">
    <style>
      .dark-host link-account-picker {
        color-scheme: dark;
      }
    </style>
    <div class="dark-host">${renderPicker(args)}</div>
  </div>`,
  play: async ({ canvasElement }) => {
    const el = await showMixedResults(canvasElement);
    const popup = el.shadowRoot!.querySelector<HTMLElement>('[part~="popup"]')!;
    await expect(lightness(getComputedStyle(popup).backgroundColor), 'popup background').toBeLessThan(3 * 100);
  },
};

/**
 * Windows High Contrast: the OS replaces every colour (`forced-colors: active`), dropping shadows.
 * Verdicts must still read as text, and focus must still show. In the story test the browser really
 * emulates it; in Storybook use DevTools ▸ Rendering ▸ Emulate CSS media feature forced-colors.
 */
export const ForcedColors: Story = {
  beforeEach: async () => emulateMedia({ forcedColors: 'active' }),
  play: async ({ canvasElement }) => {
    const el = await showMixedResults(canvasElement);
    await expectExplained(el, STORY_ACCOUNTS.syncOverdue.id, 'sync-overdue');
    if (!globalThis.__storyTestEmulateMedia) return;
    await expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    // The verdict groups are told apart by their headings, not by colour.
    const headings = [...el.shadowRoot!.querySelectorAll('[part~="group-label"]')].map((h) => h.textContent?.trim());
    await expect(headings.length).toBe(4);
    // Focus in the search box must look different from no focus, with colours forced (a box-shadow
    // focus ring disappears in this mode, and border colours are overridden).
    const input = combobox(el);
    const control = el.shadowRoot!.querySelector<HTMLElement>('[part~="control"]')!;
    const look = () =>
      [input, control]
        .map((n) => getComputedStyle(n))
        .map((c) => [c.outlineStyle, c.outlineWidth, c.outlineColor, c.borderTopWidth, c.borderTopStyle, c.borderTopColor].join(' '))
        .join(' | ');
    input.blur();
    const unfocused = look();
    input.focus();
    await expect(look(), 'focused vs unfocused search box').not.toBe(unfocused);
  },
};

/** A right-to-left page (`dir="rtl"`) and an Arabic account name: layout mirrors, text stays readable. */
export const RightToLeft: Story = {
  args: { label: 'الحسابات المراد ربطها' },
  render: (args) => html`<div dir="rtl" lang="ar">${renderPicker(args)}</div>`,
  play: async ({ canvasElement }) => {
    const el = await showMixedResults(canvasElement);
    const waha = STORY_ACCOUNTS.rtlName;
    const { option: opt } = await expectExplained(el, waha.id, 'linkable');
    await expect(opt.textContent).toContain(waha.name);
    await expect(getComputedStyle(combobox(el)).direction).toBe('rtl');
    // Mirrored: the option's text starts at the right edge of the list.
    await expect(getComputedStyle(opt).direction).toBe('rtl');
  },
};

/**
 * The page is in Spanish (`<html lang="es">`): the picker follows the page's language, for its own
 * words and for dates and times. The story pins the toolbar's page language to Español.
 */
export const Spanish: Story = {
  args: { label: 'Cuentas para vincular', placeholder: 'Nombre o número de cuenta' },
  globals: { locale: 'es' },
  // The page's language is the whole page's: on the docs page this story gets a page (iframe) of its own.
  parameters: { pickerState: 'static', docs: { story: { inline: false, height: '640px' } } },
  play: async ({ args, canvasElement }) => {
    const el = pickerIn(canvasElement);
    await reachState(el, args);
    await waitFor(() => expect(textOf(el)).toContain(STORY_ACCOUNTS.syncOverdue.name), { timeout: 8000 });
    await expectExplained(el, STORY_ACCOUNTS.syncOverdue.id, 'sync-overdue');
    // Dates and times in Spanish ("dentro de 11 minutos").
    const countdown = el.shadowRoot!.querySelector('[part~="countdown"]');
    await expect(countdown?.textContent).toMatch(/dentro de/);
    // The picker's own words (group headings, not the host's label) in Spanish.
    const headings = [...el.shadowRoot!.querySelectorAll('[part~="group-label"]')].map((h) => h.textContent ?? '');
    await expect(headings.join(' ')).not.toMatch(/Can't be linked|Can be linked|Already linked/);
    await expect(headings.join(' ')).toMatch(/vincul/i);
  },
};
