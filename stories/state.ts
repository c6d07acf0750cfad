/**
 * Showing a state with no typing and no focus: what a docs page, a gallery and the Controls panel
 * need. The picker's own preview API does it — `open` shows the popup, `search(query)` searches at
 * once as if the admin had typed and paused — against the mocked endpoint, so a verdict, an error or
 * a page of results is the real answer to a real request, only not typed.
 *
 * Play functions stay the interaction tests: they type and click as an admin does. `reachState()`
 * lets a story that is about a state (not about the typing) assert it either way: it waits for the
 * static state when the picker showed it, and reaches it by typing on a build without the API.
 */
import { expect, userEvent, waitFor } from 'storybook/test';
import type { LinkAccountPicker } from '../src/link-account-picker.js';

type Picker = LinkAccountPicker;

/** A step after the search, done through the picker's documented parts. */
export type StateStep = 'load-more' | 'submit';

/** What a story shows, beyond the element's own attributes and `value`. */
export interface PickerState {
  /** The search shown; nothing is searched without one. */
  query?: string;
  /**
   * Whether the popup is shown; true by default when there is a query. With false, the query only
   * describes the selected accounts (their chips show names) and the search box is left empty.
   */
  open?: boolean;
  /** Then: press "Load more" once, or validate the picker's form (to show it invalid). */
  then?: StateStep;
}

/** The preview API (`open`, `search()`), on builds of the element that have it. */
interface PreviewApi {
  open: boolean;
  search(query: string): Promise<void>;
}

export function previewApi(el: Picker): PreviewApi | undefined {
  const api = el as unknown as Partial<PreviewApi>;
  return typeof api.search === 'function' ? (api as PreviewApi) : undefined;
}

/** The pickers whose state was shown statically, with the promise of it being on screen. */
const shown = new WeakMap<Picker, Promise<void>>();

/**
 * Shows `state` on the picker, once per element (a re-render with the same args keeps it). With no
 * preview API on this build, only `value` (set by the render) shows; the play function types instead.
 */
export function showState(el: Picker, state: PickerState): void {
  const api = previewApi(el);
  const opening = api !== undefined && (state.query !== undefined || state.open !== undefined);
  if (shown.has(el) || !(opening || state.then === 'submit')) return;
  const showing = (async () => {
    await el.updateComplete;
    if (api && opening) {
      api.open = state.open ?? true;
      if (state.query !== undefined) await api.search(state.query);
      // Closed, the search only described the chips: the box is left empty, as after a pick.
      if (state.query && state.open === false) await api.search('');
    }
    if (state.then) await runStep(el, state.then, false);
  })();
  // A story whose state never settles (a request left hanging) must not report an unhandled error.
  showing.catch((error: unknown) => console.error('<link-account-picker> story state:', error));
  shown.set(el, showing);
}

/** Whether the picker's state is being shown statically (so a play function need not type). */
export function shownStatically(el: Picker): boolean {
  return shown.has(el);
}

/**
 * In a play function: makes sure `state` is on screen. Shown statically → nothing to do (the play
 * then waits for what it asserts). Otherwise → as an admin: types the query, then clicks or presses.
 */
export async function reachState(el: Picker, state: PickerState): Promise<void> {
  if (shown.has(el)) return;
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  // A disabled picker can't be typed into: its chips stay undescribed on a build without the API.
  if (state.query !== undefined && !input.disabled) {
    const answered = new Promise((resolve) => el.addEventListener('search-complete', resolve, { once: true }));
    await userEvent.type(input, state.query, { initialSelectionStart: 0, initialSelectionEnd: input.value.length });
    // Closing before the answer would leave the chips undescribed: wait for it first.
    if (state.open === false) {
      await answered;
      await userEvent.keyboard('{Escape}');
    }
  }
  if (state.then) await runStep(el, state.then, true);
}

async function runStep(el: Picker, step: StateStep, asUser: boolean): Promise<void> {
  if (step === 'load-more') {
    const button = await waitFor(
      () => {
        const found = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]');
        expect(found, 'a "Load more" button').toBeTruthy();
        return found!;
      },
      { timeout: 8000 },
    );
    if (asUser) await userEvent.click(button);
    else button.click();
    return;
  }
  const form = el.form;
  if (!form) throw new Error('the "submit" step needs the picker in a <form>');
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"], button:not([type])');
  if (asUser && submit) await userEvent.click(submit);
  // Statically, the same validation without the browser's bubble and its move of focus: the form's
  // controls fire `invalid`, and the host shows the picker's validationMessage.
  else form.checkValidity();
}
