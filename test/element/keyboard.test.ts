import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { activeId, clickOutside, combobox, options, popupOpen, shadow, statusText, typeKeys } from '../support/picker.js';
import { nextEvent, until } from '../support/wait.js';

const all = Object.values(accounts);

/** Types key by key, and waits for the results of the whole text (not of a prefix typed on the way). */
async function typed(el: LinkAccountPicker, text: string): Promise<void> {
  await typeKeys(el, text);
  await until(() => options(el).length === all.length && statusText(el).includes(`“${text}”`), `results for “${text}” shown`);
}

describe('<link-account-picker> keyboard (WAI-ARIA combobox)', () => {
  let el: LinkAccountPicker;
  before(startWorker);
  beforeEach(async () => {
    worker.use(http.get(ENDPOINT, () => HttpResponse.json(body(all))));
    el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="20" multiple></link-account-picker>`);
  });
  afterEach(() => worker.resetHandlers());

  it('the search box is a combobox named by the label, controlling the listbox', async () => {
    const box = combobox(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-autocomplete')).to.equal('list');
    expect(box.getAttribute('aria-controls')).to.equal('listbox');
    expect(shadow(el).getElementById('listbox')!.getAttribute('role')).to.equal('listbox');
    expect(shadow(el).querySelector(`label[for="${box.id}"]`)!.textContent).to.equal('Accounts');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    await typed(el, 'acme');
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);
  });

  it('Down and Up move through every option, including the ones that cannot be picked', async () => {
    await typed(el, 'acme');
    const order = options(el).map((row) => row.dataset.accountId);
    const visited: (string | undefined)[] = [];
    for (let i = 0; i < order.length; i++) {
      await sendKeys({ press: 'ArrowDown' });
      visited.push(activeId(el));
    }
    expect(visited).to.deep.equal(order);
    await sendKeys({ press: 'ArrowDown' });
    expect(activeId(el)).to.equal(order[order.length - 1]);
    await sendKeys({ press: 'ArrowUp' });
    expect(activeId(el)).to.equal(order[order.length - 2]);
    const active = shadow(el).getElementById(combobox(el).getAttribute('aria-activedescendant')!)!;
    expect(active.closest('.row')!.classList.contains('active')).to.equal(true);
    expect(shadow(el).activeElement).to.equal(combobox(el));
  });

  it('once an option is active, Home and End jump to the first and last option', async () => {
    await typed(el, 'acme');
    // Before an option is active they move the caret (test/a11y/keyboard-model.test.ts).
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    expect(activeId(el)).to.equal('a-linked');
    await sendKeys({ press: 'Home' });
    expect(activeId(el)).to.equal('a-linkable');
  });

  it('Enter picks the active linkable option', async () => {
    await typed(el, 'acme');
    await sendKeys({ press: 'ArrowDown' });
    const selected = nextEvent(el, 'account-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.account.id).to.equal('a-linkable');
    expect(el.value).to.deep.equal(['a-linkable']);
  });

  it('Enter on an option that cannot be linked does nothing', async () => {
    await typed(el, 'acme');
    let fired = 0;
    el.addEventListener('account-select', () => fired++);
    el.addEventListener('change', () => fired++);
    for (let i = 0; i < all.length; i++) {
      await sendKeys({ press: 'ArrowDown' });
      if (activeId(el) !== 'a-linkable') await sendKeys({ press: 'Enter' });
    }
    expect(fired).to.equal(0);
    expect(el.value).to.deep.equal([]);
  });

  it('Enter in an open picker never submits the surrounding form', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="20"></link-account-picker></form>`);
    const picker = form.querySelector('link-account-picker')!;
    let submitted = 0;
    form.addEventListener('submit', (e) => {
      submitted++;
      e.preventDefault();
    });
    await typed(picker, 'acme');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.equal(0);
    expect(picker.value).to.deep.equal(['a-linkable']);
  });

  it('Escape closes the list, a second Escape clears the query; the selection stays', async () => {
    el.value = ['a-linkable'];
    await typed(el, 'acme');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(popupOpen(el)).to.equal(false);
    expect(combobox(el).getAttribute('aria-expanded')).to.equal('false');
    expect(combobox(el).hasAttribute('aria-activedescendant')).to.equal(false);
    expect(combobox(el).value).to.equal('acme');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(combobox(el).value).to.equal('');
    expect(el.value).to.deep.equal(['a-linkable']);
  });

  it('a handled Escape does not reach the page (a dialog around the picker stays open)', async () => {
    await typed(el, 'acme');
    let reached = 0;
    const listener = () => reached++;
    document.addEventListener('keydown', listener);
    try {
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      expect(reached).to.equal(0);
      await sendKeys({ press: 'Escape' });
      expect(reached).to.equal(1);
    } finally {
      document.removeEventListener('keydown', listener);
    }
  });

  it('Down reopens a closed list', async () => {
    await typed(el, 'acme');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(popupOpen(el)).to.equal(true);
    expect(activeId(el)).to.equal('a-linkable');
  });

  it('Backspace in the empty box removes the last chip', async () => {
    el.value = ['x', 'y'];
    combobox(el).focus();
    let deselected = '';
    el.addEventListener('account-deselect', (e) => (deselected = e.detail.account.id));
    await sendKeys({ press: 'Backspace' });
    expect(el.value).to.deep.equal(['x']);
    expect(deselected).to.equal('y');
  });

  it('a click outside closes the list', async () => {
    await typed(el, 'acme');
    await clickOutside(el);
    await el.updateComplete;
    expect(popupOpen(el)).to.equal(false);
  });

  it('Tab moves on and closes the list', async () => {
    await typed(el, 'acme');
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(popupOpen(el)).to.equal(false);
  });
});
