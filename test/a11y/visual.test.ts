/**
 * What a low-vision admin sees: the focus indicator and the active row in forced colours, the active
 * row never under the sticky summary, and the search box kept on screen at 200 % and 400 % zoom
 * (a 1280×1024 window at 400 % is a 320×256 CSS-pixel viewport).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { linkableAccounts } from '../support/data.js';
import { pagedHandler, startWorker, worker } from '../support/msw.js';
import { activeOption, combobox, focusedName, popupOpen, press, shadow, typeAndSettle } from '../support/picker.js';
import { until } from '../support/wait.js';
import { needsForcedColors, needsViewport } from '../support/engine.js';

function part(el: LinkAccountPicker, name: string): HTMLElement {
  return shadow(el).querySelector<HTMLElement>(`[part~="${name}"]`)!;
}

/** What can draw a focus indicator in forced colours (box-shadow and background colours are forced away). */
function edges(node: Element) {
  const style = getComputedStyle(node);
  return {
    outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    border: Math.max(...['Top', 'Right', 'Bottom', 'Left'].map((side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)))),
  };
}

function visibleChange(before: { outline: number; border: number }, after: { outline: number; border: number }): boolean {
  return (after.outline >= 2 && after.outline > before.outline) || after.border - before.border >= 1;
}

describe('a11y: what is seen', () => {
  before(startWorker);
  beforeEach(() => worker.use(pagedHandler(linkableAccounts(30), 30)));
  afterEach(() => worker.resetHandlers());

  needsForcedColors.describe('defect 2: forced colours', () => {
    beforeEach(() => executeServerCommand('forced-colors', { active: true }));
    afterEach(() => executeServerCommand('forced-colors', { active: false }));

    it('the search box shows a focus indicator that survives forced colours', async () => {
      const page = await fixture<HTMLDivElement>(html`<div>
        <button id="before">Before</button>
        <link-account-picker endpoint=${'/api/accounts/search'} site="nwf" label="Accounts to link"></link-account-picker>
      </div>`);
      const el = page.querySelector('link-account-picker')!;
      await el.updateComplete;
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const idle = { control: edges(part(el, 'control')), input: edges(part(el, 'input')) };
      page.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(focusedName()).to.equal('link-account-picker > input#input');
      const focused = { control: edges(part(el, 'control')), input: edges(part(el, 'input')) };
      expect(
        visibleChange(idle.control, focused.control) || visibleChange(idle.input, focused.input),
        `unfocused ${JSON.stringify(idle)}, focused ${JSON.stringify(focused)}`,
      ).to.equal(true);
    });

    it('a row both selected and active is told apart from a row only selected', async () => {
      const el = await fixture<LinkAccountPicker>(
        html`<link-account-picker endpoint=${'/api/accounts/search'} site="nwf" label="Accounts to link" debounce="20" multiple></link-account-picker>`,
      );
      await typeAndSettle(el, 'acme', 30);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.value).to.have.length(2);
      const rows = [...shadow(el).querySelectorAll<HTMLElement>('.row')];
      const selectedOnly = getComputedStyle(rows[0]!);
      const both = getComputedStyle(rows[1]!);
      expect(both.outlineStyle, 'the active row has an outline').to.not.equal('none');
      expect(parseFloat(both.outlineWidth)).to.be.at.least(2);
      // The outline is drawn over the row's own background when inset, over the list's when not.
      const behind = parseFloat(both.outlineOffset) < 0 ? both.backgroundColor : getComputedStyle(part(el, 'popup')).backgroundColor;
      expect(both.outlineColor, 'the outline shows against what is behind it').to.not.equal(behind);
      expect(selectedOnly.outlineStyle === 'none' || selectedOnly.outlineColor !== both.outlineColor).to.equal(true);
    });
  });

  describe('defect 6: the sticky summary never covers the active row', () => {
    it('with ArrowUp and Home, the active row stays fully below the summary bar', async () => {
      const el = await fixture<LinkAccountPicker>(
        html`<link-account-picker endpoint=${'/api/accounts/search'} site="nwf" label="Accounts to link" debounce="20"></link-account-picker>`,
      );
      await typeAndSettle(el, 'acme', 30);
      const summary = shadow(el).querySelector<HTMLElement>('.status.summary')!;
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      const check = (step: string) => {
        const row = activeOption(el)!.closest('.row')!.getBoundingClientRect();
        const bar = summary.getBoundingClientRect();
        const view = scroller.getBoundingClientRect();
        expect(row.top, `${step}: row top ${row.top} under the summary (bottom ${bar.bottom})`).to.be.at.least(bar.bottom - 0.5);
        expect(row.bottom, `${step}: row bottom inside the list`).to.be.at.most(view.bottom + 0.5);
      };
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      check('End');
      for (let i = 1; i <= 12; i++) {
        await sendKeys({ press: 'ArrowUp' });
        await el.updateComplete;
        check(`ArrowUp ${i}`);
      }
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      check('Home');
    });
  });

  needsViewport.describe('defect 15: the popup fits the viewport at 200 % and 400 % zoom', () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    afterEach(() => setViewport(original));

    for (const [zoom, width, height] of [
      ['200 %', 640, 512],
      ['400 %', 320, 256],
    ] as const) {
      it(`at ${zoom} (${width}×${height} CSS px) the search box stays on screen while arrowing through results`, async () => {
        await setViewport({ width, height });
        const el = await fixture<LinkAccountPicker>(
          html`<link-account-picker endpoint=${'/api/accounts/search'} site="nwf" label="Accounts to link" debounce="20"></link-account-picker>`,
        );
        await typeAndSettle(el, 'acme', 30);
        await until(() => popupOpen(el), 'the popup shows');
        const popup = part(el, 'popup').getBoundingClientRect();
        expect(popup.bottom, `the popup (bottom ${popup.bottom}) fits in ${height}px`).to.be.at.most(innerHeight + 0.5);
        for (let i = 1; i <= 10; i++) {
          await press('ArrowDown');
          await el.updateComplete;
          const box = combobox(el).getBoundingClientRect();
          const row = activeOption(el)!.closest('.row')!.getBoundingClientRect();
          expect(box.top, `ArrowDown ${i}: the search box is on screen`).to.be.at.least(0);
          expect(box.bottom).to.be.at.most(innerHeight);
          expect(row.top, `ArrowDown ${i}: the active row is on screen`).to.be.at.least(0);
          expect(row.bottom).to.be.at.most(innerHeight + 0.5);
        }
      });
    }
  });
});
