// The browser tests in Firefox (`npm run test:firefox`): the files, plugins and reporters of the
// Chromium run (scripts/wtr-shared.js), Firefox ESR started by puppeteer over WebDriver BiDi.
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteer from 'puppeteer-core';
import { createFirefoxPage, firefoxPath } from './scripts/firefox.js';
import { sharedConfig } from './scripts/wtr-shared.js';

export default {
  ...sharedConfig({ testsFinishTimeout: 900000, browserStartTimeout: 120000 }),
  browsers: [
    chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true, defaultViewport: null },
      createPage: createFirefoxPage,
    }),
  ],
  concurrency: 1,
};
