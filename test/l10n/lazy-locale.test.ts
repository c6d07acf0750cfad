/**
 * Spanish is loaded when a page first needs it, not with the picker: an English page never downloads
 * it, and a picker that renders while it loads waits for it rather than flashing English first.
 * (Its own file, so the page starts with neither the picker nor Spanish loaded.)
 */
import { expect } from '@open-wc/testing';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import { until } from '../support/wait.js';

const spanishRequested = () =>
  performance.getEntriesByType('resource').some((entry) => /\/generated\/locales\/es\.[jt]s/.test(entry.name));

/** A picker whose every rendered placeholder is recorded, from its very first render. */
function recordedPicker(): { el: LinkAccountPicker; placeholders: string[] } {
  const el = document.createElement('link-account-picker') as LinkAccountPicker;
  const placeholders: string[] = [];
  el.addController({
    hostUpdated: () => placeholders.push(el.shadowRoot!.querySelector('[role="combobox"]')!.getAttribute('placeholder')!),
  });
  return { el, placeholders };
}

describe('translations load on demand', () => {
  afterEach(() => {
    document.documentElement.lang = '';
    document.body.replaceChildren();
  });

  it('an English page never downloads Spanish; a Spanish one loads it and renders no English frame', async () => {
    document.documentElement.lang = 'en';
    await import('../../src/link-account-picker.js');
    const english = recordedPicker();
    document.body.append(english.el);
    await english.el.updateComplete;
    expect(english.placeholders).to.deep.equal(['Name or account number']);
    // Give a stray eager import every chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(spanishRequested(), 'Spanish requested on an English page').to.equal(false);

    document.documentElement.lang = 'es-MX';
    const spanish = recordedPicker();
    document.body.append(spanish.el);
    await until(() => spanish.placeholders.length > 0, 'the Spanish picker rendered');
    await until(() => english.placeholders.at(-1) === 'Nombre o número de cuenta', 'the English picker switched');
    expect(spanish.placeholders.every((p) => p === 'Nombre o número de cuenta'), spanish.placeholders.join(' | ')).to.equal(
      true,
    );
    expect(spanishRequested(), 'Spanish requested on a Spanish page').to.equal(true);
  });
});
