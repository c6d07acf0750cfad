/**
 * `link-account-picker check-endpoint` against real HTTP servers on 127.0.0.1 (test/node/endpoint-server.ts):
 * it passes the mocks' correct endpoint and names the problem of each broken one.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/link-account-picker.js';
import type { Report, Verdict } from '../../src/cli/report.js';
import { ALLOWED_ORIGIN, SLOW_MS, startEndpoint, TOKEN, type EndpointServer, type Variant } from './endpoint-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(args, (t) => (out += `${t}\n`), (t) => (err += `${t}\n`));
  return { code, out, err };
}

/** The usual invocation: a query with 28 matches (3 pages of 10), credentials, the portal's origin. */
function argsFor(server: EndpointServer, extra: string[] = []): string[] {
  return [
    'check-endpoint', server.url, '--site', 'northwind', '--user', 'usr-1001', '--query', 'lake',
    '--header', `Authorization: ${TOKEN}`, '--origin', ALLOWED_ORIGIN, ...extra,
  ];
}

async function report(variant: Variant, extra: string[] = []): Promise<{ report: Report; code: number; server: EndpointServer }> {
  const server = await startEndpoint(variant);
  try {
    const result = await run([...argsFor(server, extra), '--json']);
    assert.equal(result.err, '');
    return { report: JSON.parse(result.out) as Report, code: result.code, server };
  } finally {
    await server.close();
  }
}

function verdicts(r: Report): Record<string, Verdict> {
  return Object.fromEntries(r.checks.map((c) => [c.id, c.verdict]));
}

function messageOf(r: Report, id: string): string {
  const found = r.checks.find((c) => c.id === id);
  assert.ok(found, `no check ${id}`);
  return `${found.message}\n${found.details.join('\n')}`;
}

describe('check-endpoint: a correct endpoint', () => {
  let correct: Awaited<ReturnType<typeof report>>;
  before(async () => {
    correct = await report('correct');
  });

  it('passes every check and exits 0', () => {
    assert.equal(correct.code, 0);
    assert.equal(correct.report.ok, true);
    assert.deepEqual(verdicts(correct.report), {
      status: 'pass',
      'content-type': 'pass',
      schema: 'pass',
      paging: 'pass',
      'linked-to-user': 'pass',
      'as-of': 'pass',
      errors: 'pass',
      redirects: 'pass',
      'rate-limit': 'pass',
      cors: 'pass',
      latency: 'pass',
    });
  });

  it('followed the pages to the end and read the accounts with the picker\'s rules', () => {
    assert.match(messageOf(correct.report, 'paging'), /"lake": 3 pages, 28 distinct accounts/);
    assert.match(messageOf(correct.report, 'schema'), /\d+ linkable/);
    assert.match(messageOf(correct.report, 'rate-limit'), /429, each with Retry-After \(1\)/);
    assert.match(messageOf(correct.report, 'errors'), /no credentials → 401 with a message/);
  });

  it('reports latency as median and p95', () => {
    const { latency } = correct.report;
    assert.ok(latency && latency.requests >= 4 && latency.medianMs <= latency.p95Ms, JSON.stringify(latency));
  });

  it('prints one PASS/WARN/FAIL line per check in text mode', async () => {
    const server = await startEndpoint('correct');
    try {
      const { code, out } = await run(argsFor(server, ['--burst', '0']));
      assert.equal(code, 0);
      assert.match(out, /^PASS {2}Searches answer 200: /m);
      assert.match(out, /^SKIP {2}Rate limiting \(429 \+ Retry-After\): Not checked \(--burst 0\)\.$/m);
      assert.match(out, /^The endpoint meets every required check\.$/m);
    } finally {
      await server.close();
    }
  });
});

