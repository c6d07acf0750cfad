/**
 * What assistive technology is given, read the way it reads it: Chromium's accessibility tree (through
 * the `ax-tree` server command), the live region's text over time, where focus is, and boxes on screen.
 * Input is real: keys through `sendKeys`, pointer through `sendMouse` at an element's coordinates.
 */
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import { input, options, shadow } from '../element/helpers.js';

export * from '../element/helpers.js';

/** A node of Chromium's accessibility tree, as puppeteer serializes it. */
export interface AXNode {
  role: string;
  name: string;
  description?: string;
  disabled?: boolean;
  expanded?: boolean;
  focused?: boolean;
  selected?: boolean;
  invalid?: string;
  children?: AXNode[];
}

export function axTree(): Promise<AXNode> {
  return executeServerCommand<AXNode, undefined>('ax-tree');
}

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

export function combobox(tree: AXNode): AXNode {
  const [box] = nodes(tree, 'combobox');
  if (!box) throw new Error('no combobox in the accessibility tree');
  return box;
}

export function squash(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The element focus is really on, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Where focus is, as a short string ("link-account-picker > input#input", "button#after", "body"):
 * compared as text, since a failed assertion on two elements would serialize whole DOM trees.
 */
export function focusedName(): string {
  const path: string[] = [];
  let active: Element | null = document.activeElement;
  while (active) {
    path.push(label(active));
    active = active.shadowRoot?.activeElement ?? null;
  }
  return path.join(' > ');
}

export function label(node: Element): string {
  return node.localName + (node.id ? `#${node.id}` : '');
}

export function popupShown(el: LinkAccountPicker): boolean {
  const popup = shadow(el).querySelector<HTMLElement>('[part~="popup"]');
  return !!popup && popup.checkVisibility();
}

/**
 * Records every text the live region holds from now on (consecutive repeats once), the way a screen
 * reader queues what a polite region says.
 */
export function recordLiveRegion(el: LinkAccountPicker): { texts: string[]; stop(): string[] } {
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

/** Clicks the middle of an element with the real mouse. */
export async function clickOn(target: Element): Promise<void> {
  const box = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
}

/** Focuses the search box by clicking it, then types key by key. */
export async function typeInBox(el: LinkAccountPicker, text: string): Promise<void> {
  if (shadow(el).activeElement !== input(el)) await clickOn(input(el));
  await sendKeys({ type: text });
}

/** Types key by key and waits for the results of the whole text. */
export async function typeAndSettle(el: LinkAccountPicker, text: string, rows = 1): Promise<void> {
  await typeInBox(el, text);
  await waitUntil(
    () => options(el).length >= rows && squash(shadow(el).querySelector('[part~="status"]')?.textContent ?? '').includes(`“${text}”`),
    `results for “${text}” shown`,
    { timeout: 5000 },
  );
  await el.updateComplete;
}

export async function press(key: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: key });
}

/** The option aria-activedescendant points at. */
export function activeOption(el: LinkAccountPicker): HTMLElement | null {
  const id = input(el).getAttribute('aria-activedescendant');
  return id ? shadow(el).getElementById(id) : null;
}
