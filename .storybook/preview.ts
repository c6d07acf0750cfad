/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { setupWorker } from 'msw/browser';
import { mswLoader } from 'msw-storybook-addon/csf3';

// Autodocs (attributes, properties, events, parts, custom properties) and the controls come from the
// manifest `npm run analyze` writes. A glob rather than a plain import so a fresh checkout that has not
// run the analyzer yet still starts; the warning says why the tables are empty.
const manifests = import.meta.glob<object>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(manifest);
else console.warn('[storybook] custom-elements.json is missing: run `npm run analyze` for the API tables.');

/**
 * One worker for the whole Storybook. An unmocked call to the search API is a story bug (it would hit
 * a real backend, or nothing), so it is reported loudly; asset and Storybook-internal requests pass.
 */
async function startWorker() {
  const worker = setupWorker();
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
