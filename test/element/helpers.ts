/**
 * Shared by the element tests: one MSW worker per test file (started once), small response bodies,
 * and ways to drive the picker the way an admin does.
 */
import { setupWorker } from 'msw/browser';
import { waitUntil } from '@open-wc/testing';
import type { Account, Contract, SearchResponse } from '../../src/rules/types.js';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';

export const ENDPOINT = '/api/accounts/search';

export const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** Starts the worker once per page; call in `before()`. */
export function startWorker(): Promise<unknown> {
  started ??= worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' });
  return started;
}

export const SITE = { id: 'nwf', name: 'Northwind Finance', privateLabels: ['NWF', 'NWF-EQ'], includeUnlabeled: true };

const MINUTE = 60_000;
export const AS_OF = new Date();

export function iso(offsetMs: number, from: Date = AS_OF): string {
  return new Date(from.getTime() + offsetMs).toISOString();
}

export function contract(partial: Partial<Contract> = {}): Contract {
  return {
    id: partial.id ?? `c-${Math.random().toString(36).slice(2, 8)}`,
    number: '001-0123456-000',
    role: 'customer',
    status: 'booked',
    privateLabel: 'NWF',
    bookedAt: iso(-30 * 24 * 60 * MINUTE),
    ...partial,
  };
}

/** One account per verdict, all matching "acme". */
export const accounts = {
  linkable: {
    id: 'a-linkable',
    number: 'ACM000101',
    name: 'Acme Leasing Ltd',
    portalSyncedAt: iso(-20 * 24 * 60 * MINUTE),
    contracts: [contract({ id: 'c1' }), contract({ id: 'c2', role: 'Guarantor' })],
  },
  linked: {
    id: 'a-linked',
    number: 'ACM000102',
    name: 'Acme Holdings',
    linkedToUser: true,
    contracts: [contract({ id: 'c3' })],
  },
  noActive: {
    id: 'a-terminated',
    number: 'ACM000103',
    name: 'Acme Old Co',
    contracts: [
      contract({ id: 'c4', status: 'terminated' }),
      contract({ id: 'c5', status: 'pending' }),
      contract({ id: 'c6', role: 'Vendor' }),
    ],
  },
  label: {
    id: 'a-label',
    number: 'ACM000104',
    name: 'Acme Summit Partners',
    contracts: [contract({ id: 'c7', privateLabel: 'SUMMIT' })],
  },
  pending: {
    id: 'a-pending',
    number: 'ACM000105',
    name: 'Acme New Business',
    portalSyncedAt: null,
    contracts: [contract({ id: 'c8', bookedAt: iso(-3 * MINUTE) })],
  },
  overdue: {
    id: 'a-overdue',
    number: 'ACM000106',
    name: 'Ácme Stuck Inc',
    portalSyncedAt: null,
    contracts: [contract({ id: 'c9', bookedAt: iso(-3 * 60 * MINUTE) })],
  },
} satisfies Record<string, Account>;

export function body(list: unknown[], extra: Partial<SearchResponse> = {}): SearchResponse {
  return { asOf: new Date().toISOString(), syncWindowMinutes: 15, site: SITE, accounts: list as Account[], ...extra };
}

export function shadow(el: LinkAccountPicker): ShadowRoot {
  return el.shadowRoot!;
}

export function input(el: LinkAccountPicker): HTMLInputElement {
  return shadow(el).querySelector('input')!;
}

export function options(el: LinkAccountPicker): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[role="option"]')];
}

export function option(el: LinkAccountPicker, id: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`[role="option"][data-account-id="${id}"]`);
  if (!found) throw new Error(`no option for ${id}`);
  return found;
}

export function statusText(el: LinkAccountPicker): string {
  return shadow(el).querySelector('[part~="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function liveText(el: LinkAccountPicker): string {
  return shadow(el).querySelector('[role="status"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** The text of the element an id reference points to (for aria-describedby / aria-labelledby). */
export function referencedText(el: LinkAccountPicker, ids: string | null): string {
  return (ids ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => shadow(el).getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Types like an admin would, without waiting for key events (fast and deterministic). */
export function type(el: LinkAccountPicker, text: string): void {
  const box = input(el);
  box.focus();
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text }));
}

/** Types and waits until the search has settled into results, no matches or an error. */
export async function search(el: LinkAccountPicker, text: string): Promise<void> {
  type(el, text);
  await waitUntil(
    () => options(el).length > 0 || /No accounts match|Try again/.test(shadow(el).querySelector('.popup')?.textContent ?? ''),
    `search for ${text} did not settle`,
    { timeout: 4000 },
  );
  await el.updateComplete;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The next event of that type, typed from HTMLElementEventMap. */
export function nextEvent<K extends keyof HTMLElementEventMap>(el: EventTarget, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => el.addEventListener(type, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
}
