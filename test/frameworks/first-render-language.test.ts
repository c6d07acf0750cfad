/**
 * A page that is already in Spanish when the picker loads: the first render, before any search, is
 * Spanish. (Its own file, so the page has not loaded the picker before.)
 */
import { expect } from '@open-wc/testing';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import { until } from '../support/wait.js';

describe('<link-account-picker> on a page that is already Spanish', () => {
  it('renders in Spanish from the start', async () => {
    document.documentElement.lang = 'es-MX';
    await import('../../src/link-account-picker.js');
    const el = document.createElement('link-account-picker') as LinkAccountPicker;
    document.body.append(el);
    try {
      await el.updateComplete;
      const input = () => el.shadowRoot!.querySelector('[role="combobox"]')!;
      await until(() => input().getAttribute('placeholder') === 'Nombre o número de cuenta', 'the placeholder in Spanish');
      expect(input().getAttribute('aria-label')).to.equal('Buscar cuentas');
    } finally {
      el.remove();
      document.documentElement.lang = '';
    }
  });
});
