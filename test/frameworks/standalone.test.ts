/**
 * The drop-in folder (dist/standalone/) as a page with no build step uses it. Runs only when it has
 * been built (CI: after `npm run build`, `npx wtr --files test/frameworks/standalone.test.ts`); skipped
 * otherwise, since `npm test` runs before any build.
 *
 * Two ways in: imported into this test page (its API and a whole search), and framed from a plain
 * static server of its own (test/frameworks/dropin-server-plugin.js: files as built, no import map,
 * strict CSP), where its server says which chunks each page asked for.
 */
import { expect } from '@open-wc/testing';
import type * as Standalone from '../../src/standalone.js';
import type { AccountSelectEvent, LinkAccountPicker } from '../../src/standalone.js';
import { recordingSearch } from '../support/data.js';
import { clickOn, option, searchFor } from '../support/picker.js';
import { until } from '../support/wait.js';

const ENTRY = '/dist/standalone/link-account-picker.js';
/** Where test/frameworks/dropin-server-plugin.js says where its static server is, and what a run asked for. */
const DROPIN_ORIGIN_PATH = '/__dropin__/origin';
const DROPIN_REQUESTS_PATH = '/__dropin__/requests';

/** What a host page reports (test/frameworks/dropin/host.js). */
interface HostReport {
  lang: string;
  placeholder: string;
  firstRow: string;
  optionsAtFirst: number;
  virtual: boolean;
  setSize: string | null;
  lastShown: string;
  violations: string[];
  errors: string[];
  failed?: string;
}

/** The chunks a page asked for, without their hashes: `virtualizer`, `locales/es`. */
function chunks(requests: string[]): string[] {
  return requests
    .filter((path) => path.startsWith('standalone/') && path !== 'standalone/link-account-picker.js')
    .map((path) => path.slice('standalone/'.length).replace(/-[^/]*\.js$/, ''))
    .sort();
}

describe('dist/standalone/ (the drop-in folder)', () => {
  before(async function () {
    const head = await fetch(ENTRY, { method: 'HEAD' }).catch(() => undefined);
    if (!head?.ok) this.skip();
  });

  describe('from a plain static server, no import map, strict CSP', () => {
    let origin: string;
    const frames: HTMLIFrameElement[] = [];
    before(async () => {
      ({ origin } = (await (await fetch(DROPIN_ORIGIN_PATH)).json()) as { origin: string });
    });
    afterEach(() => {
      for (const frame of frames.splice(0)) frame.remove();
    });

    /** Frames a host page with `<html lang>` and a search answering `rows` accounts. */
    async function host(lang: string, rows: number, variant: 'ok' | 'broken' = 'ok') {
      const run = `${lang}-${rows}-${variant}-${Math.random().toString(36).slice(2)}`;
      const frame = document.createElement('iframe');
      frame.style.cssText = 'width: 800px; height: 700px';
      frames.push(frame);
      const report = await new Promise<HostReport>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no report from the ${lang} host page`)), 15_000);
        window.addEventListener('message', function onMessage(event: MessageEvent) {
          if (event.source !== frame.contentWindow || !event.data?.dropinReport) return;
          clearTimeout(timer);
          window.removeEventListener('message', onMessage);
          resolve(event.data.dropinReport as HostReport);
        });
        frame.src = `${origin}/${run}/${variant}/host.html?lang=${lang}&rows=${rows}`;
        document.body.append(frame);
      });
      const requests = (await (await fetch(`${DROPIN_REQUESTS_PATH}?run=${run}`)).json()) as string[];
      expect(report.failed, 'the host page').to.equal(undefined);
      expect(report.violations, 'CSP violations').to.deep.equal([]);
      expect(report.errors, 'uncaught errors').to.deep.equal([]);
      return { report, requests };
    }

    it('an English page with a short list loads the entry and no chunk', async () => {
      const { report, requests } = await host('en', 3);
      expect(report.placeholder).to.equal('Name or account number');
      expect(report.optionsAtFirst).to.equal(3);
      expect(report.virtual).to.equal(false);
      expect(requests).to.include('standalone/link-account-picker.js');
      expect(chunks(requests)).to.deep.equal([]);
    });

    it('a list over 200 rows loads the virtualizer chunk and renders only the rows in view', async () => {
      const { report, requests } = await host('en', 500);
      expect(report.virtual).to.equal(true);
      expect(report.optionsAtFirst).to.be.within(1, 100);
      expect(report.setSize).to.equal('500');
      expect(report.lastShown, 'scrolled to the end').to.equal('500');
      expect(chunks(requests)).to.deep.equal(['virtualizer']);
    });

    it('a Spanish page (<html lang="es">) loads the Spanish chunk and speaks Spanish', async () => {
      const { report, requests } = await host('es', 3);
      expect(report.placeholder).to.equal('Nombre o número de cuenta');
      expect(report.optionsAtFirst).to.equal(3);
      expect(chunks(requests)).to.deep.equal(['locales/es']);
    });

    it('a Spanish page with a long list loads both chunks', async () => {
      const { report, requests } = await host('es-MX', 500);
      expect(report.placeholder).to.equal('Nombre o número de cuenta');
      expect(report.virtual).to.equal(true);
      expect(report.lastShown).to.equal('500');
      expect(chunks(requests)).to.deep.equal(['locales/es', 'virtualizer']);
    });

    it('when the chunks cannot load, it stays in English and renders every row', async () => {
      const { report, requests } = await host('es', 500, 'broken');
      expect(chunks(requests), 'asked for both').to.deep.equal(['locales/es', 'virtualizer']);
      expect(report.placeholder).to.equal('Name or account number');
      expect(report.virtual).to.equal(false);
      expect(report.optionsAtFirst).to.equal(500);
    });
  });

  describe('imported into a page', () => {
    let bundle: typeof Standalone;
    before(async () => {
      bundle = (await import(/* @vite-ignore */ ENTRY)) as typeof Standalone;
    });

    it('registers the element and exports its API', () => {
      expect(customElements.get('link-account-picker')).to.equal(bundle.LinkAccountPicker);
      expect(bundle.setLocale).to.be.a('function');
      expect(bundle.AccountSelectEvent).to.be.a('function');
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

        // Following <html lang> to Spanish loads the Spanish chunk, then re-renders in Spanish.
        document.documentElement.lang = 'es';
        await until(() => el.shadowRoot!.querySelector('[role="combobox"]')!.getAttribute('placeholder') === 'Nombre o número de cuenta', 'the placeholder in Spanish');
      } finally {
        document.documentElement.lang = '';
        el.remove();
      }
    });
  });
});
