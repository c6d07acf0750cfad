import { expect, oneEvent } from '@open-wc/testing';
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { currentLocale, matchLocale, setLocale, supportedLocales } from '../../src/internal/localization.js';
import { templates as spanish } from '../../src/generated/locales/es.js';
import '../../src/link-account-picker.js';
import type { LinkAccountPicker, SearchResponse } from '../../src/link-account-picker.js';
import { harborResponse } from '../support/data.js';
import { options, searchFor } from '../support/picker.js';

/** The picker's language follows <html lang> unless a host pins one; Intl gets a full, valid tag. */
describe('localization', () => {
  const html = document.documentElement;
  const original = html.lang;

  afterEach(async () => {
    await setLocale(null);
    html.lang = original;
  });

  it('ships English and Spanish', () => {
    expect([...supportedLocales].sort()).to.deep.equal(['en', 'es']);
  });

  it('matches a page tag to the strings it has', () => {
    expect(matchLocale('es-MX')).to.equal('es');
    expect(matchLocale('ES')).to.equal('es');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('fr-CA')).to.equal('en');
    expect(matchLocale('not a tag!')).to.equal('en');
  });

  it('gives Intl the page tag in the language the strings speak', () => {
    html.lang = 'es-MX';
    expect(currentLocale()).to.equal('es-MX');
    html.lang = 'en-GB';
    expect(currentLocale()).to.equal('en-GB');
    // No French strings: French dates inside English sentences would read oddly.
    html.lang = 'fr-FR';
    expect(currentLocale()).to.equal('en');
  });

  it('never hands Intl an invalid tag', () => {
    html.lang = 'en_US';
    expect(currentLocale()).to.equal('en-US');
    html.lang = '!!';
    const tag = currentLocale();
    expect(() => new Intl.DateTimeFormat(tag)).not.to.throw();
  });

  it('switches the strings when the page language changes', async () => {
    currentLocale(); // starts the runtime, as the first picker does
    html.lang = 'en';
    await setLocale(null);
    const ready = oneEvent(window, LOCALE_STATUS_EVENT);
    html.lang = 'es';
    let event = (await ready) as CustomEvent<{ status: string; readyLocale?: string }>;
    while (event.detail.status !== 'ready') {
      event = (await oneEvent(window, LOCALE_STATUS_EVENT)) as typeof event;
    }
    expect(event.detail.readyLocale).to.equal('es');
  });

  it('lets a host pin a language over the page, and go back to following it', async () => {
    html.lang = 'en-US';
    await setLocale('es-AR');
    expect(currentLocale()).to.equal('es-AR');
    html.lang = 'en-GB';
    expect(currentLocale(), 'still pinned').to.equal('es-AR');
    await setLocale(null);
    expect(currentLocale()).to.equal('en-GB');
  });

  describe('Spanish translations', () => {
    let units: Element[];

    before(async () => {
      const xliff = new DOMParser().parseFromString(await (await fetch('/xliff/es.xlf')).text(), 'application/xml');
      units = [...xliff.getElementsByTagName('trans-unit')];
    });

    // `npm run localize` adds an untranslated unit for each new msg(); this fails until it's translated.
    it('translate every extracted string', () => {
      const untranslated = units
        .filter((unit) => !unit.getElementsByTagName('target')[0]?.textContent?.trim())
        .map((unit) => unit.getElementsByTagName('source')[0]?.textContent);
      expect(units.length).to.be.greaterThan(0);
      expect(untranslated).to.deep.equal([]);
    });

    it('are all built into the bundled templates', () => {
      expect(Object.keys(spanish).sort()).to.deep.equal(units.map((unit) => unit.getAttribute('id')).sort());
    });
  });

  describe('the picker in Spanish', () => {
    /** Every kind of verdict, so every explanation is rendered. */
    function everyVerdict(): SearchResponse {
      const base = harborResponse();
      const now = Date.now();
      const iso = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
      base.accounts.push(
        { id: 'acc-linked', name: 'Harbor Blue Construction', linkedToUser: true, contracts: [] },
        { id: 'acc-terminated', name: 'Harbor Dental Group', contracts: [{ id: 'c4', role: 'customer', status: 'terminated', privateLabel: 'NWF', bookedAt: iso(99_999) }] },
        { id: 'acc-vendor', name: 'Harbor Tractor Supply', contracts: [{ id: 'c5', role: 'vendor', status: 'booked', privateLabel: 'NWF', bookedAt: iso(99_999) }] },
        { id: 'acc-none', name: 'Harbor Orchards', contracts: [] },
        { id: 'acc-overdue', name: 'Harbor Ridge Farms', portalSyncedAt: null, contracts: [{ id: 'c6', role: 'guarantor', status: 'booked', privateLabel: 'NWF', bookedAt: iso(120) }] },
      );
      base.total = base.accounts.length;
      return base;
    }

    /** All the text a user can see or hear: text nodes, names, placeholders. */
    function userFacingText(el: LinkAccountPicker): string {
      const root = el.shadowRoot!;
      const attributes = [...root.querySelectorAll('*')].flatMap((node) =>
        ['aria-label', 'placeholder', 'title', 'alt'].map((name) => node.getAttribute(name) ?? ''),
      );
      return [root.textContent ?? '', ...attributes].join(' ');
    }

    it('leaves no English behind', async () => {
      html.lang = 'es';
      const response = everyVerdict();
      const el = document.createElement('link-account-picker');
      el.site = 'northwind';
      el.multiple = true;
      el.debounce = 0;
      el.value = ['acc-linkable', 'acc-unknown-id'];
      el.searchAccounts = () => Promise.resolve(response);
      document.body.append(el);
      try {
        await searchFor(el, 'harbor', response.accounts.length);
        await el.updateComplete;
        let text = userFacingText(el);
        // Data is not translated: take out names, numbers, ids, site name and the query.
        for (const account of response.accounts) text = text.replaceAll(account.name, '').replaceAll(account.number ?? '\u0000', '');
        text = text.replaceAll('Northwind Equipment Finance', '').replaceAll('acc-unknown-id', '');
        const english = text.match(/\b(the|an|and|or|of|on|in|to|is|it|can|be|not|yet|linked|link|account|accounts|contracts?|search|remove|selected|loading|more|type|try|again|matches?|booked|sync|customer|guarantor|label|site|minutes?|shown|showing)\b/gi);
        expect(english, text.replace(/\s+/g, ' ').slice(-700)).to.equal(null);
        expect(options(el).every((o) => o.getAttribute('aria-disabled') !== null)).to.equal(true);
      } finally {
        el.remove();
      }
    });
  });
});
