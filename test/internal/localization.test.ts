import { expect, oneEvent } from '@open-wc/testing';
import { LOCALE_STATUS_EVENT } from '@lit/localize';
import { currentLocale, matchLocale, setLocale, supportedLocales } from '../../src/internal/localization.js';

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
});
