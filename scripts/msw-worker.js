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

const SELF_UNREGISTER = 'self.registration.unregister()';

/**
 * The worker for the test runner: the same script, except that it never unregisters itself. MSW's
 * worker unregisters when the last page it controls closes; the test runner runs two pages at a time
 * and closes each when its file is done, so a page starting at that moment was left uncontrolled
 * (its searches reached the real server: 404) or was reloaded by MSW's start() mid-file. One
 * registration for the whole run leaves no such moment.
 */
export function mswTestWorkerSource() {
  const source = mswWorkerSource();
  if (source.split(SELF_UNREGISTER).length !== 2) {
    throw new Error(`msw's mockServiceWorker.js no longer calls ${SELF_UNREGISTER} once: review scripts/msw-worker.js.`);
  }
  return source.replace(SELF_UNREGISTER, 'void 0 /* the test runner keeps it registered: see scripts/msw-worker.js */');
}

/** The same for @web/test-runner's dev server, kept registered for the whole run. */
export const mswWorkerWtrPlugin = {
  name: 'msw-worker',
  serve(context) {
    if (context.path === MSW_WORKER_URL) return { body: mswTestWorkerSource(), type: 'js' };
  },
};
