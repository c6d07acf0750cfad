/**
 * Which engine this test page runs in, and the one way a test that needs one engine's tooling says so.
 * The suite runs in Chromium (`npm test`), Firefox (`npm run test:firefox`) and WebKit
 * (`npm run test:webkit`); a test that reads what only Chromium's DevTools give, or drives input that
 * WebKit's WebDriver lacks, is skipped elsewhere — counted as skipped, never as passed — and carries the
 * reason in its name in every engine, e.g. "… [Chromium only: reads the accessibility tree over DevTools]".
 * README.md ("Browsers") lists them.
 */

export type Engine = 'chromium' | 'firefox' | 'webkit';

/**
 * From the user agent, which each launcher leaves as the browser's own: Chromium says "Chrome/"
 * ("HeadlessChrome/" headless), Firefox "Firefox/", and WebKit (Safari, WebKitGTK's MiniBrowser) is
 * AppleWebKit without either. test/harness/engine.test.ts checks it against the launcher wtr started.
 */
export function engineOf(userAgent: string): Engine {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/(Chrome|Chromium)\//.test(userAgent)) return 'chromium';
  return 'webkit';
}

export const engine: Engine = engineOf(navigator.userAgent);

/** `it` and `describe` that run only in some engines, and are skipped elsewhere with the reason in the name. */
export interface EngineGate {
  readonly runs: boolean;
  it(title: string, fn: Mocha.Func | Mocha.AsyncFunc): Mocha.Test;
  describe(title: string, fn: (this: Mocha.Suite) => void): Mocha.Suite | void;
}

function gate(engines: readonly Engine[], why: string): EngineGate {
  const runs = engines.includes(engine);
  return {
    runs,
    it: (title, fn) => (runs ? it : it.skip)(`${title} [${why}]`, fn),
    describe: (title, fn) => (runs ? describe : describe.skip)(`${title} [${why}]`, fn),
  };
}

/** Reads Chromium's accessibility tree (test/support/ax-tree.ts): no other engine exposes it to a test. */
export const needsAxTree = gate(['chromium'], 'Chromium only: reads the accessibility tree over DevTools');

/** Turns forced colours on over DevTools (test/a11y/forced-colors-plugin.js). */
export const needsForcedColors = gate(['chromium'], 'Chromium only: emulates forced colours over DevTools');

/** Forces a GC and counts live objects over DevTools (test/hardening/heap-plugin.js). */
export const needsHeapCounts = gate(['chromium'], 'Chromium only: counts heap objects over DevTools');

/**
 * Emulates the dark colour scheme (wtr's `emulateMedia`): over DevTools in Chromium; puppeteer's
 * Firefox falls back to DevTools too, and WebKit's WebDriver has no such command.
 */
export const needsColorScheme = gate(['chromium'], 'Chromium only: emulates the colour scheme over DevTools');

/** Resizes the viewport (wtr's `setViewport`), which WebKit's WebDriver does not implement. */
export const needsViewport = gate(['chromium', 'firefox'], 'not in WebKit: its WebDriver cannot resize the viewport');

/** Holds a modifier key down (wtr's `sendKeys({ down })`), which WebKit's WebDriver does not implement. */
export const needsKeyHeld = gate(['chromium', 'firefox'], 'not in WebKit: its WebDriver cannot hold a key down');

/**
 * Counts rows per animation frame. In WebKitGTK under Xvfb the frame after a long answer arrives came
 * 650 ms after the one before (frames were 16 ms apart otherwise), so the picker's 100 ms stand-in for
 * a stalled frame rightly rendered every row first. Why that frame stalls is not known yet.
 */
export const needsSteadyFrames = gate(['chromium', 'firefox'], 'not in WebKit: under Xvfb the frame after the answer stalls past 100 ms');

/**
 * Clicks with the mouse inside an iframe: WebKitGTK's WebDriver delivers the press to the top page's
 * `<iframe>` element, and nothing reaches the frame's document.
 */
export const needsFrameClicks = gate(['chromium', 'firefox'], 'not in WebKit: its WebDriver’s clicks do not reach into an iframe');

/**
 * Presses Enter on a focused `<button>` in a page wtr has reused for several files. In a full Firefox
 * run the button then gets keydown and keyup but no click (document.hasFocus() false; the same file
 * alone, and the same keys on one page, click), so the keys reach a page a person could not type into.
 */
export const needsFocusedReusedPage = gate(['chromium', 'webkit'], 'not in Firefox: keys reach a reused page without focus there');
