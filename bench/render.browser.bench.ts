/**
 * Rendering: from a search response to painted rows, for 25, 100, 1,000 and 10,000 accounts with
 * mixed reasons, for the picker, the floor (a bare Lit list rendering the same rows,
 * bench/browser/floor-list.ts) and the peer, vaadin-combo-box (bench/browser/vaadin-list.ts), in the
 * same page and run. Goal: the picker ≤ 1.0× vaadin-combo-box at 25, 100 and 1,000 rows, ≤ 1.25× at
 * 10,000.
 *
 * The clock starts the moment the response is handed over (the picker's `searchAccounts` promise
 * resolves; the floor's `response` property is set; the combo-box's `items` are set and it opens) and
 * stops when the frame showing the rows has been painted. The picker's time therefore includes
 * validating the body, which the others skip.
 *
 * scripts/bench-browser.js loads this page twice (`?frames=…`). At the display's rate (`display`, 60 Hz)
 * every contender waits for the next vsync, so a few milliseconds either way mostly say where in the
 * frame the answer arrived; that run also counts the frames until the rows were painted. With frames
 * unthrottled (`unthrottled`: no vsync, no frame-rate limit) the frame comes as soon as the work is done,
 * so the time is the work itself: the goals are judged on that run.
 */
import '../src/link-account-picker.js';
import { FloorList } from './browser/floor-list.js';
import { makeResponse } from './browser/data.js';
import { countFrames, goal, median, painted, quiet, report, run, until, type Row } from './browser/harness.js';
import { mountVaadin, show, vaadinRows } from './browser/vaadin-list.js';
import type { SearchResponse } from '../src/rules/types.js';

const ROUNDS = 7;
const WARMUP = 2;
/** Rows, and the most the picker may take as a multiple of vaadin-combo-box's time. */
const SIZES: [number, number][] = [
  [25, 1.0],
  [100, 1.0],
  [1_000, 1.0],
  [10_000, 1.25],
];

/** `display`: frames at the display's rate, counted; `unthrottled`: frames as fast as the work allows. */
const FRAMES = new URLSearchParams(location.search).get('frames') === 'unthrottled' ? 'unthrottled' : 'display';
/** Counting frames needs a rAF loop, which with unthrottled frames would itself keep the page busy. */
const frameCounter = (): (() => number) => (FRAMES === 'display' ? countFrames() : () => NaN);

const stage = document.createElement('div');
stage.style.width = '640px';
document.body.append(stage);

