/**
 * Mounting the picker and driving it the way an admin does, and reading what the admin (or a screen
 * reader, or the host page) sees. Only the public surface: the shadow root's combobox, options with
 * `data-account-id`, the status line, the live region, events and properties.
 *
 * Pointer and keyboard go through real input (`sendMouse`, `sendKeys`): Chromium then moves focus,
 * fires pointer, mouse and focus events in order, and a control that blurs itself shows up as it
 * would for a user. `element.click()` does none of that.
 *
 * Type-only imports of the element: the framework tests load the standalone bundle themselves.
 */
import { fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { LinkAccountPicker, SearchAccounts, SearchErrorInfo } from '../../src/link-account-picker.js';
import { engine } from './engine.js';
import { until, withDeadline } from './wait.js';

export type Picker = LinkAccountPicker;

/** A picker answering through `searchAccounts` (no endpoint), searching on every keystroke by default. */
export async function mount(options: { multiple?: boolean; debounce?: number; minChars?: number } = {}): Promise<Picker> {
  return fixture<Picker>(html`<link-account-picker
    site="northwind"
    label="Accounts"
    debounce=${options.debounce ?? 0}
    min-chars=${options.minChars ?? 1}
    ?multiple=${options.multiple ?? false}
  ></link-account-picker>`);
}

/** A picker searching `endpoint` (the MSW worker answers it) for site "nwf", with no debounce. */
export async function mountAt(endpoint: string, options: { timeout?: number; multiple?: boolean } = {}): Promise<Picker> {
  return fixture<Picker>(html`<link-account-picker
    endpoint=${endpoint}
    site="nwf"
    label="Accounts"
    debounce="0"
    timeout=${ifDefined(options.timeout)}
    ?multiple=${options.multiple ?? false}
  ></link-account-picker>`);
}

// ——— Reading what is shown ———

export function shadow(el: Picker): ShadowRoot {
  return el.shadowRoot!;
}

/** The search box. */
export function combobox(el: Picker): HTMLInputElement {
  return shadow(el).querySelector<HTMLInputElement>('[role="combobox"]')!;
}

/** Every rendered option, in order. */
export function options(el: Picker): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[role="option"]')];
}

/** The rendered option for account `id`; throws when there is none. */
export function option(el: Picker, id: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`[role="option"][data-account-id="${CSS.escape(id)}"]`);
  if (!found) throw new Error(`no option for ${id}`);
  return found;
}

/** The account ids of the rendered options, in order. */
export function shownIds(el: Picker): string[] {
  return options(el).map((row) => row.dataset.accountId!);
}

/** The option the keyboard is on (aria-activedescendant points at it), if it is rendered. */
export function activeOption(el: Picker): HTMLElement | null {
  const id = combobox(el).getAttribute('aria-activedescendant');
  return id ? shadow(el).getElementById(id) : null;
}

/** The account id of the option the keyboard is on (aria-activedescendant), if it is rendered. */
export function activeId(el: Picker): string | undefined {
  return activeOption(el)?.dataset.accountId;
}

/**
 * Whether the results popup is shown: rendered and visible (`checkVisibility`), which a popup without
 * the `hidden` attribute but hidden by CSS is not.
 */
export function popupOpen(el: Picker): boolean {
  const popup = shadow(el).querySelector<HTMLElement>('[part~="popup"]');
  return !!popup && popup.checkVisibility();
}

/** Text as it reads: whitespace runs collapsed to one space, trimmed ('' for none). */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function text(node: Node | null | undefined): string {
  return squash(node?.textContent);
}

/**
 * Where focus is, as a short string ("link-account-picker > input#input", "button#after", "body"):
 * compared as text, since a failed assertion on two elements would serialize whole DOM trees.
 */
export function focusedName(): string {
  const path: string[] = [];
  let active: Element | null = document.activeElement;
  while (active) {
    path.push(active.localName + (active.id ? `#${active.id}` : ''));
    active = active.shadowRoot?.activeElement ?? null;
  }
  return path.join(' > ');
}

/** The visible status line. */
export function statusText(el: Picker): string {
  return text(shadow(el).querySelector('[part~="status"]'));
}

/** What the live region says (what a screen reader announces). */
export function liveText(el: Picker): string {
  return text(shadow(el).querySelector('[role="status"]'));
}

/** The text of the elements an id reference list points to (for aria-describedby / aria-labelledby). */
export function referencedText(el: Picker, ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => shadow(el).getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A button of the picker by its part name (`load-more`, `retry`, `chip-remove`), or null. */
export function button(el: Picker, part: string, within: ParentNode = shadow(el)): HTMLButtonElement | null {
  return within.querySelector<HTMLButtonElement>(`[part~="${part}"]`);
}

// ——— Real input ———

/** The innermost element at a point of `doc`'s viewport, looking inside shadow roots. */
export function deepElementAt(doc: Document, x: number, y: number): Element | null {
  let hit = doc.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

function contains(outer: Element, inner: Element | null): boolean {
  for (let node: Node | null = inner; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node === outer) return true;
  }
  return false;
}

/** Where `doc`'s viewport starts in the test page's (0, 0 unless `doc` is in an iframe). */
function frameOffset(doc: Document): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let frame = doc.defaultView?.frameElement; frame; frame = frame.ownerDocument.defaultView?.frameElement) {
    const box = frame.getBoundingClientRect();
    x += box.left + frame.clientLeft;
    y += box.top + frame.clientTop;
  }
  return { x, y };
}

