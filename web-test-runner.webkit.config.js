// The browser tests in WebKit (`npm run test:webkit`, which starts WebKitWebDriver under xvfb-run and
// names its port in WEBKIT_DRIVER_PORT): the files, plugins and reporters of the Chromium run
// (scripts/wtr-shared.js), MiniBrowser driven over classic WebDriver.
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { webkitCapabilities } from './scripts/webkit.js';
import { sharedConfig } from './scripts/wtr-shared.js';

const port = Number(process.env.WEBKIT_DRIVER_PORT);
if (!port) throw new Error('WEBKIT_DRIVER_PORT is not set: run the WebKit tests with `npm run test:webkit`.');

export default {
  ...sharedConfig({ testsFinishTimeout: 900000, browserStartTimeout: 120000 }),
  browsers: [
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port,
      path: '/',
      capabilities: webkitCapabilities,
    }),
  ],
  // One page at a time: above 1 the WebDriver launcher runs files side by side in iframes of one
  // window, where only one can hold the keyboard focus.
  concurrency: 1,
};
