/**
 * A response body the picker cannot use: the admin reads why in one sentence in the page's language,
 * on screen and in `search-error`. The parser gives the reason as data; the picker words it.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setLocale } from '../../src/internal/localization.js';
import type { LinkAccountPicker, SearchResponse } from '../../src/link-account-picker.js';
import { parseSearchResponse } from '../../src/rules/parse-response.js';
import '../../src/link-account-picker.js';
import { SITE } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { mountAt, statusText, typeText } from '../support/picker.js';
import { nextEvent } from '../support/wait.js';

function picker(): Promise<LinkAccountPicker> {
  return mountAt(ENDPOINT, { timeout: 2000 });
}

/** Serves `answer` as JSON, searches, and returns the search-error detail once the error is shown. */
async function failWith(el: LinkAccountPicker, answer: unknown, query = 'acme') {
  worker.use(http.get(ENDPOINT, () => HttpResponse.json(answer as never)));
  const failed = nextEvent(el, 'search-error');
  typeText(el, query);
  const { detail } = await failed;
  await el.updateComplete;
  return detail;
}

/** One body per rejection code (and every kind of `got` a JSON body can carry). */
const BODIES: [string, unknown][] = [
  ['not-object (list)', [{ id: 'a1', name: 'Acme' }]],
  ['not-object (text)', 'accounts'],
  ['not-object (null)', null],
  ['not-object (number)', 42],
  ['not-object (boolean)', true],
  ['site-missing', { accounts: [] }],
  ['site-not-object', { site: 'nwf', accounts: [] }],
  ['site-id-missing', { site: { privateLabels: [] }, accounts: [] }],
  ['site-id-invalid', { site: { id: ' ', privateLabels: [] }, accounts: [] }],
  ['accounts-missing', { site: SITE }],
  ['accounts-not-list (object)', { site: SITE, accounts: { a1: {} } }],
  ['accounts-not-list (text)', { site: SITE, accounts: 'x' }],
];

/** English words that must not be left in a Spanish sentence (field names like `accounts` stay). */
const ENGLISH = /\b(the|server's|answer|could|not|be|used|is|response|an?|object|list|missing|non-empty|string|got|nothing|text|number|boolean)\b/i;

describe('<link-account-picker> invalid responses', () => {
  const root = document.documentElement;
  const originalLang = root.lang;

  before(startWorker);
  afterEach(async () => {
    worker.resetHandlers();
    root.lang = originalLang;
    await setLocale(null);
  });

  describe('in English', () => {
    for (const [name, answer] of BODIES) {
      it(`${name}: says why, in the parser's words, on screen and in the event`, async () => {
        const parsed = parseSearchResponse(answer);
        if (parsed.ok) throw new Error('the body should be rejected');
        const el = await picker();
        const detail = await failWith(el, answer);
        expect(detail.error.kind).to.equal('invalid-response');
        expect(detail.error.message).to.equal(`The server's answer could not be used: ${parsed.message}.`);
        expect(statusText(el)).to.include('The server sent an answer the picker cannot read');
        expect(statusText(el)).to.include(detail.error.message);
      });
    }

    it('a searchAccounts answer of undefined says nothing came', async () => {
      const el = await picker();
      el.searchAccounts = async () => undefined as unknown as SearchResponse;
      const failed = nextEvent(el, 'search-error');
      typeText(el, 'acme');
      const { detail } = await failed;
      expect(detail.error.message).to.equal("The server's answer could not be used: the response is not an object (got nothing).");
    });
  });

  describe('in Spanish', () => {
    beforeEach(async () => {
      root.lang = 'es';
      await setLocale(null); // resolves once the Spanish strings are in
    });

    it('accounts that are not a list: a fully Spanish sentence on screen and in the event', async () => {
      const el = await picker();
      const detail = await failWith(el, { site: SITE, accounts: 'x' });
      const spanish = 'No se pudo usar la respuesta del servidor: el campo accounts no es una lista (se recibió texto).';
      expect(detail.error.kind).to.equal('invalid-response');
      expect(detail.error.message).to.equal(spanish);
      expect(statusText(el)).to.include(spanish);
      for (const text of [detail.error.message, statusText(el)]) {
        expect(text).not.to.include('is not a list');
        expect(text).not.to.include('got');
        expect(text).not.to.include('could not be used');
      }
    });

    for (const [name, answer] of BODIES) {
      it(`${name}: no English left in the sentence`, async () => {
        const el = await picker();
        const detail = await failWith(el, answer);
        expect(detail.error.kind).to.equal('invalid-response');
        expect(detail.error.message).to.match(/^No se pudo usar la respuesta del servidor: .+\.$/);
        expect(detail.error.message).not.to.match(ENGLISH);
        expect(statusText(el)).to.include(detail.error.message);
        expect(statusText(el)).not.to.match(ENGLISH);
      });
    }

    it('says what came in place of the object, whatever a host hands over', async () => {
      const cases: [unknown, string][] = [
        [undefined, 'no se recibió nada'],
        [null, 'se recibió el valor null'],
        [[], 'se recibió una lista'],
        ['x', 'se recibió texto'],
        [7, 'se recibió un número'],
        [false, 'se recibió un valor booleano'],
        [10n, 'se recibió un BigInt'],
        [Symbol('x'), 'se recibió un símbolo'],
        [() => 1, 'se recibió una función'],
      ];
      const el = await picker();
      for (const [index, [answer, words]] of cases.entries()) {
        el.searchAccounts = async () => answer as SearchResponse;
        const failed = nextEvent(el, 'search-error');
        typeText(el, `acme${index}`);
        const { detail } = await failed;
        expect(detail.error.message).to.equal(`No se pudo usar la respuesta del servidor: no es un objeto (${words}).`);
      }
    });

    it('an answer that is not JSON is said in Spanish too', async () => {
      worker.use(http.get(ENDPOINT, () => new HttpResponse('<html>login</html>', { headers: { 'Content-Type': 'text/html' } })));
      const el = await picker();
      const failed = nextEvent(el, 'search-error');
      typeText(el, 'acme');
      const { detail } = await failed;
      await el.updateComplete;
      expect(detail.error.message).to.equal('No se pudo usar la respuesta del servidor: no es JSON.');
      expect(statusText(el)).to.include(detail.error.message);
    });
  });
});
