import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { button, clickOn, combobox, liveText, option, options, press, search, shadow, typeText } from '../support/picker.js';
import { nextEvent, until } from '../support/wait.js';

const all = Object.values(accounts);
const second = { ...accounts.linkable, id: 'a-linkable-2', name: 'Acme Second', number: 'ACM000201' };

function chips(el: LinkAccountPicker): string[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('[part~="chip"]')].map((chip) => chip.dataset.accountId!);
}

function record(el: LinkAccountPicker): string[] {
  const log: string[] = [];
  el.addEventListener('account-select', (e) => log.push(`select:${e.detail.account.id}`));
  el.addEventListener('account-deselect', (e) => log.push(`deselect:${e.detail.account.id}`));
  el.addEventListener('change', () => log.push('change'));
  return log;
}

describe('<link-account-picker> selection', () => {
  before(startWorker);
  beforeEach(() => worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([...all, second])))));
  afterEach(() => worker.resetHandlers());

  describe('single', () => {
    let el: LinkAccountPicker;
    beforeEach(async () => {
      el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="0"></link-account-picker>`);
      await search(el, 'acme');
    });

    it('picks a linkable account by click: account-select with its eligibility, then change', async () => {
      const log = record(el);
      const selected = nextEvent(el, 'account-select');
      await clickOn(option(el, 'a-linkable'));
      const event = await selected;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.account.id).to.equal('a-linkable');
      expect(event.detail.eligibility.code).to.equal('linkable');
      expect(log).to.deep.equal(['select:a-linkable', 'change']);
      expect(el.value).to.deep.equal(['a-linkable']);
      expect(el.selectedAccounts).to.deep.equal([accounts.linkable]);
      await el.updateComplete;
      expect(chips(el)).to.deep.equal(['a-linkable']);
      expect(shadow(el).querySelector('.popup')!.hasAttribute('hidden')).to.equal(true);
    });

    it('never picks an account that is not linkable', async () => {
      const log = record(el);
      for (const id of ['a-linked', 'a-terminated', 'a-label', 'a-pending', 'a-overdue']) {
        await clickOn(option(el, id));
      }
      await el.updateComplete;
      expect(log).to.deep.equal([]);
      expect(el.value).to.deep.equal([]);
    });

    it('replaces the selection: account-deselect for the old one, then account-select, then change', async () => {
      await clickOn(option(el, 'a-linkable'));
      typeText(el, 'acme');
      await el.updateComplete;
      const log = record(el);
      await clickOn(option(el, 'a-linkable-2'));
      expect(log).to.deep.equal(['deselect:a-linkable', 'select:a-linkable-2', 'change']);
      expect(el.value).to.deep.equal(['a-linkable-2']);
      await el.updateComplete;
      expect(option(el, 'a-linkable-2').getAttribute('aria-selected')).to.equal('true');
      expect(option(el, 'a-linkable').getAttribute('aria-selected')).to.equal('false');
    });

    it('typing a new query never changes value', async () => {
      await clickOn(option(el, 'a-linkable'));
      const log = record(el);
      await search(el, 'zzz');
      typeText(el, '');
      await el.updateComplete;
      expect(el.value).to.deep.equal(['a-linkable']);
      expect(log).to.deep.equal([]);
    });

    it('removes the selection with the chip button: account-deselect, then change', async () => {
      await clickOn(option(el, 'a-linkable'));
      await el.updateComplete;
      const log = record(el);
      const remove = button(el, 'chip-remove')!;
      expect(remove.getAttribute('aria-label')).to.equal('Remove Acme Leasing Ltd');
      await clickOn(remove);
      expect(log).to.deep.equal(['deselect:a-linkable', 'change']);
      expect(el.value).to.deep.equal([]);
    });

    it('keeps only the first id when the host sets several without multiple', () => {
      el.value = ['x', 'y'];
      expect(el.value).to.deep.equal(['x']);
    });
  });

  describe('multiple', () => {
    let el: LinkAccountPicker;
    beforeEach(async () => {
      el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="0" multiple></link-account-picker>`);
      await search(el, 'acme');
    });

    it('adds picked accounts as removable chips and keeps the list open', async () => {
      const log = record(el);
      await clickOn(option(el, 'a-linkable'));
      await clickOn(option(el, 'a-linkable-2'));
      await el.updateComplete;
      expect(log).to.deep.equal(['select:a-linkable', 'change', 'select:a-linkable-2', 'change']);
      expect(el.value).to.deep.equal(['a-linkable', 'a-linkable-2']);
      expect(chips(el)).to.deep.equal(['a-linkable', 'a-linkable-2']);
      expect(shadow(el).querySelector('[role="listbox"]')!.getAttribute('aria-multiselectable')).to.equal('true');
      expect(shadow(el).querySelector('.popup')!.hasAttribute('hidden')).to.equal(false);
      expect(options(el).filter((row) => row.getAttribute('aria-selected') === 'true')).to.have.length(2);
    });

    it('says what a pick or a removal did in the live region', async () => {
      await clickOn(option(el, 'a-linkable'));
      await el.updateComplete;
      expect(liveText(el)).to.equal('Acme Leasing Ltd selected. 1 account selected.');
      await clickOn(option(el, 'a-linkable-2'));
      await el.updateComplete;
      expect(liveText(el)).to.equal('Acme Second selected. 2 accounts selected.');
      await clickOn(button(el, 'chip-remove', shadow(el).querySelector('.chip[data-account-id="a-linkable"]')!)!);
      await el.updateComplete;
      expect(liveText(el)).to.equal('Acme Leasing Ltd removed. 1 account selected.');
      typeText(el, 'acm');
      await el.updateComplete;
      expect(liveText(el)).to.not.include('removed');
    });

    it('picking a selected account again removes it', async () => {
      await clickOn(option(el, 'a-linkable'));
      const log = record(el);
      await clickOn(option(el, 'a-linkable'));
      expect(log).to.deep.equal(['deselect:a-linkable', 'change']);
      expect(el.value).to.deep.equal([]);
    });

    it('removes a chip with its button, and the last one with Backspace in the empty box', async () => {
      await clickOn(option(el, 'a-linkable'));
      await clickOn(option(el, 'a-linkable-2'));
      await el.updateComplete;
      const log = record(el);
      await clickOn(button(el, 'chip-remove', shadow(el).querySelector('.chip[data-account-id="a-linkable"]')!)!);
      expect(el.value).to.deep.equal(['a-linkable-2']);
      typeText(el, '');
      await el.updateComplete;
      await press('Backspace');
      expect(el.value).to.deep.equal([]);
      expect(log).to.deep.equal(['deselect:a-linkable', 'change', 'deselect:a-linkable-2', 'change']);
    });
  });

  describe('value set by the host', () => {
    it('keeps unknown ids, shows them as chips with the id, and names them once a search describes them', async () => {
      const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" debounce="0" multiple .value=${['a-linkable', 'ghost']}></link-account-picker>`);
      const log = record(el);
      expect(el.value).to.deep.equal(['a-linkable', 'ghost']);
      expect(el.selectedAccounts).to.deep.equal([]);
      expect(chips(el)).to.deep.equal(['a-linkable', 'ghost']);
      expect(shadow(el).querySelector('[data-account-id="ghost"]')!.classList.contains('unknown')).to.equal(true);
      await search(el, 'acme');
      expect(el.selectedAccounts.map((a) => a.name)).to.deep.equal(['Acme Leasing Ltd']);
      expect(el.value).to.deep.equal(['a-linkable', 'ghost']);
      expect(option(el, 'a-linkable').getAttribute('aria-selected')).to.equal('true');
      expect(shadow(el).querySelector('[data-account-id="a-linkable"].chip')!.textContent).to.include('Acme Leasing Ltd');
      expect(log).to.deep.equal([]);
    });

    it('removing an unknown id fires account-deselect with a stand-in account', async () => {
      const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" multiple .value=${['ghost']}></link-account-picker>`);
      const deselected = nextEvent(el, 'account-deselect');
      await clickOn(button(el, 'chip-remove')!);
      expect((await deselected).detail.account).to.deep.equal({ id: 'ghost', name: 'ghost', contracts: [] });
    });

    it('keeps every id when the host sets value before multiple (as frameworks may)', async () => {
      const el = await fixture<LinkAccountPicker>(html`<link-account-picker name="a"></link-account-picker>`);
      el.value = ['a', 'b'];
      el.multiple = true;
      await el.updateComplete;
      expect(el.value).to.deep.equal(['a', 'b']);
      el.multiple = false;
      await el.updateComplete;
      expect(el.value).to.deep.equal(['a']);
      el.multiple = true;
      await el.updateComplete;
      expect(el.value).to.deep.equal(['a']);
    });

    it('drops duplicates and non-strings', async () => {
      const el = await fixture<LinkAccountPicker>(html`<link-account-picker multiple></link-account-picker>`);
      el.value = ['a', 'a', 7 as unknown as string, '', 'b'];
      expect(el.value).to.deep.equal(['a', 'b']);
    });
  });

  it('disabled: no searching, no picking, chips cannot be removed', async () => {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts" multiple disabled .value=${['a-linkable']}></link-account-picker>`);
    expect(combobox(el).disabled).to.equal(true);
    expect(button(el, 'chip-remove')!.disabled).to.equal(true);
    el.disabled = false;
    // The attribute also reaches formDisabledCallback, which settles one update later.
    await until(() => !combobox(el).disabled, 'enabled again');
    expect(button(el, 'chip-remove')!.disabled).to.equal(false);
  });
});