describe('check-endpoint: broken endpoints, each named', () => {
  const cases: { variant: Variant; id: string; verdict: Verdict; says: RegExp; extra?: string[] }[] = [
    { variant: 'wrong-shape', id: 'schema', verdict: 'fail', says: /1 of 1 answers can't be read at all[^]*→ site is missing/ },
    { variant: 'malformed-accounts', id: 'schema', verdict: 'fail', says: /^9 malformed accounts[^]*accounts\[2\]\.name: expected a non-empty string[^]*accounts\[3\]\.id[^]*accounts\[4\]: expected an object/ },
    { variant: 'html', id: 'content-type', verdict: 'fail', says: /Answers came as text\/html; charset=utf-8: send "Content-Type: application\/json"/ },
    { variant: 'endless-cursor', id: 'paging', verdict: 'fail', says: /The cursor never ends: page 4 of "lake" is empty yet has a nextCursor/ },
    { variant: 'repeating-cursor', id: 'paging', verdict: 'fail', says: /The cursor repeats/ },
    { variant: 'repeated-ids', id: 'paging', verdict: 'fail', says: /20 accounts came back on more than one page/ },
    { variant: 'wrong-total', id: 'paging', verdict: 'fail', says: /total is inconsistent: it says 999, but the pages ended after 28 accounts/ },
    { variant: 'limit-ignored', id: 'paging', verdict: 'fail', says: /limit is ignored: asked for 10 accounts per page, got up to 28/ },
    { variant: 'no-cors', id: 'cors', verdict: 'fail', says: /preflight has no Access-Control-Allow-Origin for https:\/\/portal\.example\.test[^]*3 of 3 searches|searches have no Access-Control-Allow-Origin/ },
    { variant: 'no-retry-after', id: 'rate-limit', verdict: 'fail', says: /answers 429 have no valid Retry-After/ },
    { variant: 'slow', id: 'latency', verdict: 'fail', says: /requests got no answer within 200 ms/, extra: ['--timeout', '200', '--burst', '0'] },
    { variant: 'ignores-user', id: 'linked-to-user', verdict: 'warn', says: /have no linkedToUser although user=usr-1001 was sent/ },
    { variant: 'no-auth', id: 'errors', verdict: 'warn', says: /Without the --header credentials the endpoint still answered 200/ },
    { variant: 'huge', id: 'schema', verdict: 'fail', says: /can't be read at all[^]*not JSON/, extra: ['--burst', '0'] },
  ];

  for (const { variant, id, verdict, says, extra } of cases) {
    it(`${variant}: ${id} is ${verdict.toUpperCase()}`, async () => {
      const result = await report(variant, extra);
      assert.equal(verdicts(result.report)[id], verdict, messageOf(result.report, id));
      assert.match(messageOf(result.report, id), says);
      // A failed required check fails the run; a warning alone does not.
      assert.equal(result.code, verdict === 'fail' ? 1 : result.report.checks.some((c) => c.verdict === 'fail') ? 1 : 0);
    });
  }

  it('slow but within the timeout: latency passes, with the figures', async () => {
    const result = await report('slow', ['--timeout', String(SLOW_MS * 10), '--burst', '0']);
    assert.equal(verdicts(result.report).latency, 'pass');
    assert.ok(result.report.latency!.medianMs >= SLOW_MS, JSON.stringify(result.report.latency));
  });

  it('bounds the pages it follows (--max-pages)', async () => {
    const result = await report('endless-cursor', ['--max-pages', '2']);
    // 2 pages of 28 matches: stopped early, and said so, without calling it endless.
    assert.match(messageOf(result.report, 'paging'), /followed 2 pages \(20 distinct accounts of 28\) and stopped at --max-pages/);
    const pageRequests = result.server.requests.filter((r) => r.method === 'GET' && r.url.includes('q=lake') && r.url.includes('cursor='));
    assert.equal(pageRequests.length, 1);
  });

  it('a refused connection fails the status check with the reason', async () => {
    const server = await startEndpoint('correct');
    await server.close();
    const { code, out } = await run(['check-endpoint', server.url, '--site', 'northwind', '--burst', '0', '--json']);
    assert.equal(code, 1);
    const parsed = JSON.parse(out) as Report;
    assert.match(messageOf(parsed, 'status'), /ECONNREFUSED/);
  });
});

describe('check-endpoint: redirects keep the credentials at home', () => {
  /** A server on another port (another origin) that answers every request with a redirect to `target`. */
  async function redirector(status: number, target: string): Promise<{ url: string; close(): Promise<void> }> {
    const server = createServer((req, res) => res.writeHead(status, { Location: `${target}${req.url?.slice(req.url.indexOf('?')) ?? ''}` }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/api/accounts/search`,
      close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
    };
  }

  for (const status of [301, 302, 303, 307, 308]) {
    it(`a ${status} to another origin fails, names where it pointed, and sends that origin no --header value`, async () => {
      // The other origin is a correct endpoint: followed, it would pass every check.
      const elsewhere = await startEndpoint('correct');
      const front = await redirector(status, elsewhere.url);
      try {
        const result = await run([
          'check-endpoint', front.url, '--site', 'northwind', '--user', 'usr-1001', '--query', 'lake',
          '--header', `Authorization: ${TOKEN}`, '--header', 'X-Api-Key: secret-key-123', '--origin', ALLOWED_ORIGIN, '--json',
        ]);
        const leaked = elsewhere.requests.filter((r) => r.headers['x-api-key'] !== undefined || r.headers.authorization !== undefined);
        assert.deepEqual(leaked.map((r) => r.url), [], 'the other origin received a --header value');
        const parsed = JSON.parse(result.out) as Report;
        assert.equal(result.code, 1);
        assert.equal(parsed.ok, false);
        assert.equal(verdicts(parsed).redirects, 'fail', messageOf(parsed, 'redirects'));
        const where = elsewhere.url.replace(/\/api.*/, '');
        assert.ok(messageOf(parsed, 'redirects').includes(where), messageOf(parsed, 'redirects'));
        assert.match(messageOf(parsed, 'redirects'), /not followed/);
        assert.equal(verdicts(parsed).status, 'fail');
      } finally {
        await front.close();
        await elsewhere.close();
      }
    });
  }

  it('a redirect within the same origin is followed with the credentials, and passes', async () => {
    const server = await startEndpoint('moved');
    try {
      const url = server.url.replace('/api/accounts/search', '/old/search');
      const result = await run([
        'check-endpoint', url, '--site', 'northwind', '--user', 'usr-1001', '--query', 'lake',
        '--header', `Authorization: ${TOKEN}`, '--origin', ALLOWED_ORIGIN, '--burst', '0', '--json',
      ]);
      const parsed = JSON.parse(result.out) as Report;
      assert.equal(result.code, 0, result.out);
      assert.equal(verdicts(parsed).redirects, 'pass');
      assert.match(messageOf(parsed, 'redirects'), /followed within http:\/\/127\.0\.0\.1:\d+/);
      assert.ok(server.requests.some((r) => r.url.startsWith('/api/accounts/search') && r.headers.authorization === TOKEN));
    } finally {
      await server.close();
    }
  });
});

describe('check-endpoint: the command line', () => {
  it('--help lists every flag and exits 0', async () => {
    const { code, out } = await run(['check-endpoint', '--help']);
    assert.equal(code, 0);
    for (const flag of ['--site', '--user', '--query', '--header', '--origin', '--json', '--limit', '--max-pages', '--timeout', '--burst', '--help']) {
      assert.ok(out.includes(flag), `--help does not mention ${flag}`);
    }
  });

  it('a usage error says what is wrong and exits 2', async () => {
    assert.deepEqual(await run(['check-endpoint', 'http://127.0.0.1:9/x']), {
      code: 2,
      out: '',
      err: '--site <id> is required: the portal site id the picker sends as `site`.\nUsage: link-account-picker check-endpoint <url> --site <id> [options]\nRun "link-account-picker check-endpoint --help" for every option.\n',
    });
    assert.match((await run(['check-endpoint', 'not-a-url', '--site', 'x'])).err, /"not-a-url" is not an absolute http\(s\) URL\./);
    assert.match((await run(['check-endpoint', 'http://x.test/', '--site', 'x', '--header', 'nocolon'])).err, /--header "nocolon" is not "Name: value"\./);
    assert.match((await run(['check-endpoint', 'http://x.test/', '--site', 'x', '--limit', '0'])).err, /--limit must be a whole number of at least 1/);
    assert.match((await run(['frobnicate'])).err, /Unknown command "frobnicate"/);
  });

  it('runs as an executable with the exit code of the checks', async () => {
    const server = await startEndpoint('html');
    try {
      // Asynchronously: the server answering it lives in this process.
      const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const args = ['--import', './scripts/ts-register.mjs', 'src/cli/bin.ts', ...argsFor(server, ['--burst', '0'])];
        const child = execFile(process.execPath, args, { cwd: root }, (_error, stdout, stderr) =>
          resolve({ status: child.exitCode, stdout, stderr }),
        );
      });
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /^FAIL {2}Content-Type is JSON: /m);
    } finally {
      await server.close();
    }
  });
});
