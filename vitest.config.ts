import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));

type Media = { colorScheme?: 'light' | 'dark' | null; forcedColors?: 'active' | 'none' | null };

/** Runs in Node with the Playwright page: real media emulation for the dark / forced-colours stories. */
const emulateMedia: BrowserCommand<[Media]> = async ({ page }, media) => {
  await page.emulateMedia(media);
};

// Story tests: every story in stories/ becomes a test that renders it in a real (headless) Chromium,
// runs its play function and an axe check. No browser download here: Debian's Chromium, or CHROME_PATH.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath,
                args: chromiumArgs,
              },
            }),
            instances: [{ browser: 'chromium' }],
            commands: { emulateMedia },
          },
        },
      },
    ],
  },
});
