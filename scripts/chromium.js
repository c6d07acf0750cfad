/**
 * The one browser every test, story test and benchmark runs in, and how it must be started here:
 * as root (no sandbox), with no GPU, and without the background connections a closed network refuses.
 * CHROME_PATH names another Chrome or Chromium; Debian's is the default (scripts/ensure-chromium.sh).
 */
export const chromiumPath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
