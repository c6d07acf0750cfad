/**
 * Long lists: 50,000 rows loaded in pages of 5,000 (the picker's own "Load more"), then wheel
 * scrolling, scroll jumps and arrow-key navigation. Goal: no long task over 50 ms while scrolling or
 * navigating. Also reports how long each page takes to show and how many options are in the DOM.
 */
import '../src/link-account-picker.js';
import type { LinkAccountPicker } from '../src/link-account-picker.js';
import type { SearchAccounts, SearchRequest } from '../src/rules/types.js';
import { makeResponse } from './browser/data.js';
import { drive, goal, longTasksDuring, median, painted, quiet, report, run, sleep, type Row } from './browser/harness.js';

const PAGE = 5_000;
const PAGES = 10;

function picker(): LinkAccountPicker {
  const el = document.createElement('link-account-picker');
  el.setAttribute('site', 'northwind');
  el.setAttribute('label', 'Accounts');
  el.setAttribute('debounce', '0');
  el.setAttribute('limit', String(PAGE));
  el.searchAccounts = (async ({ cursor }: SearchRequest) => {
    const page = cursor ? Number(cursor) : 0;
    const next = page + 1 < PAGES ? String(page + 1) : null;
    return { ...makeResponse(PAGE, page * PAGE, next), total: PAGE * PAGES };
  }) as unknown as SearchAccounts;
  document.body.append(el);
  return el;
}

const summarize = (tasks: number[]) => ({ count: tasks.length, longest: tasks.length ? Math.max(...tasks) : 0 });

run(async () => {
  const el = picker();
  await el.updateComplete;
  const root = el.shadowRoot!;
  const box = root.querySelector<HTMLInputElement>('[role="combobox"]')!;
  box.focus();

  let loaded = 0;
  const pageTimes: number[] = [];
  const loading = await longTasksDuring(async () => {
    for (let page = 0; page < PAGES; page += 1) {
      const done = new Promise<number>((resolve) =>
        el.addEventListener('search-complete', (e) => resolve(e.detail.results.length), { once: true }),
      );
      const t0 = performance.now();
      if (page === 0) {
        box.value = 'acme';
        box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      } else {
        root.querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      }
      loaded = await done;
      await el.updateComplete;
      pageTimes.push((await painted()) - t0);
      // A list that is not virtualized needs seconds per page: stop rather than run for minutes.
      if (pageTimes[pageTimes.length - 1]! > 5_000) break;
    }
  });
  const rows: Row[] = [
    { name: 'rows loaded', value: loaded, note: `${pageTimes.length} pages of ${PAGE}` },
    { name: 'page → painted (median)', value: median(pageTimes), unit: 'ms', note: `first ${pageTimes[0]!.toFixed(0)} ms, last ${pageTimes[pageTimes.length - 1]!.toFixed(0)} ms` },
    { name: 'longest task while loading pages', value: summarize(loading).longest, unit: 'ms', note: `${loading.length} long tasks (not part of the goal)` },
    { name: 'options in the DOM', value: root.querySelectorAll('[role="option"]').length },
  ];
  if (loaded < PAGE * PAGES) {
    rows.push({ name: 'scrolling / arrow keys', value: 'skipped', note: 'the list is not virtualized: 50,000 rows would take minutes' });
    await report({ title: 'Long list: 50,000 rows', rows });
    return;
  }

  // Whichever element really scrolls: the listbox itself when virtualized, else the panel around it.
  const listbox = root.querySelector<HTMLElement>('[role="listbox"]')!;
  const scroller = [listbox, ...(function* ancestors(node: Element | null) {
    for (let n = node?.parentElement ?? null; n; n = n.parentElement) yield n;
  })(listbox)].find((n) => n.scrollHeight > n.clientHeight + 1 && getComputedStyle(n).overflowY !== 'hidden') ?? listbox;
  const rect = scroller.getBoundingClientRect();
  // Collect the loading's garbage first: a GC pause it left behind is not the scrolling's cost.
  await quiet();
  await sleep(200);

  const wheel = await longTasksDuring(async () => {
    await drive('wheel', { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, deltaY: 240, count: 150, delay: 16 });
  });
  const jumps = await longTasksDuring(async () => {
    for (let i = 0; i < 40; i += 1) {
      scroller.scrollTop = ((i * 7919) % 40) * (scroller.scrollHeight / 40);
      await painted();
    }
  });
  box.focus();
  const arrows = await longTasksDuring(async () => {
    await drive('press', { key: 'Home' });
    await drive('press', { key: 'ArrowDown', count: 150, delay: 16 });
    await drive('press', { key: 'End' });
    await drive('press', { key: 'ArrowUp', count: 50, delay: 16 });
    await drive('press', { key: 'Home' });
    await drive('press', { key: 'ArrowUp' });
  });
  const active = box.getAttribute('aria-activedescendant');
  const activeRendered = active ? !!root.getElementById(active) : false;
  for (const [name, tasks] of [
    ['wheel scrolling (150 × 240 px)', wheel],
    ['scroll jumps (40 random positions)', jumps],
    ['arrow keys (Home, 150 ↓, End, 50 ↑, Home, ↑)', arrows],
  ] as const) {
    const s = summarize(tasks);
    rows.push({ name: `longest task: ${name}`, value: s.longest, unit: 'ms', note: `${s.count} long tasks; ${goal(s.longest, 50, 'ms')}` });
  }
  rows.push({ name: 'scrolled element', value: `${scroller.className || scroller.localName} (${Math.round(scroller.scrollHeight)} px)` });
  rows.push({ name: 'active option rendered at the end', value: activeRendered ? `yes (${active})` : `no (${active})` });
  rows.push({ name: 'options in the DOM after navigating', value: root.querySelectorAll('[role="option"]').length });
  await report({ title: 'Long list: 50,000 rows', rows, notes: ['long tasks from PerformanceObserver("longtask"); 0 ms means none at all', 'a forced GC separates loading from scrolling: the pages\' garbage is not the scrolling\'s cost'] });
});
