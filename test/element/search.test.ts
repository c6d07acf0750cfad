import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import type { SearchRequest } from '../../src/rules/types.js';
import '../../src/link-account-picker.js';
import { accounts, body } from '../support/data.js';
import { installManualClock } from '../support/clock.js';
import { ENDPOINT, flushWorker, gate, startWorker, worker } from '../support/msw.js';
import { combobox, liveText, options, search, statusText, typeText } from '../support/picker.js';
import { nextEvent, until } from '../support/wait.js';

async function picker(attrs: { debounce?: number; user?: string; limit?: number } = {}): Promise<LinkAccountPicker> {
  return fixture<LinkAccountPicker>(html`<link-account-picker
    endpoint=${ENDPOINT}
    site="nwf"
    user=${attrs.user ?? ''}
    limit=${attrs.limit ?? 25}
    label="Accounts"
    debounce=${attrs.debounce ?? 0}
  ></link-account-picker>`);
}

describe('<link-account-picker> search', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  it('sends q, site, limit and user URL-encoded, with Accept: application/json', async () => {
    let seen: Request | undefined;
    worker.use(
      http.get(ENDPOINT, ({ request }) => {
        seen = request;
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker({ user: 'u 1&x=y', limit: 10 });
    el.site = 'nw f/é';
    await search(el, 'acme & co?');
    const url = new URL(seen!.url);
    expect(url.pathname).to.equal(ENDPOINT);
    expect(url.searchParams.get('q')).to.equal('acme & co?');
    expect(url.searchParams.get('site')).to.equal('nw f/é');
    expect(url.searchParams.get('limit')).to.equal('10');
    expect(url.searchParams.get('user')).to.equal('u 1&x=y');
    expect(url.searchParams.has('cursor')).to.equal(false);
    expect(url.search).to.include('q=acme+%26+co%3F');
    expect(seen!.headers.get('accept')).to.equal('application/json');
  });

  it('leaves out user when the attribute is not set', async () => {
    let url: URL | undefined;
    worker.use(
      http.get(ENDPOINT, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json(body([]));
      }),
    );
    const el = await picker();
    await search(el, 'acme');
    expect(url!.searchParams.has('user')).to.equal(false);
  });

  it('merges fetchInit: its headers and credentials reach the request', async () => {
    let seen: Request | undefined;
    worker.use(
      http.get(ENDPOINT, ({ request }) => {
        seen = request;
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker();
    el.fetchInit = { headers: { Authorization: 'Bearer s3cret', 'X-Tenant': 't1' }, credentials: 'include' };
    await search(el, 'acme');
    expect(seen!.headers.get('authorization')).to.equal('Bearer s3cret');
    expect(seen!.headers.get('x-tenant')).to.equal('t1');
    expect(seen!.headers.get('accept')).to.equal('application/json');
    expect(seen!.credentials).to.equal('include');
    expect(el.getAttribute('fetchinit')).to.equal(null);
  });

  it('calls searchAccounts instead of fetch, and treats its result like a body', async () => {
    let fetched = false;
    worker.use(
      http.get(ENDPOINT, () => {
        fetched = true;
        return HttpResponse.json(body([]));
      }),
    );
    const calls: SearchRequest[] = [];
    const el = await picker({ user: 'u-1', limit: 5 });
    el.searchAccounts = async (request) => {
      calls.push(request);
      return body([accounts.linkable, accounts.label, { name: 'no id' }]);
    };
    const complete = nextEvent(el, 'search-complete');
    await search(el, 'acme');
    const { detail } = await complete;
    expect(fetched).to.equal(false);
    expect(calls).to.have.length(1);
    expect(calls[0]).to.include({ query: 'acme', site: 'nwf', user: 'u-1', limit: 5 });
    expect(calls[0]!.signal).to.be.instanceOf(AbortSignal);
    expect(calls[0]!.cursor).to.equal(undefined);
    expect(detail.results.map((r) => r.eligibility.code)).to.deep.equal(['linkable', 'label-mismatch']);
    expect(detail.malformed).to.equal(1);
    expect(options(el)).to.have.length(2);
  });

  it('does not search before min-chars, and says how many are needed', async () => {
    let requests = 0;
    worker.use(
      http.get(ENDPOINT, () => {
        requests++;
        return HttpResponse.json(body([]));
      }),
    );
    const el = await picker();
    el.minChars = 3;
    typeText(el, '');
    await el.updateComplete;
    expect(statusText(el)).to.equal('Type at least 3 characters of an account name or number.');
    // The hint is the search box's description (test/a11y/form-and-language.test.ts), not an announcement.
    expect(liveText(el)).to.equal('');
    typeText(el, 'ac');
    await el.updateComplete;
    expect(requests).to.equal(0);
    expect(statusText(el)).to.equal('Keep typing: searching starts at 3 characters.');
    await search(el, 'acm');
    expect(requests).to.equal(1);
  });

  it('waits for the default 250 ms debounce and sends only the last query', async () => {
    const queries: string[] = [];
    worker.use(
      http.get(ENDPOINT, ({ request }) => {
        queries.push(new URL(request.url).searchParams.get('q')!);
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts"></link-account-picker>`);
    expect(el.debounce).to.equal(250);
    // The clock moves only when the test says: keystrokes 100 ms apart stay 100 ms apart under load.
    const requested: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      requested.push(String(input instanceof Request ? input.url : input));
      return realFetch(input, init);
    };
    const clock = installManualClock();
    try {
      typeText(el, 'ac');
      clock.tick(100);
      typeText(el, 'acm');
      clock.tick(100);
      typeText(el, 'acme');
      clock.tick(150);
      await el.updateComplete;
      expect(requested, 'no request 150 ms after the last keystroke').to.deep.equal([]);
      clock.tick(100);
    } finally {
      clock.uninstall();
      window.fetch = realFetch;
    }
    await until(() => options(el).length === 1, 'results of the debounced search');
    expect(queries).to.deep.equal(['acme']);
  });

  it('shows a loading indicator while the request is in flight (announced only past a second)', async () => {
    // The answer waits until the test has seen the loading state.
    const answer = gate();
    worker.use(
      http.get(ENDPOINT, async () => {
        await answer.opened;
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker();
    typeText(el, 'acme');
    await until(() => el.shadowRoot!.querySelector('.spinner'), 'the spinner shown');
    expect(statusText(el)).to.equal('Searching for “acme”…');
    // A search this quick is not announced: its summary will be (test/a11y/announcements.test.ts).
    expect(liveText(el)).to.equal('');
    expect(combobox(el).getAttribute('aria-busy')).to.equal('true');
    answer.open();
    await until(() => options(el).length === 1, 'the results shown');
    expect(combobox(el).hasAttribute('aria-busy')).to.equal(false);
  });

  it('answers a recent query from the cache, and still fires search-complete', async () => {
    let requests = 0;
    worker.use(
      http.get(ENDPOINT, ({ request }) => {
        requests++;
        const q = new URL(request.url).searchParams.get('q');
        return HttpResponse.json(body(q === 'acme' ? [accounts.linkable] : [accounts.label, accounts.linked]));
      }),
    );
    const el = await picker();
    await search(el, 'acme');
    await search(el, 'acm');
    await until(() => options(el).length === 2, 'the results of “acm” shown');
    expect(requests).to.equal(2);
    const complete = nextEvent(el, 'search-complete');
    typeText(el, 'acme');
    const { detail } = await complete;
    expect(requests).to.equal(2);
    expect(detail.query).to.equal('acme');
    expect(detail.results.map((r) => r.account.id)).to.deep.equal(['a-linkable']);
    await until(() => options(el).length === 1, 'the cached results shown');
  });

  it('caches searchAccounts answers too', async () => {
    let calls = 0;
    const el = await picker();
    el.searchAccounts = async ({ query }) => {
      calls++;
      return body(query === 'acme' ? [accounts.linkable] : [accounts.label]);
    };
    await search(el, 'acme');
    typeText(el, 'acmx');
    await until(() => options(el)[0]?.dataset.accountId === 'a-label', 'the results of “acmx” shown');
    typeText(el, 'acme');
    await until(() => options(el)[0]?.dataset.accountId === 'a-linkable', 'the cached results of “acme” shown');
    expect(calls).to.equal(2);
  });

  it('race: a slow earlier response arriving after a fast later one never shows', async () => {
    // The earlier answer is released only once the later one is on screen.
    const slow = gate();
    let slowAsked = false;
    let slowAnswered = false;
    worker.use(
      http.get(ENDPOINT, async ({ request }) => {
        const q = new URL(request.url).searchParams.get('q');
        if (q === 'acm') {
          slowAsked = true;
          await slow.opened;
          slowAnswered = true;
          return HttpResponse.json(body([accounts.label, accounts.overdue]));
        }
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker();
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      for (const row of options(el)) seen.add(row.dataset.accountId!);
    });
    observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
    const errors: Event[] = [];
    const completes: string[] = [];
    el.addEventListener('search-error', (e) => errors.push(e));
    el.addEventListener('search-complete', (e) => completes.push(e.detail.query));

    typeText(el, 'acm');
    await until(() => slowAsked, 'the first query reached the server');
    typeText(el, 'acme');
    await until(() => options(el).length === 1, 'the later results shown');
    slow.open();
    await until(() => slowAnswered, 'the earlier query answered');
    await flushWorker();
    await el.updateComplete;
    observer.disconnect();
    expect(options(el).map((row) => row.dataset.accountId)).to.deep.equal(['a-linkable']);
    expect([...seen]).to.deep.equal(['a-linkable']);
    expect(errors).to.have.length(0);
    expect(completes).to.deep.equal(['acme']);
  });

  it('race with searchAccounts that ignores its signal: the superseded result is dropped', async () => {
    const el = await picker();
    const slow = gate();
    let slowAnswer: Promise<unknown> | undefined;
    el.searchAccounts = ({ query }) => {
      if (query !== 'acm') return Promise.resolve(body([accounts.linkable]));
      slowAnswer = slow.opened.then(() => body([accounts.label]));
      return slowAnswer as ReturnType<NonNullable<LinkAccountPicker['searchAccounts']>>;
    };
    typeText(el, 'acm');
    await until(() => slowAnswer !== undefined, 'the first query asked');
    typeText(el, 'acme');
    await until(() => options(el).length === 1, 'the later results shown');
    slow.open();
    await slowAnswer;
    await el.updateComplete;
    expect(options(el).map((row) => row.dataset.accountId)).to.deep.equal(['a-linkable']);
  });

  it('aborts the request in flight when a new query starts, and reports no error for it', async () => {
    const signals: AbortSignal[] = [];
    const el = await picker();
    el.searchAccounts = ({ signal, query }) => {
      signals.push(signal);
      // "acme" answers at once; "acm" answers only if nothing aborts it first.
      if (query === 'acme') return Promise.resolve(body([accounts.linkable]));
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    };
    let errors = 0;
    el.addEventListener('search-error', () => errors++);
    typeText(el, 'acm');
    await until(() => signals.length === 1, 'the first query asked');
    typeText(el, 'acme');
    await until(() => options(el).length === 1, 'the later results shown');
    expect(signals[0]!.aborted).to.equal(true);
    expect(signals[1]!.aborted).to.equal(false);
    expect(errors).to.equal(0);
    expect(statusText(el)).to.not.match(/Try again/);
  });

  it('going back under min-chars abandons the search without an error', async () => {
    const answer = gate();
    let asked = false;
    let answered = false;
    worker.use(
      http.get(ENDPOINT, async () => {
        asked = true;
        await answer.opened;
        answered = true;
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker();
    let events = 0;
    el.addEventListener('search-error', () => events++);
    el.addEventListener('search-complete', () => events++);
    typeText(el, 'acme');
    await until(() => asked, 'the query reached the server');
    typeText(el, 'a');
    await el.updateComplete;
    answer.open();
    await until(() => answered, 'the server answered');
    await flushWorker();
    await el.updateComplete;
    expect(events).to.equal(0);
    expect(options(el)).to.have.length(0);
    expect(statusText(el)).to.equal('Keep typing: searching starts at 2 characters.');
  });

  it('searches again when the site changes', async () => {
    const sites: string[] = [];
    worker.use(
      http.get(ENDPOINT, ({ request }) => {
        sites.push(new URL(request.url).searchParams.get('site')!);
        return HttpResponse.json(body([accounts.linkable]));
      }),
    );
    const el = await picker();
    await search(el, 'acme');
    el.site = 'summit';
    await until(() => sites.length === 2, 'a second search for the new site');
    expect(sites).to.deep.equal(['nwf', 'summit']);
  });

  it('cleans up on disconnect: the request in flight is aborted and nothing fires', async () => {
    let signal: AbortSignal | undefined;
    const answer = gate();
    let answered: Promise<unknown> | undefined;
    const el = await picker();
    el.searchAccounts = (request) => {
      signal = request.signal;
      answered = answer.opened.then(() => body([accounts.linkable]));
      return answered as ReturnType<NonNullable<LinkAccountPicker['searchAccounts']>>;
    };
    let events = 0;
    el.addEventListener('search-complete', () => events++);
    el.addEventListener('search-error', () => events++);
    typeText(el, 'acme');
    await until(() => signal, 'the query asked');
    el.remove();
    expect(signal!.aborted).to.equal(true);
    // The answer arrives after the removal: it must change nothing.
    answer.open();
    await answered;
    await el.updateComplete;
    expect(events).to.equal(0);
  });
});

describe('<link-account-picker> configuration', () => {
  it('says so when it has nowhere to search', async () => {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker site="nwf" label="Accounts" debounce="0"></link-account-picker>`);
    const failed = nextEvent(el, 'search-error');
    typeText(el, 'acme');
    const { detail } = await failed;
    expect(detail.error.message).to.equal(
      'The picker has nowhere to search: set its endpoint attribute or its searchAccounts property.',
    );
  });

  it('names an endpoint that is not a URL, in words, not as a script error', async () => {
    const el = await fixture<LinkAccountPicker>(
      html`<link-account-picker endpoint="http://[::1" site="nwf" label="Accounts" debounce="0"></link-account-picker>`,
    );
    const failed = nextEvent(el, 'search-error');
    typeText(el, 'acme');
    const { detail } = await failed;
    expect(detail.error.kind).to.equal('network');
    expect(detail.error.message).to.equal("The picker's endpoint “http://[::1” is not a valid URL: check its endpoint attribute.");
    await until(() => el.shadowRoot!.querySelector('[part~="error"]')?.textContent?.includes('is not a valid URL'), 'shown');
    expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).not.to.include('TypeError');
  });

  it('brings its results back when moved in the page', async () => {
    let calls = 0;
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker site="nwf" label="Accounts" debounce="0"></link-account-picker>`);
    el.searchAccounts = async () => {
      calls++;
      return body([accounts.linkable]);
    };
    await search(el, 'acme');
    const parent = el.parentElement!;
    el.remove();
    const complete = nextEvent(el, 'search-complete');
    parent.append(el);
    expect((await complete).detail.query).to.equal('acme');
    combobox(el).focus();
    await until(() => options(el).length === 1, 'results back');
    expect(calls).to.equal(1);
  });
});
