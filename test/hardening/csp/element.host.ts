/**
 * The picker under the strict policy, through as many of its templates as a session reaches: hint,
 * loading, every verdict group with reasons and a live countdown, hostile text, keyboard navigation,
 * picking (chips in multiple mode), removing, an error with retry, paging, and the malformed notice.
 */
import '../../../src/link-account-picker.js';
import type { LinkAccountPicker } from '../../../src/link-account-picker.js';
import type { SearchRequest } from '../../../src/rules/types.js';
import { runHost, until } from './host-common.js';

const ASOF = new Date();
const minutesAgo = (m: number) => new Date(ASOF.getTime() - m * 60_000).toISOString();
const booked = (label: string | null, bookedAt = minutesAgo(60 * 24 * 30)) => ({ id: 'c', role: 'customer', status: 'booked', privateLabel: label, bookedAt });

function page(cursor?: string) {
  const first = !cursor;
  return {
    asOf: ASOF.toISOString(),
    syncWindowMinutes: 15,
    site: { id: 'northwind', name: 'Northwind <b>Finance</b>', privateLabels: ['NWF'], includeUnlabeled: false },
    accounts: first
      ? [
          { id: 'ok', name: 'Acme <img src=x onerror=alert(1)>', number: 'A-1', portalSyncedAt: minutesAgo(60), contracts: [booked('NWF')] },
          { id: 'ok2', name: 'Acme Two', number: 'A-2', portalSyncedAt: minutesAgo(60), contracts: [booked('NWF')] },
          { id: 'linked', name: 'Acme Linked', linkedToUser: true, contracts: [booked('NWF')] },
          { id: 'none', name: 'Acme None', contracts: [{ id: 'c', role: 'vendor', status: 'terminated' }] },
          { id: 'label', name: 'Acme Label', contracts: [booked('SUMMIT')] },
          { id: 'pending', name: 'Acme Pending', portalSyncedAt: null, contracts: [booked('NWF', minutesAgo(3))] },
          { id: 'overdue', name: 'Acme Overdue', portalSyncedAt: null, contracts: [booked('NWF', minutesAgo(300))] },
          { name: 'malformed, no id' },
        ]
      : [{ id: 'more', name: 'Acme More', portalSyncedAt: minutesAgo(60), contracts: [booked('NWF')] }],
    nextCursor: first ? 'page-2' : null,
    total: 8,
  };
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const key = (el: Element, k: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

void runHost(async () => {
  const el = document.createElement('link-account-picker') as LinkAccountPicker;
  el.setAttribute('site', 'northwind');
  el.setAttribute('label', 'Accounts');
  el.setAttribute('debounce', '0');
  el.multiple = true;
  let fail = false;
  el.searchAccounts = async (request: SearchRequest) => {
    if (fail) throw new Error('backend down');
    return page(request.cursor) as never;
  };
  document.body.append(el);
  await el.updateComplete;

  const box = el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  box.focus();
  await el.updateComplete;
  const settled = () => new Promise((resolve) => {
    el.addEventListener('search-complete', resolve, { once: true });
    el.addEventListener('search-error', resolve, { once: true });
  });

  let done = settled();
  box.value = 'acme';
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await done;
  await el.updateComplete;
  await frame();
  const rows = el.shadowRoot!.querySelectorAll('[role="option"]').length;

  for (let i = 0; i < 4; i += 1) key(box, 'ArrowDown');
  key(box, 'ArrowUp');
  await el.updateComplete;
  key(box, 'Home');
  await el.updateComplete;
  key(box, 'Enter');
  await el.updateComplete;
  const picked = el.value;
  // A live countdown ticks once a second: let it re-render at least once.
  const countdown = el.shadowRoot!.querySelector('[part~="countdown"]');
  const before = countdown?.textContent;
  await until(() => countdown && countdown.textContent !== before, 'the countdown ticked');

  done = settled();
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')?.click();
  await done;
  await el.updateComplete;
  const rowsAfterMore = el.shadowRoot!.querySelectorAll('[role="option"]').length;

  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="chip-remove"]')?.click();
  await el.updateComplete;

  fail = true;
  done = settled();
  box.value = 'broken';
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await done;
  await el.updateComplete;
  const errorShown = el.shadowRoot!.querySelector('[part~="status"]')?.textContent?.includes('backend down') ?? false;
  fail = false;
  done = settled();
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]')?.click();
  await done;
  await el.updateComplete;
  const retried = el.shadowRoot!.querySelectorAll('[role="option"]').length;

  // A long list: virtualized, positioned through CSSOM only.
  el.searchAccounts = async () =>
    ({ ...page(), nextCursor: null, accounts: Array.from({ length: 500 }, (_, i) => ({ id: `l${i}`, name: `Long ${i}`, portalSyncedAt: minutesAgo(60), contracts: [booked('NWF')] })) }) as never;
  done = settled();
  box.value = 'long';
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await done;
  await el.updateComplete;
  // The virtualizer loads on first need (a module of its own): wait for the virtualized list, which
  // on a loaded machine can take more than a few frames.
  for (let i = 0; i < 300 && !el.shadowRoot!.querySelector('[role="listbox"].virtual'); i += 1) await frame();
  await frame();
  // End acts on the list once an option is active (before, it moves the caret).
  key(box, 'ArrowDown');
  key(box, 'End');
  await until(() => el.shadowRoot!.getElementById(box.getAttribute('aria-activedescendant') ?? ''), 'the last row rendered');
  const longRows = el.shadowRoot!.querySelectorAll('[role="option"]').length;
  const longActive = box.getAttribute('aria-activedescendant');
  key(box, 'Escape');
  await el.updateComplete;
  el.remove();

  return { rows, picked, rowsAfterMore, errorShown, retried, longVirtualized: longRows > 0 && longRows < 100, longActive, valueAtEnd: el.value };
});
