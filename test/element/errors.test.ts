import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { button, clickOn, liveText, mountAt, option, options, search, shadow, statusText, typeText } from '../support/picker.js';
import { nextEvent, until } from '../support/wait.js';

/**
 * A generous timeout by default: a loaded CI machine once took over 300 ms to answer, and a test of
 * another error then saw a timeout. The timeout tests ask for a short one.
 */
function picker(timeout = 5000): Promise<LinkAccountPicker> {
  return mountAt(ENDPOINT, { timeout, multiple: true });
}

/** Runs a search that fails and returns the search-error detail. */
async function failWith(el: LinkAccountPicker, query = 'acme') {
  const failed = nextEvent(el, 'search-error');
  typeText(el, query);
  const { detail } = await failed;
  await el.updateComplete;
  return detail;
}

describe('<link-account-picker> errors', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('network failure: a specific message, a retry control, and an event', async () => {
    worker.use(http.get(ENDPOINT, () => HttpResponse.error()));
    const el = await picker();
    const detail = await failWith(el);
    expect(detail.query).to.equal('acme');
    expect(detail.error.kind).to.equal('network');
    expect(detail.error.message).to.match(/Couldn't reach the account search service/);
    expect(statusText(el)).to.include('No connection to the account search');
    expect(statusText(el)).to.include(detail.error.message);
    expect(liveText(el)).to.equal(detail.error.message);
    expect(button(el, 'retry')!.textContent!.trim()).to.equal('Try again');
  });

  it('retry runs the request again and shows its results', async () => {
    let calls = 0;
    worker.use(
      http.get(ENDPOINT, () => {
        calls++;
        return calls === 1 ? new HttpResponse('oops', { status: 503 }) : HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker();
    await failWith(el);
    const complete = nextEvent(el, 'search-complete');
    await clickOn(button(el, 'retry')!);
    await complete;
    await el.updateComplete;
    expect(calls).to.equal(2);
    expect(options(el)).to.have.length(1);
  });

  for (const [status, kindTitle, words] of [
    [401, 'Your session may have expired', /session may have expired \(HTTP 401\)/],
    [403, 'No permission to search accounts', /don't have permission .*\(HTTP 403\)/],
    [500, 'The account search failed', /had a problem \(HTTP 500\)/],
    [503, 'The account search failed', /had a problem \(HTTP 503\)/],
    [404, 'The account search was not found', /not found \(HTTP 404\)/],
    [400, 'The account search was refused', /refused \(HTTP 400\)/],
  ] as const) {
    it(`HTTP ${status}: worded for what the admin can do`, async () => {
      worker.use(http.get(ENDPOINT, () => HttpResponse.json({ error: 'x' }, { status })));
      const el = await picker();
      const detail = await failWith(el);
      expect(detail.error).to.include({ kind: 'http', status });
      expect(detail.error.message).to.match(words);
      expect(statusText(el)).to.include(kindTitle);
      expect(button(el, 'retry')).to.not.equal(null);
    });
  }

  it('HTTP 429 honours Retry-After: the retry control waits, then works', async () => {
    let calls = 0;
    const askedAt: number[] = [];
    worker.use(
      http.get(ENDPOINT, () => {
        calls++;
        askedAt.push(performance.now());
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '2' } })
          : HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker();
    const detail = await failWith(el);
    expect(detail.error).to.include({ kind: 'http', status: 429, retryAfter: 2 });
    expect(detail.error.message).to.include('try again in 2 seconds');
    expect(statusText(el)).to.include('Too many searches');
    expect(button(el, 'retry')!.disabled).to.equal(true);
    expect(button(el, 'retry')!.textContent).to.match(/Try again in [12] s/);
    // A new query typed meanwhile waits for the server's time too.
    typeText(el, 'acmex');
    await el.updateComplete;
    expect(calls).to.equal(1);
    await until(() => calls === 2, 'the held search ran after Retry-After');
    // Held for the server's 2 s, counted from before the 429 was even sent (timers never fire early).
    expect(askedAt[1]! - askedAt[0]!).to.be.at.least(2000);
    await until(() => options(el).length === 1, 'its results shown');
  });

  it('timeout: stopped after the timeout attribute, with its own message', async () => {
    worker.use(
      http.get(ENDPOINT, async () => {
        await delay(2000);
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker(300);
    const started = performance.now();
    const detail = await failWith(el);
    expect(performance.now() - started).to.be.lessThan(1500);
    expect(detail.error.kind).to.equal('timeout');
    expect(detail.error.message).to.equal('The search took longer than 0.3 seconds and was stopped. Try again.');
    expect(statusText(el)).to.include('The search timed out');
  });

  it('timeout applies to searchAccounts as well', async () => {
    const el = await picker(300);
    el.searchAccounts = () => new Promise(() => {});
    const detail = await failWith(el);
    expect(detail.error.kind).to.equal('timeout');
  });

  it('invalid response: not JSON', async () => {
    worker.use(http.get(ENDPOINT, () => new HttpResponse('<html>login</html>', { headers: { 'Content-Type': 'text/html' } })));
    const el = await picker();
    const detail = await failWith(el);
    expect(detail.error.kind).to.equal('invalid-response');
    expect(detail.error.message).to.equal("The server's answer could not be used: it is not JSON.");
    expect(statusText(el)).to.include('The server sent an answer the picker cannot read');
  });

  it('invalid response: wrong shape, with the parser\'s reason', async () => {
    worker.use(http.get(ENDPOINT, () => HttpResponse.json({ accounts: 'nope' })));
    const el = await picker();
    const detail = await failWith(el);
    expect(detail.error.kind).to.equal('invalid-response');
    expect(detail.error.message).to.equal("The server's answer could not be used: site is missing.");
  });

  it('a searchAccounts that rejects is a network error with its message; one with a status is HTTP', async () => {
    const el = await picker();
    el.searchAccounts = async () => {
      throw new Error('gateway down');
    };
    let detail = await failWith(el);
    expect(detail.error.kind).to.equal('network');
    expect(detail.error.message).to.include('gateway down');
    el.searchAccounts = async () => {
      throw Object.assign(new Error('nope'), { status: 403 });
    };
    detail = await failWith(el, 'acmex');
    expect(detail.error).to.include({ kind: 'http', status: 403 });
  });

  it('a searchAccounts that returns a bad shape is an invalid response', async () => {
    const el = await picker();
    el.searchAccounts = async () => ({ nope: true }) as never;
    const detail = await failWith(el);
    expect(detail.error.kind).to.equal('invalid-response');
  });

  it('a searchAccounts answer that throws when read is an invalid response, not a network error', async () => {
    const el = await picker();
    el.searchAccounts = async () =>
      ({
        site: { id: 'nwf', privateLabels: [] },
        get accounts(): never {
          throw new Error('revoked');
        },
      }) as never;
    const detail = await failWith(el);
    expect(detail.error.kind).to.equal('invalid-response');
    expect(statusText(el)).to.match(/could not be used/i);
  });

  it('errors never clear the selection', async () => {
    let fail = false;
    worker.use(
      http.get(ENDPOINT, () => (fail ? HttpResponse.error() : HttpResponse.json(body([accounts.linkable])))),
    );
    const el = await picker();
    await search(el, 'acme');
    await clickOn(option(el, 'a-linkable'));
    expect(el.value).to.deep.equal(['a-linkable']);
    fail = true;
    await failWith(el, 'acmex');
    expect(el.value).to.deep.equal(['a-linkable']);
    expect(el.selectedAccounts.map((a) => a.id)).to.deep.equal(['a-linkable']);
    expect(shadow(el).querySelectorAll('[part~="chip"]')).to.have.length(1);
  });

  it('partial response: shows the good accounts and says how many were left out', async () => {
    worker.use(
      http.get(ENDPOINT, () =>
        HttpResponse.json(body([accounts.linkable, null, { id: '', name: 'x' }, { id: 'x', name: 42 }, 'junk', accounts.label])),
      ),
    );
    const el = await picker();
    const complete = nextEvent(el, 'search-complete');
    await search(el, 'acme');
    const { detail } = await complete;
    expect(detail.malformed).to.equal(4);
    expect(options(el).map((row) => row.dataset.accountId)).to.deep.equal(['a-linkable', 'a-label']);
    const notice = shadow(el).querySelector('[part~="notice"]')!;
    expect(notice.textContent!.trim()).to.equal('4 accounts in the answer were malformed and are left out.');
    expect(liveText(el)).to.include('4 accounts in the answer were malformed and are left out.');
  });

  it('a single malformed account is worded in the singular', async () => {
    worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([accounts.linkable, {}]))));
    const el = await picker();
    await search(el, 'acme');
    expect(shadow(el).querySelector('[part~="notice"]')!.textContent!.trim()).to.equal(
      '1 account in the answer was malformed and is left out.',
    );
  });
});
