/**
 * Hosts may extend the exported class or register it under their own tag (e.g. to avoid a clash
 * with another copy of the picker): it must work exactly like <link-account-picker>.
 */
import { expect } from '@open-wc/testing';
import { LinkAccountPicker, type AccountSelectEvent } from '../../src/link-account-picker.js';
import { recordingSearch } from '../support/data.js';
import { clickOn, option, searchFor } from '../support/picker.js';

class AcmeAccountPicker extends LinkAccountPicker {
  /** A host-specific default. */
  override placeholder = 'Customer name or number';
}
customElements.define('acme-account-picker', AcmeAccountPicker);

describe('the exported LinkAccountPicker class', () => {
  it('works as a subclass under another tag', async () => {
    const el = document.createElement('acme-account-picker') as AcmeAccountPicker;
    const { search } = recordingSearch();
    el.site = 'northwind';
    el.debounce = 0;
    el.searchAccounts = search;
    document.body.append(el);
    try {
      expect(el).to.be.instanceOf(LinkAccountPicker);
      const picked: string[] = [];
      el.addEventListener('account-select', (e: AccountSelectEvent) => picked.push(e.detail.account.id));
      const rows = await searchFor(el, 'harbor', 3);
      expect(rows).to.have.length(3);
      expect(el.shadowRoot!.querySelector('[role="combobox"]')!.getAttribute('placeholder')).to.equal('Customer name or number');
      await clickOn(option(el, 'acc-linkable'));
      expect(picked).to.deep.equal(['acc-linkable']);
      expect(el.value).to.deep.equal(['acc-linkable']);
    } finally {
      el.remove();
    }
  });
});
