// The reference endpoint (`npm run endpoint`: createSearchHandler + the Postgres data layer on PGlite,
// seeded with the demo's dataset) for the browser tests in test/server/, with no MSW anywhere: started
// once per test run, in a child process of the test runner (it runs TypeScript through
// scripts/ts-register.mjs, which the runner's own process doesn't load), on the first request that
// needs it, so a run that never asks pays nothing. The test server forwards
// /reference-endpoint/api/accounts/search?… to it, so the page searches its own origin (no CORS).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const REFERENCE_ENDPOINT_PATH = '/reference-endpoint/api/accounts/search';
/** PGlite's start and the seed take seconds; on a loaded 2-core machine, tens of them. */
const START_TIMEOUT_MS = 120_000;

export function referenceEndpoint() {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {Promise<string> | undefined} */
  let started;

  function start() {
    started ??= new Promise((resolve, reject) => {
      child = spawn(process.execPath, ['--import', './scripts/ts-register.mjs', 'scripts/endpoint.ts'], {
        cwd: root,
        env: { ...process.env, PORT: '0', DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let output = '';
      const timer = setTimeout(() => reject(new Error(`the reference endpoint did not start in ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const url = /Search URL:\s+(\S+)/.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the reference endpoint exited (${code}):\n${output}`));
      });
    });
    return started;
  }

  /** Koa middleware of the test server: forwards the search, status, type, body and Retry-After as they are. */
  async function middleware(ctx, next) {
    if (ctx.path !== REFERENCE_ENDPOINT_PATH) return next();
    const url = await start();
    const response = await fetch(`${url}?${ctx.querystring}`, { headers: { accept: 'application/json' } });
    ctx.status = response.status;
    ctx.set('content-type', response.headers.get('content-type') ?? 'application/json');
    ctx.set('cache-control', 'no-store');
    // Which server answered, so a test can tell the reference endpoint from a mock.
    ctx.set('x-reference-endpoint', url);
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) ctx.set('retry-after', retryAfter);
    ctx.body = await response.text();
  }

  /** @type {import('@web/dev-server-core').Plugin} */
  const plugin = {
    name: 'reference-endpoint',
    serverStop() {
      // The one process this plugin started, by its own handle.
      child?.kill('SIGTERM');
    },
  };
  return { middleware, plugin };
}
