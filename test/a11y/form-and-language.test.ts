/**
 * The combobox's description and state as the tree gives them (Chromium only: the tree is read over
 * DevTools): the invalid state after a failed submit, help text from the host, the min-characters
 * hint; and, in every engine, the language the picker's own text and the host's are read in.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { axTree, comboboxNode } from '../support/ax-tree.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { clickOn, combobox, popupOpen, shadow, squash, typeAndSettle } from '../support/picker.js';
import { until } from '../support/wait.js';
import { needsAxTree } from '../support/engine.js';

/** Whether some element of the picker that is on screen (not the live region) shows this text. */
function shownText(el: LinkAccountPicker, text: string): boolean {
  const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode() as Element | null; node; node = walker.nextNode() as Element | null) {
    if (node.closest('[role="status"]') || !(node as HTMLElement).checkVisibility?.()) continue;
    const own = squash(
      (node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [...node.childNodes])
        .map((child) => child.textContent ?? '')
        .join(' '),
    );
    if (own.includes(text)) return true;
  }
  return false;
}

describe('a11y: form state, descriptions and language', () => {
  before(startWorker);
  beforeEach(() => worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([accounts.linkable, accounts.label])))));
  afterEach(() => worker.resetHandlers());

  needsAxTree.describe('defect 8: a required, empty picker is exposed as invalid after a failed submit', () => {
    async function form(): Promise<{ el: LinkAccountPicker; save: HTMLButtonElement }> {
      const page = await fixture<HTMLFormElement>(html`<form @submit=${(e: Event) => e.preventDefault()}>
        <link-account-picker endpoint=${ENDPOINT} site="nwf" name="accounts" label="Accounts to link" debounce="20" required></link-account-picker>
        <button>Save</button>
      </form>`);
      const el = page.querySelector('link-account-picker')!;
      await el.updateComplete;
      return { el, save: page.querySelector('button')! };
    }

    it('not invalid before any attempt to submit', async () => {
      await form();
      const box = comboboxNode(await axTree());
      expect(box.invalid ?? 'false').to.equal('false');
    });

    it('a failed submit marks the combobox invalid, with the message visible and in its description', async () => {
      const { el, save } = await form();
      await clickOn(save);
      await until(() => combobox(el).getAttribute('aria-invalid') === 'true', 'aria-invalid is set');
      const box = comboboxNode(await axTree());
      expect(box.invalid).to.equal('true');
      expect(squash(box.description)).to.include('Select an account.');
      expect(shownText(el, 'Select an account.'), 'the message is shown').to.equal(true);
    });

    it('reportValidity() does the same, and picking an account clears it', async () => {
      const { el } = await form();
      expect(el.reportValidity()).to.equal(false);
      await el.updateComplete;
      expect(comboboxNode(await axTree()).invalid).to.equal('true');
      await typeAndSettle(el, 'acme', 2);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.value).to.deep.equal([accounts.linkable.id]);
      const box = comboboxNode(await axTree());
      expect(box.invalid ?? 'false').to.equal('false');
      expect(squash(box.description)).to.not.include('Select an account.');
      expect(shownText(el, 'Select an account.')).to.equal(false);
    });
  });

  needsAxTree.describe('defect 9: help text and the min-characters hint describe the search box', () => {
    it('the help-text attribute is shown and describes the combobox', async () => {
      const el = await fixture<LinkAccountPicker>(html`<link-account-picker
        endpoint=${ENDPOINT}
        site="nwf"
        label="Accounts to link"
        help-text="Only accounts of this portal site are listed."
      ></link-account-picker>`);
      await el.updateComplete;
      expect(squash(comboboxNode(await axTree()).description)).to.include('Only accounts of this portal site are listed.');
      expect(shownText(el, 'Only accounts of this portal site are listed.')).to.equal(true);
    });

    it('content in the help-text slot is shown and describes the combobox', async () => {
      const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts to link">
        <span slot="help-text">Search by name or <b>account number</b>.</span>
      </link-account-picker>`);
      await el.updateComplete;
      expect(squash(comboboxNode(await axTree()).description)).to.include('Search by name or account number.');
      expect(el.querySelector('[slot="help-text"]')!.checkVisibility()).to.equal(true);
    });

    it('a host aria-describedby on the element reaches the combobox', async () => {
      const page = await fixture<HTMLDivElement>(html`<div>
        <p id="outside-help">The user sees the invoices of every linked account.</p>
        <link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts to link" aria-describedby="outside-help"></link-account-picker>
      </div>`);
      await page.querySelector('link-account-picker')!.updateComplete;
      expect(squash(comboboxNode(await axTree()).description)).to.include('The user sees the invoices of every linked account.');
    });

    it('the min-characters hint is in the description, and shown when the box has focus', async () => {
      const el = await fixture<LinkAccountPicker>(
        html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts to link" min-chars="3"></link-account-picker>`,
      );
      await clickOn(combobox(el));
      await el.updateComplete;
      expect(squash(comboboxNode(await axTree()).description)).to.include('Type at least 3 characters');
      expect(shownText(el, 'Type at least 3 characters')).to.equal(true);
    });
  });

  describe('defect 11: the picker marks its own language', () => {
    const pageLang = document.documentElement.lang;
    const pageDir = document.documentElement.dir;
    afterEach(() => {
      document.documentElement.lang = pageLang;
      document.documentElement.dir = pageDir;
    });

    // `:lang()` on elements of the shadow tree, as a screen reader's voice and the browser's text shaping
    // see them. Firefox does not carry the page's `lang` into a shadow root, so each language is marked
    // on the picker's own elements, in every engine, whether or not it differs from the page's.

    it('on a French page, its English text is marked English; the host’s label, placeholder and help text keep the page’s language', async () => {
      document.documentElement.lang = 'fr';
      const el = await fixture<LinkAccountPicker>(
        html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Comptes à lier" help-text="Seuls les comptes de ce site." debounce="20"></link-account-picker>`,
      );
      await typeAndSettle(el, 'acme', 2);
      const label = shadow(el).querySelector('[part~="label"]')!;
      const help = shadow(el).querySelector('[part~="help-text"]')!;
      const status = shadow(el).querySelector('[part~="status"]')!;
      const option = shadow(el).querySelector('[role="option"]')!;
      const live = shadow(el).querySelector('[role="status"]')!;
      expect(label.matches(':lang(fr)'), 'the label is French').to.equal(true);
      expect(help.matches(':lang(fr)'), 'the help text is French').to.equal(true);
      expect(status.matches(':lang(en)'), 'the status line is English').to.equal(true);
      expect(option.matches(':lang(en)'), 'the options are English').to.equal(true);
      expect(live.matches(':lang(en)'), 'the live region is English').to.equal(true);
      expect(combobox(el).matches(':lang(en)'), 'the search box, with its English placeholder, is English').to.equal(true);

      el.placeholder = 'Nom ou numéro de compte';
      await el.updateComplete;
      expect(combobox(el).matches(':lang(fr)'), 'with the host’s placeholder, the search box is French').to.equal(true);
    });

    it('on a Spanish page, which it speaks, its own text and the host’s are marked Spanish', async () => {
      document.documentElement.lang = 'es-MX';
      const el = await fixture<LinkAccountPicker>(
        html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Cuentas" debounce="20"></link-account-picker>`,
      );
      await clickOn(combobox(el));
      const status = () => shadow(el).querySelector('[part~="status"]');
      await until(() => /Escribe|caracteres/.test(status()?.textContent ?? ''), 'Spanish shows');
      expect(status()!.matches(':lang(es)'), 'the status line is Spanish').to.equal(true);
      expect(status()!.closest('[lang]')!.getAttribute('lang'), 'in the page’s own variant').to.equal('es-MX');
      expect(shadow(el).querySelector('[role="status"]')!.matches(':lang(es)'), 'the live region is Spanish').to.equal(true);
      expect(shadow(el).querySelector('[part~="label"]')!.matches(':lang(es)'), 'the label is Spanish').to.equal(true);
      expect(combobox(el).matches(':lang(es)'), 'the search box is Spanish').to.equal(true);
    });

    it('on a page that names no language, the host’s label is not claimed for English', async () => {
      document.documentElement.removeAttribute('lang');
      const el = await fixture<LinkAccountPicker>(
        html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Konten" debounce="20"></link-account-picker>`,
      );
      await clickOn(combobox(el));
      await el.updateComplete;
      expect(shadow(el).querySelector('[part~="label"]')!.matches(':lang(en)'), 'the label has no language claimed').to.equal(false);
      expect(shadow(el).querySelector('[part~="status"]')!.matches(':lang(en)'), 'the picker’s own text is English').to.equal(true);
    });

    it('on a right-to-left Arabic page, English sentences keep their full stop at their end', async () => {
      document.documentElement.lang = 'ar';
      document.documentElement.dir = 'rtl';
      const el = await fixture<LinkAccountPicker>(
        html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="الحسابات" style="width: 900px"></link-account-picker>`,
      );
      await clickOn(combobox(el));
      await el.updateComplete;
      expect(popupOpen(el)).to.equal(true);
      const sentence = [...shadow(el).querySelectorAll('[part~="status"] span')].find((node) =>
        /^Type at least 2 characters.*\.$/.test(squash(node.textContent ?? '')),
      );
      expect(sentence, 'the hint is shown').to.not.equal(undefined);
      const text = [...sentence!.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && /\S/.test(node.textContent ?? ''))!;
      const value = text.textContent!;
      const charBox = (at: number) => {
        const range = document.createRange();
        range.setStart(text, at);
        range.setEnd(text, at + 1);
        return range.getBoundingClientRect();
      };
      const first = charBox(value.indexOf('T'));
      const stop = charBox(value.lastIndexOf('.'));
      expect(Math.round(stop.top)).to.equal(Math.round(first.top), 'one line');
      expect(stop.left, 'the full stop is right of the first word').to.be.greaterThan(first.right);
      expect(sentence!.matches(':lang(en)')).to.equal(true);
    });
  });
});
