/**
 * Typing: real keystrokes (Playwright through DevTools) into the picker with an instant endpoint.
 *
 * - keystroke → results: from the last keystroke's event time to the frame showing the new results,
 *   with the default 250 ms debounce and with none;
 * - between keystrokes: main-thread time per keystroke while typing faster than the debounce, next to a
 *   plain <input> typed the same way (the floor), with 25 and 1,000 earlier results on screen, and how
 *   many searches a burst of keystrokes starts (the goal: one, after the last).
 */
import '../src/link-account-picker.js';
import type { LinkAccountPicker } from '../src/link-account-picker.js';
import type { SearchAccounts } from '../src/rules/types.js';
import { makeResponse } from './browser/data.js';
import { drive, longTasksDuring, median, painted, quiet, report, run, sleep, type Row } from './browser/harness.js';

const ROUNDS = 9;
const BURST = 'abcdefghij';
const KEY_DELAY = 60;

function mount(debounce: number | undefined, results: number): { el: LinkAccountPicker; searches: string[] } {
  const el = document.createElement('link-account-picker');
  el.setAttribute('site', 'northwind');
  el.setAttribute('label', 'Accounts');
  el.setAttribute('limit', String(results));
  if (debounce !== undefined) el.setAttribute('debounce', String(debounce));
  const searches: string[] = [];
  el.searchAccounts = (async ({ query }: { query: string }) => {
    searches.push(query);
    return makeResponse(results);
  }) as unknown as SearchAccounts;
  document.body.append(el);
  return { el, searches };
}

function input(el: LinkAccountPicker): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
}

function clear(el: LinkAccountPicker): void {
  const box = input(el);
  box.value = '';
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Median time from the last keystroke to the painted results of the typed query. */
async function keystrokeToResults(debounce: number | undefined): Promise<number> {
  const { el } = mount(debounce, 25);
  await el.updateComplete;
  input(el).focus();
  let lastKey = 0;
  el.addEventListener('keydown', (e) => (lastKey = e.timeStamp), true);
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round += 1) {
    clear(el);
    await quiet();
    const query = `q${String.fromCharCode(97 + round)}x`;
    const complete = new Promise<void>((resolve) =>
      el.addEventListener('search-complete', function on(e) {
        if (e.detail.query !== query) return;
        el.removeEventListener('search-complete', on);
        resolve();
      }),
    );
    await drive('type', { text: query, delay: 20 });
    await complete;
    // The frame that shows the answer's first rows (the rest follow in the next frame; updateComplete
    // would wait for those too).
    const end = await painted();
    if (round > 0) samples.push(end - lastKey);
  }
  el.remove();
  return median(samples);
}

interface Burst {
  msPerKey: number;
  scriptMsPerKey: number;
  longTasks: number;
  searches: number;
}

/** Types a burst faster than the debounce into `target` and measures the renderer's main thread. */
async function burst(target: HTMLElement, searches?: string[]): Promise<Burst> {
  await quiet();
  const before = await drive('metrics');
  const issuedBefore = searches?.length ?? 0;
  let issuedDuring = 0;
  const tasks = await longTasksDuring(async () => {
    await drive('type', { text: BURST, delay: KEY_DELAY });
    issuedDuring = (searches?.length ?? 0) - issuedBefore;
  });
  const after = await drive('metrics');
  void target;
  return {
    msPerKey: ((after.TaskDuration! - before.TaskDuration!) * 1000) / BURST.length,
    scriptMsPerKey: ((after.ScriptDuration! - before.ScriptDuration!) * 1000) / BURST.length,
    longTasks: tasks.length,
    searches: issuedDuring,
  };
}

async function pickerBurst(shown: number): Promise<Burst> {
  const { el, searches } = mount(250, shown);
  await el.updateComplete;
  const box = input(el);
  box.focus();
  // Results of an earlier query on screen, as when the admin refines a search.
  const first = new Promise((resolve) => el.addEventListener('search-complete', resolve, { once: true }));
  box.value = 'ac';
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await first;
  await el.updateComplete;
  await painted();
  const result = await burst(el, searches);
  el.remove();
  return result;
}

async function plainBurst(): Promise<Burst> {
  const box = document.createElement('input');
  document.body.append(box);
  box.focus();
  const result = await burst(box);
  box.remove();
  return result;
}

run(async () => {
  const rows: Row[] = [];
  rows.push(
    { name: 'keystroke → results, debounce 250 ms (default)', value: await keystrokeToResults(undefined), unit: 'ms', note: 'includes the 250 ms wait' },
    { name: 'keystroke → results, debounce 0', value: await keystrokeToResults(0), unit: 'ms', note: 'the picker\'s own work' },
  );
  const plain = await plainBurst();
  await sleep(300);
  const few = await pickerBurst(25);
  await sleep(300);
  const many = await pickerBurst(1_000);
  rows.push(
    { name: 'main thread per keystroke: plain <input> (floor)', value: plain.msPerKey, unit: 'ms', note: `script ${plain.scriptMsPerKey.toFixed(2)} ms` },
    { name: 'main thread per keystroke: picker, 25 results shown', value: few.msPerKey, unit: 'ms', note: `script ${few.scriptMsPerKey.toFixed(2)} ms, ${few.longTasks} long tasks` },
    { name: 'main thread per keystroke: picker, 1,000 results shown', value: many.msPerKey, unit: 'ms', note: `script ${many.scriptMsPerKey.toFixed(2)} ms, ${many.longTasks} long tasks` },
    { name: `searches started during a ${BURST.length}-key burst`, value: `${few.searches} / ${many.searches}`, note: 'goal 0 (one starts after the last key + debounce)' },
  );
  await report({
    title: 'Typing: keystroke → results (instant endpoint) and work between keystrokes',
    rows,
    notes: [
      `median of ${ROUNDS} queries, 3 keys each 20 ms apart; time from the last keydown's event time to the painted frame`,
      `bursts: ${BURST.length} keys ${KEY_DELAY} ms apart (inside the debounce); renderer main-thread TaskDuration/ScriptDuration from DevTools`,
    ],
  });
});
