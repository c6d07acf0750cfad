/**
 * link-account-picker/server: createSearchHandler over the in-memory source. The contract's answers
 * (docs/endpoint.md), each parameter's 400, the host's policy, internal errors that never leak, and
 * aborted requests that stop the data layer. Cursors have their own file (server-cursor.test.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { untilAborted } from '../../mocks/account-source.js';
import { createDataset, DEFAULT_SEED } from '../../mocks/data.js';
import { parseSearchResponse } from '../../src/rules/parse-response.js';
import { createSearchHandler } from '../../src/server/index.js';
import type { AccountQuery } from '../../src/server/types.js';
import { ENDPOINT, get, harness, searchUrl, SECRET } from './support/server-harness.js';

const SEARCH = { q: 'lake', site: 'northwind', limit: '10' };

describe('createSearchHandler: a search', () => {
  it('answers 200 JSON in the documented shape, asOf from the injected clock, not cached', async () => {
    const { handler, clock } = harness({ syncWindowMinutes: 20 });
    clock.now = new Date('2026-12-01T08:30:00.000Z');
    const answer = await get(handler, SEARCH);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(answer.headers.get('Cache-Control'), 'no-store');
    assert.equal(answer.body.asOf, '2026-12-01T08:30:00.000Z');
    assert.equal(answer.body.syncWindowMinutes, 20);
    assert.deepEqual(answer.body.site, { id: 'northwind', name: 'Northwind Equipment Finance', privateLabels: ['NWF', 'NWF-AG'], includeUnlabeled: true });
    assert.equal((answer.body.accounts as unknown[]).length, 10);
    assert.equal(typeof answer.body.nextCursor, 'string');
    assert.equal(answer.body.total, 28);
    const parsed = parseSearchResponse(answer.body);
    assert.ok(parsed.ok);
    assert.equal(parsed.malformed, 0);
    assert.deepEqual(parsed.problems, []);
  });

  it('passes the search to the data layer: q trimmed, the site as found, the user, the limit and the signal', async () => {
    const { handler, source } = harness();
    await get(handler, { q: '  lake  ', site: ' northwind ', limit: '7', user: 'usr-1001' });
    assert.equal(source.queries.length, 1);
    const [query] = source.queries as [AccountQuery];
    assert.equal(query.text, 'lake');
    assert.equal(query.site.id, 'northwind');
    assert.deepEqual(query.site.privateLabels, ['NWF', 'NWF-AG']);
    assert.equal(query.user, 'usr-1001');
    assert.equal(query.limit, 7);
    assert.equal(query.after, undefined);
    assert.ok(query.signal instanceof AbortSignal);
  });

  it('with user, every account says whether it is linked to that user', async () => {
    const { handler } = harness();
    const answer = await get(handler, { ...SEARCH, user: 'usr-1001' });
    const accounts = answer.body.accounts as { linkedToUser?: unknown }[];
    assert.ok(accounts.length > 0);
    assert.ok(accounts.every((a) => typeof a.linkedToUser === 'boolean'));
  });

  it('an empty user is no user (a host with none set may still send user=)', async () => {
    const { handler, source } = harness();
    const answer = await get(handler, { ...SEARCH, user: '' });
    assert.equal(answer.status, 200);
    assert.equal(source.queries[0]!.user, undefined);
  });

  it('no matches: 200 with no accounts, nextCursor null and total 0', async () => {
    const { handler } = harness();
    const answer = await get(handler, { ...SEARCH, q: 'zzqx nothing matches this' });
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.accounts, []);
    assert.equal(answer.body.nextCursor, null);
    assert.equal(answer.body.total, 0);
  });

  it('limit absent: defaultLimit; larger than maxLimit: clamped to it', async () => {
    const { handler, source } = harness({ defaultLimit: 5, maxLimit: 12 });
    const absent = await get(handler, { q: 'lake', site: 'northwind' });
    assert.equal((absent.body.accounts as unknown[]).length, 5);
    const large = await get(handler, { ...SEARCH, limit: '500' });
    assert.equal(large.status, 200);
    assert.equal((large.body.accounts as unknown[]).length, 12);
    const huge = await get(handler, { ...SEARCH, limit: '99999999999999999999999' });
    assert.equal(huge.status, 200);
    assert.deepEqual(source.queries.map((q) => q.limit), [5, 12, 12]);
  });

  it('a total counted to the end is sent as total; one that stopped at a cap is left out and sent as totalAtLeast', async () => {
    const exact = await get(harness().handler, SEARCH);
    assert.equal(exact.body.total, 28);
    assert.equal('totalAtLeast' in exact.body, false);

    const capped = await get(harness({}, { countCap: 20 }).handler, SEARCH);
    assert.equal(capped.status, 200);
    assert.equal('total' in capped.body, false);
    assert.equal(capped.body.totalAtLeast, 20);
    // The picker's reader takes the extension in its stride.
    const parsed = parseSearchResponse(capped.body);
    assert.ok(parsed.ok);
    assert.equal(parsed.response.total, undefined);
    assert.deepEqual(parsed.problems, []);
  });

  it('HEAD: the same status and headers as GET, no body', async () => {
    const { handler } = harness();
    const response = await handler(new Request(searchUrl(SEARCH), { method: 'HEAD' }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(await response.text(), '');
    const refused = await handler(new Request(searchUrl({ q: 'lake' }), { method: 'HEAD' }));
    assert.equal(refused.status, 400);
    assert.equal(await refused.text(), '');
  });

  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    it(`${method}: 405 with Allow: GET, HEAD, in the error shape, the data layer untouched`, async () => {
      const { handler, source } = harness();
      const response = await handler(new Request(searchUrl(SEARCH), { method, ...(method === 'OPTIONS' || method === 'DELETE' ? {} : { body: '{}' }) }));
      assert.equal(response.status, 405);
      assert.equal(response.headers.get('Allow'), 'GET, HEAD');
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.error, 'method-not-allowed');
      assert.match(body.message as string, new RegExp(method));
      assert.equal(source.queries.length + source.siteLookups.length, 0);
    });
  }
});

describe('createSearchHandler: each parameter\'s 400 names it', () => {
  const cases: { name: string; params: Record<string, string> | [string, string][]; parameter: string; error: string; says: RegExp }[] = [
    { name: 'site missing', params: { q: 'lake' }, parameter: 'site', error: 'missing-parameter', says: /^site is required/ },
    { name: 'site empty', params: { q: 'lake', site: '' }, parameter: 'site', error: 'missing-parameter', says: /^site is required/ },
    { name: 'site blank', params: { q: 'lake', site: '   ' }, parameter: 'site', error: 'missing-parameter', says: /^site is required/ },
    { name: 'site too long', params: { q: 'lake', site: 'n'.repeat(201) }, parameter: 'site', error: 'invalid-parameter', says: /^site is longer than 200 characters/ },
    { name: 'site with a control character', params: { q: 'lake', site: 'north\u0000wind' }, parameter: 'site', error: 'invalid-parameter', says: /^site contains a control character/ },
    { name: 'q missing', params: { site: 'northwind' }, parameter: 'q', error: 'missing-parameter', says: /^q is required/ },
    { name: 'q empty', params: { q: '', site: 'northwind' }, parameter: 'q', error: 'invalid-parameter', says: /^q must be at least 2 characters/ },
    { name: 'q one character', params: { q: 'l', site: 'northwind' }, parameter: 'q', error: 'invalid-parameter', says: /^q must be at least 2 characters/ },
    { name: 'q one character among spaces', params: { q: '  l  ', site: 'northwind' }, parameter: 'q', error: 'invalid-parameter', says: /^q must be at least 2 characters/ },
    { name: 'q over 200 characters', params: { q: 'l'.repeat(201), site: 'northwind' }, parameter: 'q', error: 'invalid-parameter', says: /^q must be at most 200 characters/ },
    { name: 'q with a control character', params: { q: 'la\u0007ke', site: 'northwind' }, parameter: 'q', error: 'invalid-parameter', says: /^q contains a control character/ },
    { name: 'q with a C1 control character', params: { q: 'la\u0085ke', site: 'northwind' }, parameter: 'q', error: 'invalid-parameter', says: /^q contains a control character/ },
    ...['0', '-1', 'abc', '1.5', '', ' 5', '+5', '1e3', '0x10', '000'].map((limit) => ({
      name: `limit ${JSON.stringify(limit)}`,
      params: { ...SEARCH, limit },
      parameter: 'limit',
      error: 'invalid-parameter',
      says: /^limit must be a positive integer/,
    })),
    { name: 'user too long', params: { ...SEARCH, user: 'u'.repeat(201) }, parameter: 'user', error: 'invalid-parameter', says: /^user is longer than 200 characters/ },
    { name: 'user with a newline', params: { ...SEARCH, user: 'usr-1001\nX-Injected: 1' }, parameter: 'user', error: 'invalid-parameter', says: /^user contains a control character/ },
    { name: 'cursor empty', params: { ...SEARCH, cursor: '' }, parameter: 'cursor', error: 'invalid-cursor', says: /^cursor is empty: search again/ },
    { name: 'cursor far too long', params: { ...SEARCH, cursor: 'a'.repeat(5000) }, parameter: 'cursor', error: 'invalid-cursor', says: /search again from the first page/ },
    ...['q', 'site', 'limit', 'user', 'cursor'].map((parameter) => ({
      name: `${parameter} given twice`,
      params: [...Object.entries({ ...SEARCH, user: 'usr-1001', cursor: 'x.y' }), [parameter, parameter === 'limit' ? '5' : 'other']] as [string, string][],
      parameter,
      error: 'repeated-parameter',
      says: new RegExp(`^${parameter} was given 2 times: give it once`),
    })),
  ];

  for (const c of cases) {
    it(`${c.name} → 400 ${c.error} naming ${c.parameter}`, async () => {
      const { handler, source, logged } = harness();
      const answer = await get(handler, c.params);
      assert.equal(answer.status, 400);
      assert.equal(answer.headers.get('Content-Type'), 'application/json; charset=utf-8');
      assert.deepEqual(Object.keys(answer.body).sort(), ['error', 'message', 'parameter']);
      assert.equal(answer.body.error, c.error);
      assert.equal(answer.body.parameter, c.parameter);
      assert.match(answer.body.message as string, c.says);
      assert.equal(source.queries.length, 0, 'the data layer was not asked');
      assert.deepEqual(logged, [], 'a client\'s mistake is no server error');
    });
  }

  it('property: any query string is answered 200, 400 naming one of the five parameters, or 404; never 500', async () => {
    // A small world (the story accounts and 100 more): this is about parameters, not about ranking 2,500 accounts 400 times.
    const { handler, logged } = harness({}, { dataset: createDataset({ seed: DEFAULT_SEED, count: 100, anchor: Date.parse('2026-11-30T12:00:00Z') }) });
    const name = fc.constantFrom('q', 'site', 'limit', 'cursor', 'user', 'tenant', 'Q', 'q ', '');
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('lake', 'northwind', 'summit', '10', '0', '-1', '1e2', '999999999999999999999', 'usr-1001', ' ', '%', '\u0000'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(name, value), { maxLength: 7 }), async (pairs) => {
        const answer = await get(handler, pairs);
        assert.ok([200, 400, 404].includes(answer.status), `${JSON.stringify(pairs)} → ${answer.status} ${JSON.stringify(answer.body)}`);
        if (answer.status === 400) {
          assert.ok(['q', 'site', 'limit', 'cursor', 'user'].includes(answer.body.parameter as string), JSON.stringify(answer.body));
          assert.match(answer.body.message as string, new RegExp(`^${answer.body.parameter as string} `));
        }
      }),
      { numRuns: 200 },
    );
    assert.deepEqual(logged, []);
  });

  it('parameters the handler does not read (a host\'s own) are left alone', async () => {
    const answer = await get(harness().handler, { ...SEARCH, tenant: '7', q2: 'x' });
    assert.equal(answer.status, 200);
  });

  it('a site of 200 characters and a q of 200 are taken (the bounds are inclusive)', async () => {
    const { handler, source } = harness();
    const site = await get(handler, { q: 'lake', site: 'n'.repeat(200) });
    assert.equal(site.status, 404);
    const q = await get(handler, { q: 'é'.repeat(200), site: 'northwind' });
    assert.equal(q.status, 200);
    assert.equal(source.queries.at(-1)!.text.length, 200);
  });
});

describe('createSearchHandler: the host\'s policy', () => {
  it('authorize refusing with 401: its message, error unauthenticated, nothing searched', async () => {
    const targets: unknown[] = [];
    const { handler, source } = harness({
      policy: {
        authorize: (request, target) => {
          targets.push({ target, auth: request.headers.get('Authorization') });
          return { allow: false, status: 401, message: 'Your session has expired. Sign in again.' };
        },
      },
    });
    const answer = await get(handler, { ...SEARCH, user: 'usr-1001' }, { headers: { Authorization: 'Bearer old' } });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, { error: 'unauthenticated', message: 'Your session has expired. Sign in again.' });
    assert.deepEqual(targets, [{ target: { site: 'northwind', user: 'usr-1001' }, auth: 'Bearer old' }]);
    assert.equal(source.siteLookups.length + source.queries.length, 0);
  });

  it('a refusal\'s headers are sent (WWW-Authenticate on a 401), but never replace the JSON type or no-store', async () => {
    const { handler } = harness({
      policy: { authorize: () => ({ allow: false, status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="portal"', 'content-type': 'text/html', 'Cache-Control': 'max-age=600' } }) },
    });
    const answer = await get(handler, SEARCH);
    assert.equal(answer.status, 401);
    assert.equal(answer.headers.get('WWW-Authenticate'), 'Bearer realm="portal"');
    assert.equal(answer.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(answer.headers.get('Cache-Control'), 'no-store');
    assert.equal(answer.body.message, 'Sign in again, then retry the search.');
  });

  it('authorize refusing with 403 and no message: forbidden, with a plain default message', async () => {
    const { handler } = harness({ policy: { authorize: async () => ({ allow: false, status: 403 }) } });
    const answer = await get(handler, SEARCH);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, { error: 'forbidden', message: 'You do not have permission to search accounts on this site.' });
  });

  it('authorize runs before the site is looked up: an unauthorized client can\'t tell which sites exist', async () => {
    const { handler, source } = harness({ policy: { authorize: () => ({ allow: false, status: 403 }) } });
    const answer = await get(handler, { q: 'lake', site: 'no-such-site' });
    assert.equal(answer.status, 403);
    assert.deepEqual(source.siteLookups, []);
  });

  it('rateLimit: 429 rate-limited with Retry-After in whole seconds, rounded up', async () => {
    for (const [wait, header] of [[2.3, '3'], [1, '1'], [0.01, '1'], [60, '60']] as const) {
      const { handler, source } = harness({ policy: { rateLimit: () => wait } });
      const answer = await get(handler, SEARCH);
      assert.equal(answer.status, 429);
      assert.equal(answer.headers.get('Retry-After'), header);
      assert.equal(answer.body.error, 'rate-limited');
      assert.match(answer.body.message as string, new RegExp(`Try again in ${header} second`));
      assert.equal(source.queries.length, 0);
    }
  });

  it('rateLimit answering null, 0 or undefined lets the search go ahead', async () => {
    for (const wait of [null, 0, undefined]) {
      const answer = await get(harness({ policy: { rateLimit: async () => wait as number | null } }).handler, SEARCH);
      assert.equal(answer.status, 200);
    }
  });

  it('rateLimit runs first: a flood of bad requests is limited too', async () => {
    const answer = await get(harness({ policy: { rateLimit: () => 5 } }).handler, { q: 'l' });
    assert.equal(answer.status, 429);
  });

  it('an unknown site: 404 unknown-site naming it', async () => {
    const answer = await get(harness().handler, { q: 'lake', site: 'northwnd' });
    assert.equal(answer.status, 404);
    assert.deepEqual(answer.body, { error: 'unknown-site', message: 'No portal site "northwnd".' });
  });
});

describe('createSearchHandler: internal errors never leak', () => {
  const SECRET_TEXT = 'password=hunter2 host=db.internal:5432';
  const leaks: { name: string; setup: (h: ReturnType<typeof harness>) => void; options?: Parameters<typeof harness>[0]; logs: RegExp }[] = [
    { name: 'searchAccounts throws', setup: (h) => (h.source.override = () => Promise.reject(new Error(SECRET_TEXT))), logs: /the search failed/ },
    { name: 'findSite throws', setup: (h) => (h.source.findSite = () => Promise.reject(new Error(SECRET_TEXT))), logs: /the search failed/ },
    { name: 'authorize throws', setup: () => {}, options: { policy: { authorize: () => { throw new Error(SECRET_TEXT); } } }, logs: /the search failed/ },
    { name: 'rateLimit rejects', setup: () => {}, options: { policy: { rateLimit: () => Promise.reject(new Error(SECRET_TEXT)) } }, logs: /the search failed/ },
    { name: 'searchAccounts throws a non-Error', setup: (h) => (h.source.override = () => Promise.reject(SECRET_TEXT)), logs: /the search failed/ },
  ];
  for (const l of leaks) {
    it(`${l.name}: 500 internal-error with a plain message; the cause goes to the logger`, async () => {
      const h = harness(l.options);
      l.setup(h);
      const response = await h.handler(new Request(searchUrl(SEARCH)));
      const text = await response.text();
      assert.equal(response.status, 500);
      assert.deepEqual(JSON.parse(text), { error: 'internal-error', message: 'Something went wrong on our side while searching accounts. Try again in a moment.' });
      assert.doesNotMatch(text, /hunter2|db\.internal|Error|at /);
      assert.equal(h.logged.length, 1);
      assert.match(h.logged[0]!.message, l.logs);
      assert.match(h.logged[0]!.message, /\(GET \/api\/accounts\/search\)$/);
      assert.match(String(h.logged[0]!.cause), /hunter2/);
    });
  }

  it('the log line holds no query string (what the admin typed, the user)', async () => {
    const h = harness();
    h.source.override = () => Promise.reject(new Error('boom'));
    await get(h.handler, { ...SEARCH, user: 'usr-1001' });
    assert.doesNotMatch(h.logged[0]!.message, /lake|usr-1001/);
  });

  const malformed: { name: string; page: unknown; logs: RegExp }[] = [
    { name: 'no page at all', page: undefined, logs: /returned no page object/ },
    { name: 'accounts not a list', page: { accounts: {}, next: null }, logs: /accounts is not a list/ },
    { name: 'an account with no id', page: { accounts: [{ name: 'X', contracts: [] }], next: null }, logs: /accounts\[0\] without a non-empty string id and name/ },
    { name: 'an account that is a string', page: { accounts: ['acc-1'], next: null }, logs: /accounts\[0\]/ },
    { name: 'one id twice', page: { accounts: [{ id: 'a', name: 'A', contracts: [] }, { id: 'a', name: 'B', contracts: [] }], next: null }, logs: /the id "a" twice/ },
    { name: 'more accounts than the limit', page: { accounts: Array.from({ length: 11 }, (_, i) => ({ id: `a${i}`, name: 'A', contracts: [] })), next: null }, logs: /11 accounts for a limit of 10/ },
    { name: 'next left out', page: { accounts: [] }, logs: /no next: give null on the last page/ },
    { name: 'a total that is a number', page: { accounts: [], next: null, total: 5 }, logs: /total that is not/ },
    { name: 'a negative count', page: { accounts: [], next: null, total: { count: -1, exact: true } }, logs: /total that is not/ },
    { name: 'a next that is no JSON', page: { accounts: [], next: { big: 1n } }, logs: /the search failed/ },
  ];
  for (const m of malformed) {
    it(`a malformed page (${m.name}) is an internal error: 500, logged with the rule it broke`, async () => {
      const h = harness();
      h.source.override = async () => m.page;
      const answer = await get(h.handler, SEARCH);
      assert.equal(answer.status, 500);
      assert.equal(answer.body.error, 'internal-error');
      assert.equal(h.logged.length, 1);
      assert.match(h.logged[0]!.message, m.logs);
    });
  }

  it('a malformed site from findSite is an internal error; extra fields of a good one stay on the server, for the data layer', async () => {
    const bad = harness();
    bad.source.findSite = async () => ({ id: 'northwind', privateLabels: 'NWF' }) as never;
    assert.equal((await get(bad.handler, SEARCH)).status, 500);
    assert.match(bad.logged[0]!.message, /privateLabels is not a list of strings/);

    const extra = harness();
    extra.source.findSite = async (id) => ({ id, privateLabels: ['NWF'], internalDbId: 991, tenantSecret: 's3' }) as never;
    const answer = await get(extra.handler, SEARCH);
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.site, { id: 'northwind', privateLabels: ['NWF'] });
    // The data layer gets its own object back, internal fields included: it may need them to search.
    assert.equal((extra.source.queries[0]!.site as unknown as { internalDbId: number }).internalDbId, 991);
  });

  it('a policy decision of the wrong shape is an internal error, never an allow', async () => {
    for (const decision of [undefined, { allow: 'yes' }, { allow: false, status: 500 }, { allow: false }]) {
      const h = harness({ policy: { authorize: () => decision as never } });
      const answer = await get(h.handler, SEARCH);
      assert.equal(answer.status, 500, JSON.stringify(decision));
      assert.equal(h.source.queries.length, 0);
    }
    for (const headers of ['Bearer', { 'WWW-Authenticate': 7 }, { 'Bad Name': 'x' }]) {
      const h = harness({ policy: { authorize: () => ({ allow: false, status: 401, headers }) as never } });
      const answer = await get(h.handler, SEARCH);
      assert.equal(answer.status, 500, JSON.stringify(headers));
      assert.equal(h.logged.length, 1);
    }
    for (const wait of [-1, Number.NaN, '5', Infinity]) {
      const h = harness({ policy: { rateLimit: () => wait as number } });
      const answer = await get(h.handler, SEARCH);
      assert.equal(answer.status, wait === Infinity ? 429 : 500, String(wait));
    }
  });

  it('without a logger, the cause goes to console.error', async (t) => {
    const calls: unknown[][] = [];
    t.mock.method(console, 'error', (...args: unknown[]) => void calls.push(args));
    const handler = createSearchHandler({
      source: { findSite: () => Promise.reject(new Error('db down')), searchAccounts: () => Promise.reject(new Error('unused')) },
      cursorSecret: SECRET,
    });
    const response = await handler(new Request(searchUrl(SEARCH)));
    assert.equal(response.status, 500);
    assert.equal(calls.length, 1);
    assert.match(String(calls[0]![1]), /db down/);
  });
});

describe('createSearchHandler: an aborted request', () => {
  it('aborts the data layer\'s signal, answers 499 and logs nothing', async () => {
    const h = harness();
    h.source.override = untilAborted;
    const controller = new AbortController();
    const pending = h.handler(new Request(searchUrl(SEARCH), { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(h.source.queries.length, 1);
    const { signal } = h.source.queries[0]!;
    assert.equal(signal.aborted, false);
    controller.abort();
    const response = await pending;
    assert.equal(signal.aborted, true, 'the data layer saw the abort');
    assert.equal(response.status, 499);
    assert.equal(((await response.json()) as { error: string }).error, 'client-closed-request');
    assert.deepEqual(h.logged, []);
  });

  it('a request already aborted is not searched at all', async () => {
    const h = harness();
    const response = await h.handler(new Request(searchUrl(SEARCH), { signal: AbortSignal.abort() }));
    assert.equal(response.status, 499);
    assert.equal(h.source.queries.length + h.source.siteLookups.length, 0);
  });

  it('aborted while the policy decides: the data layer is never asked', async () => {
    const controller = new AbortController();
    const h = harness({
      policy: {
        authorize: async () => {
          controller.abort();
          return { allow: true };
        },
      },
    });
    const response = await h.handler(new Request(searchUrl(SEARCH), { signal: controller.signal }));
    assert.equal(response.status, 499);
    assert.equal(h.source.queries.length + h.source.siteLookups.length, 0);
    assert.deepEqual(h.logged, []);
  });

  it('a data layer that finishes in spite of the abort: still 499, nothing logged', async () => {
    const controller = new AbortController();
    const h = harness();
    const real = h.source.searchAccounts.bind(h.source);
    h.source.searchAccounts = async (query) => {
      controller.abort();
      return real({ ...query, signal: new AbortController().signal });
    };
    const response = await h.handler(new Request(searchUrl(SEARCH), { signal: controller.signal }));
    assert.equal(response.status, 499);
    assert.deepEqual(h.logged, []);
  });
});

describe('createSearchHandler: host code that ignores the signal', () => {
  /** A search that heeds nothing: it never settles, abort or not. */
  const forever = () => new Promise<never>(() => {});

  it('the client aborting still ends the request at once: 499, nothing logged', async () => {
    const h = harness();
    h.source.override = forever;
    const controller = new AbortController();
    const pending = h.handler(new Request(searchUrl(SEARCH), { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    const response = await pending;
    assert.equal(response.status, 499);
    assert.deepEqual(h.logged, []);
  });

  it('timeoutMs: a search past it is stopped (its signal aborts) and answered 503 timeout, nothing logged', async () => {
    const h = harness({ timeoutMs: 50 });
    h.source.override = forever;
    const started = performance.now();
    const answer = await get(h.handler, SEARCH);
    const took = performance.now() - started;
    assert.equal(answer.status, 503);
    assert.deepEqual(answer.body, { error: 'timeout', message: 'The search took longer than 50 ms. Try a more specific query, or try again in a moment.' });
    assert.equal(h.source.queries[0]!.signal.aborted, true, 'the data layer was told to stop');
    assert.ok(took >= 45 && took < 2000, `answered after ${Math.round(took)} ms`);
    assert.deepEqual(h.logged, []);
  });

  it('timeoutMs covers the policy and the site lookup too', async () => {
    const slowPolicy = harness({ timeoutMs: 30, policy: { authorize: forever } });
    assert.equal((await get(slowPolicy.handler, SEARCH)).status, 503);
    const slowSite = harness({ timeoutMs: 30 });
    slowSite.source.findSite = forever;
    assert.equal((await get(slowSite.handler, SEARCH)).status, 503);
  });

  it('timeoutMs: a search within it answers 200, and the client aborting is still 499', async () => {
    const h = harness({ timeoutMs: 5000 });
    assert.equal((await get(h.handler, SEARCH)).status, 200);
    h.source.override = untilAborted;
    const controller = new AbortController();
    const pending = h.handler(new Request(searchUrl(SEARCH), { signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    assert.equal((await pending).status, 499);
  });

  it('without timeoutMs, a slow search is not cut short', async () => {
    const h = harness();
    h.source.override = async (query) => {
      await new Promise((resolve) => setTimeout(resolve, 120));
      return { accounts: [], next: null, total: { count: 0, exact: true }, query };
    };
    const answer = await get(h.handler, SEARCH);
    assert.equal(answer.status, 200);
  });
});

describe('createSearchHandler: options', () => {
  const source = { findSite: async () => null, searchAccounts: async () => ({ accounts: [], next: null }) };

  it('refuses a cursorSecret under 32 bytes at creation, saying how to make one', () => {
    assert.throws(() => createSearchHandler({ source, cursorSecret: 'short' }), { name: 'RangeError', message: /at least 32 bytes of secret \(got 5\).*openssl rand/ });
    assert.throws(() => createSearchHandler({ source, cursorSecret: new Uint8Array(31) }), /got 31/);
    // 16 characters of 2 bytes each are 32 bytes.
    assert.doesNotThrow(() => createSearchHandler({ source, cursorSecret: 'é'.repeat(16) }));
    assert.doesNotThrow(() => createSearchHandler({ source, cursorSecret: new Uint8Array(32) }));
  });

  it('refuses numbers out of range and a source without its methods', () => {
    assert.throws(() => createSearchHandler({ source, cursorSecret: SECRET, maxLimit: 0 }), /maxLimit must be a positive integer/);
    assert.throws(() => createSearchHandler({ source, cursorSecret: SECRET, defaultLimit: 2.5 }), /defaultLimit must be a positive integer/);
    assert.throws(() => createSearchHandler({ source, cursorSecret: SECRET, cursorTtlSeconds: -1 }), /cursorTtlSeconds/);
    assert.throws(() => createSearchHandler({ source, cursorSecret: SECRET, syncWindowMinutes: 0 }), /syncWindowMinutes/);
    assert.throws(() => createSearchHandler({ source, cursorSecret: SECRET, timeoutMs: 0 }), /timeoutMs must be a positive integer/);
    assert.throws(() => createSearchHandler({ source: {} as never, cursorSecret: SECRET }), /findSite and searchAccounts/);
  });

  it('a defaultLimit above maxLimit is brought down to it', async () => {
    const h = harness({ defaultLimit: 50, maxLimit: 8 });
    const answer = await get(h.handler, { q: 'lake', site: 'northwind' });
    assert.equal((answer.body.accounts as unknown[]).length, 8);
  });

  it('maxQueryLength sets the longest q', async () => {
    const h = harness({ maxQueryLength: 10 });
    assert.equal((await get(h.handler, { q: 'l'.repeat(10), site: 'northwind' })).status, 200);
    const answer = await get(h.handler, { q: 'l'.repeat(11), site: 'northwind' });
    assert.equal(answer.status, 400);
    assert.match(answer.body.message as string, /at most 10 characters/);
  });

  it('the endpoint constant is only the tests\' URL: the handler reads no host or path', async () => {
    const h = harness();
    const answer = await h.handler(new Request(searchUrl(SEARCH).replace(ENDPOINT, 'http://other.example/x')));
    assert.equal(answer.status, 200);
  });
});
