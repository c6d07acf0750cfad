/**
 * Host pages the results popup must escape (issue #19): the containers admin portals put the picker
 * in, each of which clipped or covered the popup while it was positioned inside the element. Each
 * host is a form holding one picker searching the mock endpoint (`mocks/handlers.ts`) as site
 * "northwind", seven accounts a page: seven rows, as in the report.
 *
 * Real input throughout: the box is clicked and typed into, rows are clicked with the mouse.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import { createHandlers, MOCK_ENDPOINT } from '../../mocks/handlers.js';
import '../../src/link-account-picker.js';
import { clickOn, combobox, deepElementAt, options, popupOpen, shadow, type Picker } from '../support/picker.js';
import { startWorker, worker } from '../support/msw.js';
import { nextFrame, until } from '../support/wait.js';

/** A query with many accounts on the mock site (the picker shows its first page of seven). */
export const QUERY = 'logistics';

/** The picker every host holds. */
export function picker(label = 'Accounts to link'): TemplateResult {
  return html`<link-account-picker name="accountIds" endpoint=${MOCK_ENDPOINT} site="northwind" user="usr-1001" label=${label} limit="7" debounce="0"></link-account-picker>`;
}

/** A mounted host: its outermost element, the container of interest and the picker. */
export interface Host {
  root: HTMLElement;
  form: HTMLFormElement;
  picker: Picker;
  /** The element that clipped, covered or scrolled the popup. */
  container: HTMLElement;
}

async function mountHost(template: TemplateResult, container: string): Promise<Host> {
  const root = await fixture<HTMLElement>(template);
  const form = root.querySelector('form')!;
  const el = root.querySelector<Picker>('link-account-picker')!;
  await el.updateComplete;
  return { root, form, picker: el, container: root.querySelector<HTMLElement>(container)! };
}

/** A room-sized page: long enough to scroll by a little. */
const tall = html`<div style="height: 1200px"></div>`;

/** The hosts of the report, by name: each builds its page. */
export const hosts = {
  /** A "Link accounts" modal dialog 180 px high. */
  async 'a modal dialog 180 px high'(): Promise<Host> {
    const host = await mountHost(
      html`<div>
        <dialog style="height: 180px; width: 460px; padding: 16px; box-sizing: border-box">
          <form method="dialog">${picker()}</form>
        </dialog>
      </div>`,
      'dialog',
    );
    (host.container as HTMLDialogElement).showModal();
    return host;
  },
  /** A card with `overflow: hidden`, 170 px high. */
  async 'a card with overflow hidden, 170 px high'(): Promise<Host> {
    return mountHost(
      html`<div style="padding: 24px">
        <div class="card" style="overflow: hidden; height: 170px; width: 460px; padding: 16px; box-sizing: border-box; border: 1px solid">
          <form>${picker()}</form>
        </div>
        ${tall}
      </div>`,
      '.card',
    );
  },
  /** A section followed by a card with a higher `z-index`. */
  async 'a section followed by a card with a higher z-index'(): Promise<Host> {
    return mountHost(
      html`<div style="padding: 24px; width: 460px">
        <section style="position: relative; z-index: 1; padding: 16px"><form>${picker()}</form></section>
        <div class="next-card" style="position: relative; z-index: 2; height: 400px; background: #fff; border: 1px solid">Next card</div>
        ${tall}
      </div>`,
      '.next-card',
    );
  },
  /** An app shell whose main area scrolls, the picker at the bottom of it. */
  async 'the bottom of an app shell whose main area scrolls'(): Promise<Host> {
    const host = await mountHost(
      html`<div style="position: fixed; inset: 0; display: grid; grid-template-rows: 48px 1fr; background: #fff">
        <header style="background: #223">Portal</header>
        <main style="overflow: auto; padding: 0 24px">
          <div style="height: 900px"></div>
          <form style="width: 460px">${picker()}</form>
          <div style="height: 24px"></div>
        </main>
      </div>`,
      'main',
    );
    host.container.scrollTop = host.container.scrollHeight;
    return host;
  },
  /** A drawer with a `transform` and `overflow: hidden`. */
  async 'a transformed drawer with overflow hidden'(): Promise<Host> {
    return mountHost(
      html`<div>
        <aside class="drawer" style="position: fixed; top: 40px; right: 0; width: 420px; height: 200px; overflow: hidden; transform: translateX(0); padding: 16px; box-sizing: border-box; background: #fff; border: 1px solid">
          <form>${picker()}</form>
        </aside>
        ${tall}
      </div>`,
      '.drawer',
    );
  },
  /** A right-to-left page. */
  async 'a right-to-left page'(): Promise<Host> {
    return mountHost(
      html`<div dir="rtl" style="padding: 24px">
        <div class="rtl-card" style="width: 460px; margin-inline-start: 40px"><form>${picker('الحسابات')}</form></div>
        ${tall}
      </div>`,
      '.rtl-card',
    );
  },
} satisfies Record<string, () => Promise<Host>>;

