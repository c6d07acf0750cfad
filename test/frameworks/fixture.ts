/**
 * What the framework tests share: a `searchAccounts` that answers from a fixture (no network), and
 * the few steps an admin takes in the picker's shadow DOM.
 */
import { waitUntil } from '@open-wc/testing';
import type { LinkAccountPicker, SearchRequest, SearchResponse } from '../../src/link-account-picker.js';

const HOUR = 3_600_000;

/** Three accounts matching "harbor": one linkable, one under another site's label, one waiting for the sync. */
export function fixtureResponse(now = Date.now()): SearchResponse {
  return {
    asOf: new Date(now).toISOString(),
    syncWindowMinutes: 15,
    site: { id: 'northwind', name: 'Northwind Equipment Finance', privateLabels: ['NWF'], includeUnlabeled: true },
    accounts: [
      {
        id: 'acc-linkable',
        number: 'C4471902A',
        name: 'Harbor Freight Logistics LLC',
        portalSyncedAt: new Date(now - 48 * HOUR).toISOString(),
        contracts: [
          { id: 'ct-1', role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: new Date(now - 49 * HOUR).toISOString() },
        ],
      },
      {
        id: 'acc-label',
        number: 'C9021334M',
        name: 'Harbor Point Quarry Co.',
        portalSyncedAt: new Date(now - 48 * HOUR).toISOString(),
        contracts: [
          { id: 'ct-2', role: 'customer', status: 'booked', privateLabel: 'SUMMIT', bookedAt: new Date(now - 49 * HOUR).toISOString() },
        ],
      },
      {
        id: 'acc-pending',
        name: 'Harbor Lights Dental',
        portalSyncedAt: null,
        contracts: [
          { id: 'ct-3', role: 'guarantor', status: 'booked', privateLabel: 'NWF', bookedAt: new Date(now - 5 * 60_000).toISOString() },
        ],
      },
    ],
    nextCursor: null,
    total: 3,
  };
}

/** A `searchAccounts` that records what the picker asked for. */
export function recordingSearch(): { search: (request: SearchRequest) => Promise<SearchResponse>; requests: SearchRequest[] } {
  const requests: SearchRequest[] = [];
  return {
    requests,
    search: (request) => {
      requests.push(request);
      return Promise.resolve(fixtureResponse());
    },
  };
}

export function combobox(el: LinkAccountPicker): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
}

export function options(el: LinkAccountPicker): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];
}

/** Types a query as an admin would and waits for the results to be on screen. */
export async function searchFor(el: LinkAccountPicker, text: string, expected: number): Promise<HTMLElement[]> {
  await el.updateComplete;
  const input = combobox(el);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
  await waitUntil(() => options(el).length === expected, `expected ${expected} options`, { timeout: 4000 });
  return options(el);
}

export function option(el: LinkAccountPicker, accountId: string): HTMLElement {
  const row = options(el).find((o) => o.dataset.accountId === accountId);
  if (!row) throw new Error(`no option for ${accountId}`);
  return row;
}
