/**
 * The drop-in bundle as a no-build page uses it: dist/standalone.js imported by URL, nothing else.
 * Runs only when the bundle exists (CI: after `npm run build`, `npx wtr --files test/frameworks/standalone.test.ts`);
 * skipped otherwise, since `npm test` runs before any build.
 */
import { expect } from '@open-wc/testing';
import type * as Standalone from '../../src/standalone.js';
import type { AccountSelectEvent, LinkAccountPicker } from '../../src/standalone.js';
import { recordingSearch } from '../support/data.js';
import { clickOn, option, searchFor } from '../support/picker.js';
import { until } from '../support/wait.js';

const BUNDLE = '/dist/standalone.js';

/** What the page loaded from dist/ as scripts (the HEAD probe below is a fetch, left out). */
function bundleRequests(): string[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .filter((entry) => entry.initiatorType !== 'fetch')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/'));
}

describe('dist/standalone.js (the drop-in bundle)', () => {
  let bundle: typeof Standalone;

  before(async function () {
    const head = await fetch(BUNDLE, { method: 'HEAD' }).catch(() => undefined);
    if (!head?.ok) {
      this.skip();
      return;
    }
    bundle = (await import(/* @vite-ignore */ BUNDLE)) as typeof Standalone;
  });

  it('registers the element and exports its API', () => {
    expect(customElements.get('link-account-picker')).to.equal(bundle.LinkAccountPicker);
    expect(bundle.setLocale).to.be.a('function');
    expect(bundle.AccountSelectEvent).to.be.a('function');
  });

  it('is one file: it loads nothing else', () => {
    expect(bundleRequests()).to.deep.equal([BUNDLE]);
  });

  it('searches, renders results and fires events', async () => {
    const el = document.createElement('link-account-picker') as LinkAccountPicker;
    const { search } = recordingSearch();
    el.site = 'northwind';
    el.label = 'Accounts to link';
    el.debounce = 0;
    el.searchAccounts = search;
    document.body.append(el);
    try {
      const picked: AccountSelectEvent[] = [];
      el.addEventListener('account-select', (event) => picked.push(event));
      const rows = await searchFor(el, 'harbor', 3);
      expect(rows.map((r) => r.dataset.eligibility)).to.have.members(['linkable', 'label-mismatch', 'pending-sync']);
      await clickOn(option(el, 'acc-linkable'));
      expect(picked.map((e) => e.detail.account.id)).to.deep.equal(['acc-linkable']);
      expect(el.value).to.deep.equal(['acc-linkable']);

      // Spanish is inside the same file: following <html lang> loads nothing.
      document.documentElement.lang = 'es';
      await until(() => el.shadowRoot!.querySelector('[role="combobox"]')!.getAttribute('placeholder') !== 'Name or account number', 'the placeholder in Spanish');
      expect(bundleRequests()).to.deep.equal([BUNDLE]);
    } finally {
      document.documentElement.lang = '';
      el.remove();
    }
  });
});