/**
 * A real mouse click at the centre of `target` (in the test page or a same-origin iframe), scrolled
 * into view first. Fails when something else is on top there: the admin could not click it either.
 */
export async function clickOn(target: Element): Promise<void> {
  target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const box = target.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  const hit = deepElementAt(target.ownerDocument, x, y);
  if (!contains(target, hit)) {
    throw new Error(`cannot click ${target.localName}${target.id ? `#${target.id}` : ''}: ${hit?.localName ?? 'nothing'} is on top of it`);
  }
  const offset = frameOffset(target.ownerDocument);
  await sendMouse({ type: 'click', position: [Math.round(offset.x + x), Math.round(offset.y + y)] });
}

/** A real mouse click on the page, away from the picker (near the viewport's bottom-right corner). */
export async function clickOutside(el: Picker): Promise<void> {
  const x = window.innerWidth - 4;
  const y = window.innerHeight - 4;
  if (contains(el, deepElementAt(document, x, y))) throw new Error('the picker covers the point used for a click outside');
  await sendMouse({ type: 'click', position: [x, y] });
}

/**
 * Presses a key (e.g. `ArrowDown`, `Enter`, `Space`) where focus is, `times` times. `Space` goes as
 * " ", the one name every engine's key map has for the space bar (puppeteer's Firefox has no "Space").
 */
export async function press(key: string, times = 1): Promise<void> {
  const name = key === 'Space' ? ' ' : key;
  for (let i = 0; i < times; i++) await sendKeys({ press: name });
}

/**
 * Types `text` into whatever has focus, key by key. WebKit's WebDriver loses keys of one long
 * `type`: "hpl-100245" arrived as "hpl-10245", "Harbor Point Logistics" as "Harbor PointLogistics".
 * There each key goes in a command of its own.
 */
export async function typeFocused(text: string): Promise<void> {
  if (engine !== 'webkit') return sendKeys({ type: text });
  for (const key of text) await sendKeys({ type: key });
}

/** Focuses the search box and types `text` key by key: each keystroke is its own input event. */
export async function typeKeys(el: Picker, text: string): Promise<void> {
  combobox(el).focus();
  await typeFocused(text);
}

/** Focuses the search box the way an admin does, with a mouse click (unless it has focus), then types key by key. */
export async function typeInBox(el: Picker, text: string): Promise<void> {
  if (shadow(el).activeElement !== combobox(el)) await clickOn(combobox(el));
  await typeFocused(text);
}

/**
 * Puts `text` in the search box in one input event, as a paste or the browser's autofill does: the
 * picker sees one query, so tests can count requests without the prefixes a key-by-key typist sends.
 */
export function typeText(el: Picker, text: string): void {
  const box = combobox(el);
  box.focus();
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

// ——— Searches ———

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

/**
 * Types `text` (one input event) and resolves once that search's results, "no matches" or error are
 * rendered, in any language. Only for a query that starts a search: at least min-chars, not the
 * query already shown.
 */
export async function search(el: Picker, text: string): Promise<Settled> {
  // A property set just before (searchAccounts, site, fetchInit) may re-arm the search by itself.
  await el.updateComplete;
  const settled = nextSettle(el, text.trim());
  typeText(el, text);
  const outcome = await withDeadline(settled, `the search for “${text}” settled`);
  await el.updateComplete;
  return outcome;
}

/** Searches `query` with `searchAccounts` answering `body`, and resolves once the outcome is rendered. */
export function searchWith(el: Picker, query: string, body: unknown): Promise<Settled> {
  return searchUsing(el, query, async () => body);
}

/** Searches `query` with `fn` as the host's `searchAccounts`, and resolves once the outcome is rendered. */
export function searchUsing(el: Picker, query: string, fn: (...args: never[]) => unknown): Promise<Settled> {
  el.searchAccounts = fn as unknown as SearchAccounts;
  return search(el, query);
}

/** Waits until `el` shows exactly `count` options (e.g. after a further page arrived). */
export function untilOptions(el: Picker, count: number, what = `${count} options shown`): Promise<void> {
  return until(() => options(el).length === count, what);
}

/** Searches `text` and waits until exactly `count` options are on screen; returns them. */
export async function searchFor(el: Picker, text: string, count: number): Promise<HTMLElement[]> {
  await search(el, text);
  await untilOptions(el, count, `${count} options for “${text}”`);
  return options(el);
}

/** Types `text` key by key (`typeInBox`) and waits until the status names the whole text with at least `rows` options shown. */
export async function typeAndSettle(el: Picker, text: string, rows = 1): Promise<void> {
  await typeInBox(el, text);
  await until(() => options(el).length >= rows && statusText(el).includes(`“${text}”`), `results for “${text}” shown`, 8000);
  await el.updateComplete;
}
