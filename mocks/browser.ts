/**
 * The mock backend in a browser page (demo, tests): MSW's service worker answering the handlers.
 */
import { setupWorker, type StartOptions } from 'msw/browser';
import { handlers } from './handlers.js';

export const worker = setupWorker(...handlers);

let started: Promise<unknown> | undefined;

/** How the demo and the tests start it. */
export const MOCK_WORKER_OPTIONS: StartOptions = {
  serviceWorker: { url: '/mockServiceWorker.js' },
  quiet: true,
  onUnhandledRequest: 'bypass',
};

/**
 * Starts the worker once per page; later calls share the first start. Other requests (the page's own
 * modules, images) go to the network untouched.
 */
export function startMockWorker(): Promise<unknown> {
  started ??= worker.start(MOCK_WORKER_OPTIONS);
  return started;
}
