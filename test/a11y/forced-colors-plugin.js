/**
 * Forced colours (Windows High Contrast) for a test page, over the DevTools protocol.
 * wtr's `emulateMedia({ forcedColors })` drops that feature with the Chrome launcher (it passes only
 * the colour scheme and reduced motion to puppeteer), so the page would never see forced colours.
 * Emulation lasts as long as the DevTools session that set it: the session is kept until it is reset.
 */
const sessions = new Map();

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function forcedColorsPlugin() {
  return {
    name: 'forced-colors',
    async executeCommand({ command, payload, session }) {
      if (command !== 'forced-colors') return undefined;
      const page = session.browser.getPage?.(session.id);
      if (!page) throw new Error('forced-colors needs the Chrome launcher');
      const active = payload?.active === true;
      let cdp = sessions.get(session.id);
      if (active && !cdp) {
        cdp = await page.createCDPSession();
        sessions.set(session.id, cdp);
      }
      if (!cdp) return true;
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }] });
      if (!active) {
        sessions.delete(session.id);
        await cdp.detach();
      }
      return true;
    },
  };
}