interface Sample {
  ms: number;
  rowsInDom: number;
  /** At the display's rate: the frame after the response that showed the rows (1 = the next one). */
  frames: number;
  /** The picker only: until every row is rendered (or, for a long list, the virtualized rows in view). */
  allMs?: number;
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
  let frames = () => NaN;
  el.searchAccounts = () =>
    new Promise<SearchResponse>((resolve) => {
      hand = () => {
        frames = frameCounter();
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
  // Not updateComplete: that waits for every row, and the first frame shows only those in view.
  await until(() => options(el.shadowRoot!) > 0, 'the picker\'s rows');
  const end = await painted();
  const frameCount = frames();
  const rowsInDom = options(el.shadowRoot!);
  // Then the rest of the rows (the next frame; a long list turns virtualized): when updateComplete says.
  await el.updateComplete;
  const all = await painted();
  el.remove();
  return { ms: end - t0, rowsInDom, frames: frameCount, allMs: all - t0 };
}

async function timeFloor(response: SearchResponse, virtual = false): Promise<Sample> {
  const el = new FloorList();
  el.virtual = virtual;
  stage.append(el);
  await el.updateComplete;
  await painted();
  const frames = frameCounter();
  const t0 = performance.now();
  el.response = response;
  await el.updateComplete;
  await until(() => options(el.shadowRoot!) > 0, 'the floor\'s rows');
  const end = await painted();
  const sample = { ms: end - t0, rowsInDom: options(el.shadowRoot!), frames: frames() };
  el.remove();
  return sample;
}

async function timeVaadin(response: SearchResponse): Promise<Sample> {
  const combo = await mountVaadin(stage);
  await painted();
  const frames = frameCounter();
  const t0 = performance.now();
  show(combo, response);
  // It renders its rows asynchronously (its own scroller): wait for them, then for their frame.
  await until(() => vaadinRows(combo) > 0, 'vaadin-combo-box\'s rows');
  const end = await painted();
  const sample = { ms: end - t0, rowsInDom: vaadinRows(combo), frames: frames() };
  combo.opened = false;
  combo.remove();
  return sample;
}

type Who = 'picker' | 'floor' | 'vaadin';

run(async () => {
  const rows: Row[] = [];
  // Every contender's code warmed up once before any size is measured: the first size measured must
  // not pay for the engine's first compile of anyone's rendering code.
  for (const n of [100, 1_000]) {
    await timePicker(structuredClone(makeResponse(n)));
    await timeFloor(structuredClone(makeResponse(n)));
    await timeFloor(structuredClone(makeResponse(n)), true);
    await timeVaadin(structuredClone(makeResponse(n)));
  }
  for (const [n, limit] of SIZES) {
    const samples: Record<Who | 'virtualFloor', Sample[]> = { picker: [], floor: [], vaadin: [], virtualFloor: [] };
    for (let round = 0; round < ROUNDS + WARMUP; round += 1) {
      await quiet();
      // Each round a fresh copy per contender (no one profits from objects another has seen), and a
      // different one goes first, so none always runs on a warmer engine.
      const order: Who[] = (['picker', 'floor', 'vaadin'] as Who[]).map((_, i, all) => all[(i + round) % all.length]!);
      for (const who of order) {
        const response = structuredClone(makeResponse(n));
        const sample = who === 'picker' ? await timePicker(response) : who === 'floor' ? await timeFloor(response) : await timeVaadin(response);
        if (round >= WARMUP) samples[who].push(sample);
        await quiet();
      }
      if (n > 200) {
        const sample = await timeFloor(structuredClone(makeResponse(n)), true);
        if (round >= WARMUP) samples.virtualFloor.push(sample);
      }
    }
    const ms = (who: keyof typeof samples) => median(samples[who].map((s) => s.ms));
    const dom = (who: keyof typeof samples) => `${samples[who][0]!.rowsInDom} options in the DOM`;
    const ratio = ms('picker') / ms('vaadin');
    /** ", painted with frame 1" (medians), at the display's rate only. */
    const frame = (who: keyof typeof samples) => (FRAMES === 'display' ? `, painted with frame ${median(samples[who].map((s) => s.frames))}` : '');
    rows.push(
      { name: `${n} rows: picker`, value: ms('picker'), unit: 'ms', note: `${dom('picker')} (the first frame)${frame('picker')}` },
      { name: `${n} rows: picker, the rest rendered too`, value: median(samples.picker.map((s) => s.allMs!)), unit: 'ms', note: n > 200 ? 'virtualized' : 'every row' },
      { name: `${n} rows: bare Lit list (floor)`, value: ms('floor'), unit: 'ms', note: `${dom('floor')}${frame('floor')}` },
      { name: `${n} rows: vaadin-combo-box`, value: ms('vaadin'), unit: 'ms', note: `${samples.vaadin[0]!.rowsInDom} rows in the DOM${frame('vaadin')}` },
      {
        name: `${n} rows: picker ÷ vaadin-combo-box`,
        value: ratio,
        unit: '×',
        note: FRAMES === 'unthrottled' ? goal(ratio, limit, '×') : 'at 60 Hz; the goal is judged with frames unthrottled',
      },
    );
    if (n > 200) rows.push({ name: `${n} rows: bare Lit list, virtualized (same virtualizer)`, value: ms('virtualFloor'), unit: 'ms', note: dom('virtualFloor') });
  }
  await report({
    title:
      FRAMES === 'display'
        ? 'Rendering at the display\'s 60 Hz: response → rows painted (picker, bare Lit list, vaadin-combo-box)'
        : 'Rendering, frames unthrottled (the work itself): response → rows painted (picker, bare Lit list, vaadin-combo-box)',
    rows,
    notes: [
      `median of ${ROUNDS} rounds per size and contender (after ${WARMUP} warm-up rounds), contenders in rotating order`,
      'response handed over → the frame showing the rows painted (rAF, then a task after that frame)',
      FRAMES === 'display'
        ? 'frames at the display\'s rate: "frame 1" is the first frame after the response; a few ms either way is where in the frame it arrived'
        : 'no vsync and no frame-rate limit (--disable-gpu-vsync --disable-frame-rate-limit): a frame is made once the main thread is free',
      'the picker paints a new answer\'s first rows (those in view) in one frame and the rest in the next; it virtualizes lists over 200 rows',
      'vaadin-combo-box renders only the rows in view at every size',
    ],
  });
});
