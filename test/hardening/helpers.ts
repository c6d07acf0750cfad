/**
 * Small helpers for the hardening tests: the picker driven through its public surface only (the
 * shadow root's combobox, options with data-account-id, events, `searchAccounts`), so these tests
 * keep proving the contract whatever the element does inside.
 */
import { fixture, html } from '@open-wc/testing';
import '../../src/link-account-picker.js';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import type { SearchAccounts, SearchErrorInfo } from '../../src/link-account-picker.js';

export type Picker = LinkAccountPicker;

export async function mount(options: { multiple?: boolean; debounce?: number; minChars?: number } = {}): Promise<Picker> {
  return fixture<Picker>(html`<link-account-picker
    site="northwind"
    label="Accounts"
    debounce=${options.debounce ?? 0}
    min-chars=${options.minChars ?? 1}
    ?multiple=${options.multiple ?? false}
  ></link-account-picker>`);
}

export function combobox(el: Picker): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
}

export function optionsOf(el: Picker): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}

export function shownIds(el: Picker): string[] {
  return optionsOf(el).map((o) => o.dataset.accountId!);
}

/** Puts `text` in the search box as typing would (one input event). */
export function typeText(el: Picker, text: string): void {
  const box = combobox(el);
  box.focus();
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

export type Settled =
  | { kind: 'complete'; query: string; ids: string[]; malformed: number }
  | { kind: 'error'; query: string; error: SearchErrorInfo };

/** The next search-complete or search-error of `el` (for `query`, when given). */
export function nextSettle(el: Picker, query?: string): Promise<Settled> {
  return new Promise((resolve) => {
    const done = (event: Event) => {
      const detail = (event as CustomEvent).detail;
      if (query !== undefined && detail.query !== query) return;
      el.removeEventListener('search-complete', done);
      el.removeEventListener('search-error', done);
      resolve(
        event.type === 'search-complete'
          ? { kind: 'complete', query: detail.query, ids: detail.results.map((r: { account: { id: string } }) => r.account.id), malformed: detail.malformed ?? 0 }
          : { kind: 'error', query: detail.query, error: detail.error },
      );
    };
    el.addEventListener('search-complete', done);
    el.addEventListener('search-error', done);
  });
}

/** Searches `query` with `searchAccounts` answering `body`, and resolves once the outcome is rendered. */
export function searchWith(el: Picker, query: string, body: unknown): Promise<Settled> {
  return searchUsing(el, query, async () => body);
}

/** Searches `query` with `fn` as the host's `searchAccounts`, and resolves once the outcome is rendered. */
export async function searchUsing(el: Picker, query: string, fn: (...args: never[]) => unknown): Promise<Settled> {
  el.searchAccounts = fn as unknown as SearchAccounts;
  // A changed searchAccounts re-arms the search by itself: let that settle before typing.
  await el.updateComplete;
  const settled = nextSettle(el, query.trim());
  typeText(el, query);
  const outcome = await settled;
  await el.updateComplete;
  return outcome;
}

export function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Every element in a shadow tree, descending into nested shadow roots. */
export function allElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}
