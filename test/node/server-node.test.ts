/**
 * link-account-picker/server over real HTTP: the handler served by `toNodeListener` on 127.0.0.1,
 * checked by the package's own `check-endpoint` (every check passes), a client that hangs up
 * mid-search (the data layer's signal aborts, nothing is logged), and the adapter's details.
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { untilAborted } from '../../mocks/account-source.js';
import { main } from '../../src/cli/link-account-picker.js';
import type { Report } from '../../src/cli/report.js';
import { toNodeListener } from '../../src/server/node.js';
import type { SearchHandler } from '../../src/server/types.js';
import { harness, type Harness } from './support/server-harness.js';

const ORIGIN = 'https://portal.example.test';
const TOKEN = 'Bearer test-token';

/** CORS around the handler, the way docs/endpoint.md tells a host to add it. */
function withCors(handler: SearchHandler, origin: string): SearchHandler {
  return async (request) => {
    const allowed = request.headers.get('Origin') === origin;
    if (request.method === 'OPTIONS') {
      const headers: Record<string, string> = allowed
        ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': 'authorization', 'Access-Control-Max-Age': '600', Vary: 'Origin' }
        : {};
      return new Response(null, { status: 204, headers });
    }
    const response = await handler(request);
    if (allowed) {
      response.headers.set('Access-Control-Allow-Origin', origin);
      response.headers.append('Vary', 'Origin');
    }
    return response;
  };
}

/**
 * At most `limit` searches per minute, then the seconds left in that minute: the host's policy, in
 * memory. A minute, not a second: the checker sends 5 searches and then a burst of 25, and on a busy
 * machine a burst can take longer than a second to arrive, so a per-second limit may never trip.
 */
function rateLimit(limit: number) {
  let windowStart = Date.now();
  let count = 0;
  return () => {
    const now = Date.now();
    if (now - windowStart >= 60_000) {
      windowStart = now;
      count = 0;
    }
    count++;
    return count > limit ? (windowStart + 60_000 - now) / 1000 : null;
  };
}

