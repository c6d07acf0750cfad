/**
 * The mock backend in a browser page (demo, tests): MSW's service worker answering the handlers.
 */
import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.js';

export const worker = setupWorker(...handlers);

let started: Promise<unknown> | undefined;

/**
 * Starts the worker once per page; later calls share the first start. Other requests (the page's own
 * modules, images) go to the network untouched.
 */
export function startMockWorker(): Promise<unknown> {
  started ??= worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
    onUnhandledRequest: 'bypass',
  });
  return started;
}
