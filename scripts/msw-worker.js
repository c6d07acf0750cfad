// MSW's service worker at /mockServiceWorker.js, read from node_modules on every request, so it can
// never drift from the installed msw. One module for the three servers that need it: the demo's Vite
// dev server (vite.config.ts), Storybook's dev, test and static builds (.storybook/main.ts), and the
// test runner (web-test-runner.config.js), whose plugin API differs from Vite's.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const workerPath = createRequire(import.meta.url).resolve('msw/mockServiceWorker.js');

export const MSW_WORKER_URL = '/mockServiceWorker.js';

/** The worker script of the installed msw. */
export function mswWorkerSource() {
  return readFileSync(workerPath, 'utf8');
}

/**
 * A Vite plugin serving the worker in dev. With `emit`, a build also writes it next to the pages
 * (Storybook's static build); a plugin rather than a public dir, which would copy all of msw/lib
 * (~7 MB) to publish one file. The package build must not emit it: it is no part of the library.
 */
export function mswWorkerPlugin({ emit = false } = {}) {
  return {
    name: 'msw-worker',
    configureServer(server) {
      server.middlewares.use(MSW_WORKER_URL, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(mswWorkerSource());
      });
    },
    ...(emit && {
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: MSW_WORKER_URL.slice(1), source: mswWorkerSource() });
      },
    }),
  };
}

/** The same for @web/test-runner's dev server. */
export const mswWorkerWtrPlugin = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === MSW_WORKER_URL) return { body: mswWorkerSource(), type: 'js' };
  },
};
