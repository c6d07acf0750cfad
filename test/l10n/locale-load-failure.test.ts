/**
 * The Spanish strings can fail to load (offline, a CDN missing the file): the picker must still
 * render, in English, and say why in the console, never hang waiting for them.
 * (Its own file: the page must not have loaded Spanish before.)
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import { until } from '../support/wait.js';

const worker = setupWorker(http.get(/\/generated\/locales\/es\.[jt]s/, () => HttpResponse.error()));

describe('translations that fail to load', () => {
  const warnings: unknown[][] = [];
  const warn = console.warn;

  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
    console.warn = (...args: unknown[]) => warnings.push(args);
  });

  after(() => {
    console.warn = warn;
    worker.stop();
    document.documentElement.lang = '';
  });

  it('leave the picker rendering in English, with a console warning', async () => {
    document.documentElement.lang = 'es';
    await import('../../src/link-account-picker.js');
    const el = document.createElement('link-account-picker') as LinkAccountPicker;
    document.body.append(el);
    try {
      await until(() => el.shadowRoot?.querySelector('[role="combobox"]'), 'the picker rendered');
      expect(el.shadowRoot!.querySelector('[role="combobox"]')!.getAttribute('placeholder')).to.equal('Name or account number');
      await until(() => warnings.length > 0, 'a console warning');
      expect(String(warnings[0]![0])).to.include('"es" translations failed to load');
    } finally {
      el.remove();
    }
  });
});
