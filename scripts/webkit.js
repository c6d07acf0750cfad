/**
 * WebKit for the browser tests (`npm run test:webkit`): WebKitGTK's MiniBrowser (Safari's engine family),
 * driven over classic WebDriver by `WebKitWebDriver`, which scripts/run-engine-tests.js starts under a
 * virtual display and stops. WEBKIT_BROWSER_PATH names another MiniBrowser.
 */
export const webkitBrowserPath =
  process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The capabilities a WebKitWebDriver session needs to start MiniBrowser under automation. */
export const webkitCapabilities = {
  browserName: 'MiniBrowser',
  // WebdriverIO 9 would try WebDriver BiDi first, which WebKitWebDriver does not speak.
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: webkitBrowserPath, args: ['--automation'] },
};
