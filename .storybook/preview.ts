import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';
import manifest from '../custom-elements.json';
import { handlers } from '../mocks/handlers.js';

// Autodocs (attributes, properties, events, parts, custom properties) and the controls come from the
// committed manifest (`npm run analyze`; CI fails when it is stale).
setCustomElementsManifest(manifest);

/**
 * One worker for the whole Storybook, answering with the mocks' own handlers (the same backend as the
 * demo and the tests) so any story can search. Stories that need their own scenario add handlers in
 * front through a loader (stories/support.ts mockBackend()); the addon resets those between stories,
 * these initial ones stay. Any other call to /api is a story bug and is reported loudly; asset and
 * Storybook-internal requests pass.
 */
async function startWorker() {
  const worker = setupWorker(...handlers);
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.startsWith('/api/')) print.error();
    },
  });
  return worker;
}

const preview: Preview = {
  loaders: [mswLoader(startWorker)],
  parameters: {
    controls: { expanded: true },
    // Every story is also an accessibility test: a violation fails `npm run test-storybook`.
    a11y: { test: 'error' },
    docs: { toc: true },
    options: {
      storySort: { order: ['Design review', 'Picker', ['States', 'Eligibility', 'Errors', 'Selection', 'Presentation']] },
    },
  },
};

export default preview;