async function listen(handler: SearchHandler): Promise<{ server: Server; url: string }> {
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/accounts/search` };
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

describe('server over node:http: check-endpoint', () => {
  let h: Harness;
  let server: Server;
  let url: string;
  before(async () => {
    h = harness({
      // The checker compares asOf with its own clock: this one runs in real time.
      now: () => new Date(),
      policy: {
        rateLimit: rateLimit(20), // 5 searches, then the burst's first 15 pass and its last 10 are refused
        authorize: (request) => (request.headers.get('Authorization') === TOKEN ? { allow: true } : { allow: false, status: 401, message: 'Sign in again.' }),
      },
    });
    ({ server, url } = await listen(withCors(h.handler, ORIGIN)));
  });
  after(() => close(server));

  it('passes every check of the package\'s own check-endpoint, and exits 0', async () => {
    let out = '';
    let err = '';
    const args = ['check-endpoint', url, '--site', 'northwind', '--user', 'usr-1001', '--query', 'lake', '--header', `Authorization: ${TOKEN}`, '--origin', ORIGIN, '--json'];
    const code = await main(args, (t) => (out += t), (t) => (err += t));
    assert.equal(err, '');
    const report = JSON.parse(out) as Report;
    const verdicts = Object.fromEntries(report.checks.map((c) => [c.id, `${c.verdict}: ${c.message}`]));
    for (const [id, verdict] of Object.entries(verdicts)) {
      // Latency is the machine's: the checker warns at a p95 over 1 s, which a loaded CI box can reach.
      if (id === 'latency' && report.latency && report.latency.p95Ms > 1000) assert.match(verdict, /^warn: /);
      else assert.match(verdict, /^pass: /, `${id} → ${verdict}`);
    }
    assert.equal(code, 0);
    assert.match(verdicts.paging!, /"lake": 3 pages, 28 distinct accounts, the cursor ended with null, total agreed/);
    assert.match(verdicts.errors!, /a missing site → 400 with a message; no credentials → 401 with a message/);
    assert.match(verdicts['rate-limit']!, /^pass: 10 answers 429, each with Retry-After \(\d+\) and a message/);
    assert.deepEqual(h.logged, []);
  });
});

describe('server over node:http: check-endpoint and a count that stopped at a cap', () => {
  it('totalAtLeast in place of total: the checker follows the pages to the end and passes', async () => {
    const h = harness({ now: () => new Date() }, { countCap: 20 });
    const { server, url } = await listen(h.handler);
    try {
      let out = '';
      const code = await main(['check-endpoint', url, '--site', 'northwind', '--user', 'usr-1001', '--query', 'lake', '--burst', '0', '--json'], (t) => (out += t), () => {});
      const report = JSON.parse(out) as Report;
      const paging = report.checks.find((c) => c.id === 'paging')!;
      assert.equal(paging.verdict, 'pass', paging.message);
      assert.match(paging.message, /"lake": 3 pages, 28 distinct accounts/);
      assert.equal(report.checks.find((c) => c.id === 'schema')!.verdict, 'pass');
      assert.equal(code, 0);
    } finally {
      await close(server);
    }
  });
});

describe('server over node:http: the Node adapter', () => {
  it('a client that hangs up mid-search aborts the data layer\'s signal; nothing is logged, nothing written', async () => {
    const h = harness();
    h.source.override = untilAborted;
    const { server, url } = await listen(h.handler);
    try {
      const client = httpRequest(`${url}?q=lake&site=northwind`);
      client.on('error', () => {});
      client.end();
      while (h.source.queries.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const { signal } = h.source.queries[0]!;
      assert.equal(signal.aborted, false);
      const aborted = new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      client.destroy();
      const late = new Promise((_, reject) => setTimeout(() => reject(new Error('the signal was not aborted within 2 s of the hang-up')), 2000).unref());
      await Promise.race([aborted, late]);
      assert.equal(signal.aborted, true);
      // The handler has settled (499, unread): give the adapter a turn to try writing it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(h.logged, []);
    } finally {
      await close(server);
    }
  });

  it('a finished answer does not abort: the signal of a completed search stays unaborted', async () => {
    const h = harness();
    const { server, url } = await listen(h.handler);
    try {
      const response = await fetch(`${url}?q=lake&site=northwind`);
      assert.equal(response.status, 200);
      await response.json();
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(h.source.queries[0]!.signal.aborted, false);
    } finally {
      await close(server);
    }
  });

  it('carries status, headers, the query string and request headers both ways; HEAD has no body', async () => {
    const seen: { url: string; auth: string | null; method: string }[] = [];
    const handler: SearchHandler = async (request) => {
      seen.push({ url: request.url, auth: request.headers.get('Authorization'), method: request.method });
      const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'X-Trace': 'abc' });
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      return new Response(request.method === 'HEAD' ? null : '{"ok":true}', { status: 203, headers });
    };
    const { server, url } = await listen(handler);
    try {
      const response = await fetch(`${url}?q=caf%C3%A9&site=north+wind&tenant=7`, { headers: { Authorization: TOKEN } });
      assert.equal(response.status, 203);
      assert.equal(response.headers.get('X-Trace'), 'abc');
      assert.deepEqual(response.headers.getSetCookie(), ['a=1', 'b=2']);
      assert.deepEqual(await response.json(), { ok: true });
      const params = new URL(seen[0]!.url).searchParams;
      assert.equal(params.get('q'), 'café');
      assert.equal(params.get('site'), 'north wind');
      assert.equal(params.get('tenant'), '7');
      assert.equal(seen[0]!.auth, TOKEN);

      const head = await fetch(url, { method: 'HEAD' });
      assert.equal(head.status, 203);
      assert.equal(await head.text(), '');
    } finally {
      await close(server);
    }
  });

  it('the real handler over HTTP: 405 with Allow for a POST (its body unread), 400 in JSON for a bad limit', async () => {
    const h = harness();
    const { server, url } = await listen(h.handler);
    try {
      const post = await fetch(url, { method: 'POST', body: 'x'.repeat(100_000) });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('Allow'), 'GET, HEAD');
      assert.equal(((await post.json()) as { error: string }).error, 'method-not-allowed');
      const bad = await fetch(`${url}?q=lake&site=northwind&limit=ten`);
      assert.equal(bad.status, 400);
      assert.equal(bad.headers.get('Cache-Control'), 'no-store');
      assert.deepEqual(await bad.json(), { error: 'invalid-parameter', message: 'limit must be a positive integer.', parameter: 'limit' });
    } finally {
      await close(server);
    }
  });

  it('TRACE, a method no web Request may carry: 405 with Allow, not a logged error', async () => {
    const errors: unknown[] = [];
    const server = createServer(toNodeListener(harness().handler, (error) => errors.push(error)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { status, allow, body } = await new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
        const client = httpRequest({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, path: '/?q=lake&site=northwind', method: 'TRACE' }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body: text }));
        });
        client.on('error', reject);
        client.end();
      });
      assert.equal(status, 405);
      assert.equal(allow, 'GET, HEAD');
      assert.equal((JSON.parse(body) as { error: string }).error, 'method-not-allowed');
      assert.deepEqual(errors, []);
    } finally {
      await close(server);
    }
  });

  it('a handler that throws: a plain 500 in the error shape, the cause to onError', async () => {
    const errors: unknown[] = [];
    const server = createServer(toNodeListener(() => Promise.reject(new Error('secret detail')), (error) => errors.push(error)));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const text = await response.text();
      assert.equal(response.status, 500);
      assert.doesNotMatch(text, /secret/);
      assert.equal((JSON.parse(text) as { error: string }).error, 'internal-error');
      assert.match(String(errors[0]), /secret detail/);
    } finally {
      await close(server);
    }
  });
});
