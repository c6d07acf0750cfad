/**
 * Rendering: from a search response to painted rows, for 100, 1,000 and 10,000 accounts with mixed
 * reasons, against the floor (a bare Lit list rendering the same rows, bench/browser/floor-list.ts) in
 * the same page and run. Goal: the picker within 1.25× of the floor at 1,000 rows.
 *
 * The clock starts the moment the response is handed over (the picker's `searchAccounts` promise
 * resolves; the floor's `response` property is set) and stops when the frame showing the rows has been
 * painted. The picker's time therefore includes validating the body, which the floor skips.
 */
import '../src/link-account-picker.js';
import { FloorList } from './browser/floor-list.js';
import { makeResponse } from './browser/data.js';
import { median, painted, quiet, report, run, until, type Row } from './browser/harness.js';
import type { SearchResponse } from '../src/rules/types.js';

const SIZES: [number, number][] = [
  [100, 21],
  [1_000, 11],
  [10_000, 5],
];
const WARMUP = 2;

const stage = document.createElement('div');
stage.style.width = '640px';
document.body.append(stage);

interface Sample {
  ms: number;
  rowsInDom: number;
}

function options(root: ParentNode): number {
  return root.querySelectorAll('[role="option"]').length;
}

async function timePicker(response: SearchResponse): Promise<Sample> {
  const el = document.createElement('link-account-picker') as HTMLElement & { searchAccounts: unknown; updateComplete: Promise<unknown> };
  el.setAttribute('debounce', '0');
  el.setAttribute('min-chars', '1');
  el.setAttribute('site', 'northwind');
  el.setAttribute('label', 'Accounts');
  let hand: (() => void) | undefined;
  let t0 = 0;
  el.searchAccounts = () =>
    new Promise<SearchResponse>((resolve) => {
      hand = () => {
        t0 = performance.now();
        resolve(response);
      };
    });
  stage.append(el);
  await el.updateComplete;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('[role="combobox"]')!;
  input.focus();
  input.value = 'a';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'a' }));
  await until(() => hand !== undefined, 'the picker to ask for results');
  await painted();

  const complete = new Promise((resolve) => el.addEventListener('search-complete', resolve, { once: true }));
  hand!();
  await complete;
  await el.updateComplete;
  const end = await painted();
  const sample = { ms: end - t0, rowsInDom: options(el.shadowRoot!) };
  el.remove();
  return sample;
}

async function timeFloor(response: SearchResponse, virtual = false): Promise<Sample> {
  const el = new FloorList();
  el.virtual = virtual;
  stage.append(el);
  await el.updateComplete;
  await painted();
  const t0 = performance.now();
  el.response = response;
  await el.updateComplete;
  const end = await painted();
  const sample = { ms: end - t0, rowsInDom: options(el.shadowRoot!) };
  el.remove();
  return sample;
}

run(async () => {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const [n, rounds] of SIZES) {
    const picker: Sample[] = [];
    const floor: Sample[] = [];
    const virtualFloor: Sample[] = [];
    for (let round = 0; round < rounds + WARMUP; round += 1) {
      // A fresh copy each time: the picker must not profit from having seen the objects before.
      const a = structuredClone(makeResponse(n));
      const b = structuredClone(a);
      const c = structuredClone(a);
      await quiet();
      // Alternate who goes first, so neither always runs on a warmer engine.
      let pickerSample: Sample;
      let f: Sample;
      if (round % 2) {
        pickerSample = await timePicker(a);
        f = await timeFloor(b);
      } else {
        f = await timeFloor(b);
        pickerSample = await timePicker(a);
      }
      const v = await timeFloor(c, true);
      if (round >= WARMUP) {
        picker.push(pickerSample);
        floor.push(f);
        virtualFloor.push(v);
      }
    }
    const mp = median(picker.map((s) => s.ms));
    const mf = median(floor.map((s) => s.ms));
    rows.push(
      { name: `${n} rows: picker`, value: mp, unit: 'ms', note: `${picker[0]!.rowsInDom} options in the DOM` },
      { name: `${n} rows: floor (bare Lit list)`, value: mf, unit: 'ms', note: `${floor[0]!.rowsInDom} options in the DOM` },
      { name: `${n} rows: ratio picker/floor`, value: mp / mf, unit: '×', note: n === 1_000 ? 'goal ≤ 1.25×' : '' },
    );
    if (picker[0]!.rowsInDom < n) {
      const mv = median(virtualFloor.map((s) => s.ms));
      rows.push(
        { name: `${n} rows: floor, virtualized (same virtualizer)`, value: mv, unit: 'ms', note: `${virtualFloor[0]!.rowsInDom} options in the DOM` },
        { name: `${n} rows: ratio picker/virtualized floor`, value: mp / mv, unit: '×', note: 'like for like' },
      );
    }
  }
  notes.push(`median of ${SIZES.map(([n, r]) => `${r} rounds at ${n}`).join(', ')} (after ${WARMUP} warm-up rounds each)`);
  notes.push('response handed over → frame with the rows painted (rAF, then a task after that frame)');
  notes.push('the picker virtualizes lists over 200 rows; the virtualized floor is shown wherever it does');
  await report({ title: 'Rendering: response → painted rows', rows, notes });
});
