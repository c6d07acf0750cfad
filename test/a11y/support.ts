/**
 * What assistive technology is given, read the way it reads it: Chromium's accessibility tree (with
 * each node's ancestors, and the `invalid` state), the live region's text over time, where focus is.
 * Built on the shared harness (test/support/): real keys, the real mouse, the MSW worker, the data.
 */
import '../../src/link-account-picker.js';
import { waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AXNode as BaseNode } from '../support/ax-tree.js';
import { combobox as searchBox, clickOn, options, shadow, type Picker } from '../support/picker.js';

export { axTree } from '../support/ax-tree.js';
export { accounts, body, contract, iso } from '../support/data.js';
export { ENDPOINT, startWorker, worker } from '../support/msw.js';
export { clickOn, options, shadow } from '../support/picker.js';

/** A node of Chromium's accessibility tree, with the invalid state a form control reports. */
export interface AXNode extends BaseNode {
  invalid?: string;
  children?: AXNode[];
}

/** The search box (the element, not its accessibility node). */
export const input = searchBox;

/** Every node that matches, each with its ancestors (nearest last). */
export function findAll(
  node: AXNode,
  match: (node: AXNode) => boolean,
  ancestors: AXNode[] = [],
  found: { node: AXNode; ancestors: AXNode[] }[] = [],
): { node: AXNode; ancestors: AXNode[] }[] {
  if (match(node)) found.push({ node, ancestors });
  for (const child of node.children ?? []) findAll(child, match, [...ancestors, node], found);
  return found;
}

export function nodes(tree: AXNode, role: string): AXNode[] {
  return findAll(tree, (node) => node.role === role).map((found) => found.node);
}

/** The combobox's node in the tree. */
export function combobox(tree: AXNode): AXNode {
  const [box] = nodes(tree, 'combobox');
  if (!box) throw new Error('no combobox in the accessibility tree');
  return box;
}

export function squash(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
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

export function popupShown(el: Picker): boolean {
  const popup = shadow(el).querySelector<HTMLElement>('[part~="popup"]');
  return !!popup && popup.checkVisibility();
}

/**
 * Records every text the live region holds from now on (consecutive repeats once), the way a screen
 * reader queues what a polite region says.
 */
export function recordLiveRegion(el: Picker): { texts: string[]; stop(): string[] } {
  const region = shadow(el).querySelector('[role="status"]')!;
  const texts: string[] = [];
  const take = () => {
    const text = squash(region.textContent ?? '');
    if (text && texts[texts.length - 1] !== text) texts.push(text);
  };
  const observer = new MutationObserver(take);
  observer.observe(region, { subtree: true, childList: true, characterData: true });
  return {
    texts,
    stop() {
      take();
      observer.disconnect();
      return texts;
    },
  };
}

/** Focuses the search box by clicking it, then types key by key. */
export async function typeInBox(el: Picker, text: string): Promise<void> {
  if (shadow(el).activeElement !== input(el)) await clickOn(input(el));
  await sendKeys({ type: text });
}

/** Types key by key and waits for the results of the whole text. */
export async function typeAndSettle(el: Picker, text: string, rows = 1): Promise<void> {
  await typeInBox(el, text);
  await waitUntil(
    () => options(el).length >= rows && squash(shadow(el).querySelector('[part~="status"]')?.textContent ?? '').includes(`“${text}”`),
    `results for “${text}” shown`,
    { timeout: 8000 },
  );
  await el.updateComplete;
}

/** Presses a key `times` times. */
export async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

/** The option aria-activedescendant points at. */
export function activeOption(el: Picker): HTMLElement | null {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? shadow(el).getElementById(id) : null;
}
