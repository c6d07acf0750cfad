/**
 * Firefox for the browser tests (`npm run test:firefox`): Debian's Firefox ESR, driven by puppeteer over
 * WebDriver BiDi through wtr's Chrome launcher. FIREFOX_PATH names another Firefox.
 */
export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Opens a test page whose viewport wtr can set. Puppeteer's BiDi `setViewport` also sends
 * `emulation.setScreenOrientationOverride`, which Firefox 140 answers "unknown command": wtr sets the
 * viewport before every file, so without this no file would start. The viewport itself still applies
 * (test/element/a11y.test.ts measures it at 320 px).
 * @param {{ context: import('puppeteer-core').BrowserContext }} args
 */
export async function createFirefoxPage({ context }) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = (viewport) =>
    setViewport(viewport).catch((error) => {
      if (/setScreenOrientationOverride|unknown command/.test(String(error?.message))) return;
      throw error;
    });
  return page;
}