export type HostName = keyof typeof hosts;

/** Starts the mock endpoint for this file; call in `before()`. */
export async function useMockEndpoint(): Promise<void> {
  await startWorker();
  worker.use(...createHandlers({ scenario: { latency: 'none' } }));
}

/** Clicks the box, types the query key by key and waits until its results are shown. */
export async function openResults(el: Picker, query = QUERY): Promise<HTMLElement[]> {
  await clickOn(combobox(el));
  await sendKeys({ type: query });
  await until(() => options(el).length >= 3 && popupOpen(el), `results for “${query}” shown`, 8000);
  await el.updateComplete;
  await placed(el);
  return options(el);
}

/** Waits for two frames: whatever a resize observed in one frame is placed in the next. */
export async function placed(el: Picker): Promise<void> {
  await el.updateComplete;
  await nextFrame();
  await nextFrame();
}

export function popup(el: Picker): HTMLElement {
  return shadow(el).querySelector<HTMLElement>('[part~="popup"]')!;
}

export function control(el: Picker): HTMLElement {
  return shadow(el).querySelector<HTMLElement>('[part~="control"]')!;
}


/** The ids of the chips shown (the selected accounts, as the admin sees them). */
export function chipIds(el: Picker): string[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[part~="chip"]')].map((chip) => chip.dataset.accountId!);
}

/** Which side of the box the popup is on, from where it is. */
export function sideOf(el: Picker): 'bottom' | 'top' {
  return popup(el).getBoundingClientRect().top >= control(el).getBoundingClientRect().bottom - 1 ? 'bottom' : 'top';
}

/**
 * The results are seen whole: the popup is inside the window, starts within a few pixels of the box,
 * has the box's width and edges, and at the corners and centre of every row it shows (of the part it
 * shows), the point hits the popup (nothing clips it, nothing is on top of it).
 */
export function expectSeenWhole(el: Picker, where: string): void {
  const list = popup(el);
  const box = control(el).getBoundingClientRect();
  const rect = list.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  expect(list.matches(':popover-open'), `${where}: the popup is in the top layer`).to.equal(true);
  expect(rect.top, `${where}: popup top ${rect.top} inside the window`).to.be.at.least(-0.5);
  expect(rect.bottom, `${where}: popup bottom ${rect.bottom} inside the ${vh}px window`).to.be.at.most(vh + 0.5);
  expect(rect.left, `${where}: popup left inside the window`).to.be.at.least(-0.5);
  expect(rect.right, `${where}: popup right inside the ${vw}px window`).to.be.at.most(vw + 0.5);
  const gap = sideOf(el) === 'bottom' ? rect.top - box.bottom : box.top - rect.bottom;
  expect(gap, `${where}: the popup starts ${gap}px from the box`).to.be.within(0, 6);
  expect(Math.abs(rect.left - box.left), `${where}: left edges (${rect.left}, ${box.left})`).to.be.below(1);
  expect(Math.abs(rect.right - box.right), `${where}: right edges (${rect.right}, ${box.right})`).to.be.below(1);
  // The part of each row the popup shows (a short popup shows one tall row, or part of it).
  const area = list.querySelector('.scroller')!.getBoundingClientRect();
  const scroller = { top: Math.max(area.top, rect.top), bottom: Math.min(area.bottom, rect.bottom) };
  const shown = options(el)
    .map((row) => row.getBoundingClientRect())
    .map((row) => ({ left: row.left, right: row.right, top: Math.max(row.top, scroller.top), bottom: Math.min(row.bottom, scroller.bottom) }))
    .filter((row) => row.bottom - row.top >= 8);
  expect(shown.length, `${where}: rows shown in the popup`).to.be.at.least(1);
  expect(scroller.bottom - scroller.top, `${where}: the list's height`).to.be.at.least(60);
  for (const [i, row] of shown.entries()) {
    const points: [number, number][] = [
      [row.left + 2, row.top + 2],
      [row.right - 2, row.top + 2],
      [row.left + 2, row.bottom - 2],
      [row.right - 2, row.bottom - 2],
      [(row.left + row.right) / 2, (row.top + row.bottom) / 2],
    ];
    for (const [x, y] of points) {
      const hit = deepElementAt(document, x, y);
      expect(hit && list.contains(hit), `${where}: row ${i} at (${Math.round(x)}, ${Math.round(y)}) shows the popup, not ${hit?.localName}.${hit?.className}`).to.equal(true);
    }
  }
}
