/**
 * The APG editable-combobox keyboard model, driven with real keys and the real mouse: focus never
 * falls to <body>, Tab leaves the picker for the page's next stop, the popup's actions are reached
 * from the search box, and Home/End belong to the text until an option is active.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { axTree, comboboxNode } from '../support/ax-tree.js';
import { needsAxTree, needsKeyHeld } from '../support/engine.js';
import { accounts, body, linkableAccounts } from '../support/data.js';
import { ENDPOINT, pagedHandler, startWorker, worker } from '../support/msw.js';
import { activeOption, clickOn, combobox, focusedName, options, popupOpen, press, shadow, typeAndSettle } from '../support/picker.js';
import { until } from '../support/wait.js';

/** The picker between two buttons, so Tab and Shift+Tab have somewhere to go. */
async function picker(attrs = ''): Promise<{ el: LinkAccountPicker }> {
  const page = await fixture<HTMLDivElement>(html`<div>
    <button id="before">Before</button>
    <link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts to link" debounce="20" ?multiple=${attrs === 'multiple'}></link-account-picker>
    <button id="after">After</button>
  </div>`);
  const el = page.querySelector('link-account-picker')!;
  await el.updateComplete;
  return { el };
}

function loadMoreButton(el: LinkAccountPicker): HTMLButtonElement {
  const button = shadow(el).querySelector<HTMLButtonElement>('[part~="load-more"]');
  if (!button) throw new Error('no Load more button');
  return button;
}

/**
 * Focus is in the picker's search box and the results are still shown, in the DOM and, where a test
 * can read it (Chromium), in the accessibility tree.
 */
async function stillInTheBox(el: LinkAccountPicker): Promise<void> {
  expect(focusedName(), 'focus is on the search box').to.equal('link-account-picker > input#input');
  expect(popupOpen(el), 'the results stay shown').to.equal(true);
  expect(combobox(el).getAttribute('aria-expanded'), 'the combobox says it is expanded').to.equal('true');
  if (!needsAxTree.runs) return;
  const box = comboboxNode(await axTree());
  expect(box.focused, 'the combobox has focus in the tree').to.equal(true);
  expect(box.expanded, 'the combobox is expanded in the tree').to.equal(true);
}

describe('a11y: keyboard model (APG editable combobox)', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  describe('defect 1: Load more keeps focus and the list', () => {
    beforeEach(() => worker.use(pagedHandler(linkableAccounts(12), 5)));

    it('a mouse click on Load more keeps focus in the search box and the list open', async () => {
      const { el } = await picker();
      await typeAndSettle(el, 'acme', 5);
      await clickOn(loadMoreButton(el));
      await until(() => options(el).length === 10, 'the second page arrives');
      await el.updateComplete;
      await stillInTheBox(el);
    });

    for (const key of ['Enter', 'Space']) {
      it(`${key} on a Load more button that a screen reader focused keeps focus in the picker and the list open`, async () => {
        const { el } = await picker();
        await typeAndSettle(el, 'acme', 5);
        // No tab stop, but a screen reader's virtual cursor may move focus onto the button, then press it.
        loadMoreButton(el).focus();
        await press(key);
        await until(() => options(el).length === 10, 'the second page arrives');
        await el.updateComplete;
        expect(focusedName(), 'focus stays in the picker').to.match(/^link-account-picker > /);
        expect(popupOpen(el), 'the results stay shown').to.equal(true);
      });
    }

    it('↓ at the last row loads more, focus stays in the box and the active row is kept', async () => {
      const { el } = await picker();
      await typeAndSettle(el, 'acme', 5);
      await press('ArrowDown', 5);
      await until(() => options(el).length === 10, 'the second page arrives');
      await el.updateComplete;
      await stillInTheBox(el);
      expect(activeOption(el)?.dataset.accountId).to.equal('acme-branch-005');
    });
  });

  describe('defect 7: Tab leaves the picker for the next focusable element', () => {
    it('Tab from the box, with a Load more button shown, closes the results and focuses the next element', async () => {
      worker.use(pagedHandler(linkableAccounts(12), 5));
      const { el } = await picker();
      await typeAndSettle(el, 'acme', 5);
      expect(loadMoreButton(el).checkVisibility()).to.equal(true);
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(focusedName()).to.equal('button#after');
      expect(popupOpen(el)).to.equal(false);
      expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
      if (needsAxTree.runs) expect(comboboxNode(await axTree()).expanded).to.equal(false);
    });

    it('Tab from the box, with a Try again button shown, closes the results and focuses the next element', async () => {
      worker.use(http.get(ENDPOINT, () => new HttpResponse(null, { status: 503 })));
      const { el } = await picker();
      await clickOn(combobox(el));
      await sendKeys({ type: 'acme' });
      await until(() => shadow(el).querySelector('[part~="retry"]'), 'the error is shown');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(focusedName()).to.equal('button#after');
      expect(popupOpen(el)).to.equal(false);
    });

    needsKeyHeld.it('Shift+Tab from the box closes the results and focuses the previous element', async () => {
      worker.use(pagedHandler(linkableAccounts(12), 5));
      const { el } = await picker();
      await typeAndSettle(el, 'acme', 5);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await el.updateComplete;
      expect(focusedName()).to.equal('button#before');
      expect(popupOpen(el)).to.equal(false);
    });

    it('Enter in the box retries after an error, and focus stays in the box', async () => {
      // Fails until the admin presses Enter: a search for a prefix typed on the way fails too.
      let failing = true;
      worker.use(
        http.get(ENDPOINT, () => (failing ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(body([accounts.linkable])))),
      );
      const { el } = await picker();
      await clickOn(combobox(el));
      await sendKeys({ type: 'acme' });
      await until(() => shadow(el).querySelector('[part~="retry"]'), 'the error is shown');
      failing = false;
      await sendKeys({ press: 'Enter' });
      await until(() => options(el).length === 1, 'the retry brings results');
      await el.updateComplete;
      await stillInTheBox(el);
    });
  });

  describe('defect 10: Home and End stay with the text until an option is active', () => {
    beforeEach(() => worker.use(http.get(ENDPOINT, () => HttpResponse.json(body(Object.values(accounts))))));

    it('Home and End move the caret while no option is active', async () => {
      const { el } = await picker();
      await typeAndSettle(el, 'acme', 6);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(combobox(el).selectionStart, 'Home puts the caret at the start').to.equal(0);
      expect(combobox(el).hasAttribute('aria-activedescendant'), 'no option became active').to.equal(false);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(combobox(el).selectionStart, 'End puts the caret at the end').to.equal(4);
      expect(combobox(el).hasAttribute('aria-activedescendant'), 'no option became active').to.equal(false);
    });

    it('once an option is active, Home and End go to the first and last option', async () => {
      const { el } = await picker();
      await typeAndSettle(el, 'acme', 6);
      await press('ArrowDown', 2);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(activeOption(el)?.dataset.accountId).to.equal(options(el).at(-1)!.dataset.accountId);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(activeOption(el)?.dataset.accountId).to.equal(options(el)[0]!.dataset.accountId);
    });
  });
});
