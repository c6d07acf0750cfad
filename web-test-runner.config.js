// Real Chromium for every test (scripts/chromium.js says which and how it starts). The files, plugins
// and reporters are shared with the Firefox and WebKit runs (scripts/wtr-shared.js).
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';
import { sharedConfig } from './scripts/wtr-shared.js';

export default {
  ...sharedConfig(),
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
      // Windows, not tabs: background tabs report document.hidden and stop animation frames.
      createPage: ({ context }) => context.newPage({ type: 'window' }),
    }),
  ],
  concurrency: 2,
};
