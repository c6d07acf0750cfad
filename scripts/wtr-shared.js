// What every engine's test run shares: the files, the dev-server plugins, the reporters and the
// time-outs. Each engine's config (web-test-runner.config.js for Chromium, web-test-runner.firefox.config.js,
// web-test-runner.webkit.config.js) adds only its launcher and its concurrency.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { mswWorkerWtrPlugin } from './msw-worker.js';
import { countReporter } from './wtr-count-reporter.js';
import { forcedColorsPlugin } from '../test/a11y/forced-colors-plugin.js';
import { axTreePlugin } from '../test/element/ax-tree-plugin.js';
import { dropinServerPlugin } from '../test/frameworks/dropin-server-plugin.js';
import { frameworksEsm } from '../test/frameworks/framework-esm-plugin.js';
import { cspHostPlugin } from '../test/hardening/csp-plugin.js';
import { heapPlugin } from '../test/hardening/heap-plugin.js';

/**
 * Tells a test page which launcher started its browser ("Chrome", "Firefox", "MiniBrowser"), so that
 * test/harness/engine.test.ts can prove the engine test/support/engine.ts reads from the user agent.
 */
const launcherNamePlugin = {
  name: 'launcher-name',
  executeCommand: ({ command, session }) => (command === 'launcher-name' ? session.browser.name : undefined),
};

/**
 * @param {{ testsFinishTimeout?: number, browserStartTimeout?: number }} [options] a slower engine may
 *   take longer to start (Firefox's first page on a loaded machine took over 30 s) and to run
 * @returns {import('@web/test-runner').TestRunnerConfig}
 */
export function sharedConfig({ testsFinishTimeout = 300000, browserStartTimeout = 30000 } = {}) {
  return {
    files: [
      'test/**/*.test.ts',
      // Node's own test runner runs these (npm test runs both, scripts/run-tests.js).
      '!test/node/**',
      // Tests the built drop-in bundle: `npm run test:standalone` builds it first (CI: after `npm run build`).
      '!test/frameworks/standalone.test.ts',
    ],
    nodeResolve: { exportConditions: ['browser', 'development'] },
    plugins: [
      mswWorkerWtrPlugin,
      launcherNamePlugin,
      // React ships CommonJS only, Vue's default build needs a bundler: the framework tests get ES modules.
      frameworksEsm(),
      // The built drop-in folder on a plain static server of its own, for test/frameworks/standalone.test.ts.
      dropinServerPlugin(),
      // Host pages under a strict CSP with Trusted Types, for test/hardening/csp.test.ts.
      cspHostPlugin(),
      // The three below speak DevTools to Chromium; the tests that call them run in Chromium only
      // (test/support/engine.ts).
      // Forced GC and live-object counts over DevTools, for test/hardening/memory.test.ts.
      heapPlugin(),
      // Chromium's accessibility tree, what a screen reader is given, for test/element/a11y-tree.test.ts.
      axTreePlugin(),
      // Forced colours, which wtr's emulateMedia drops with the Chrome launcher, for test/a11y/visual.test.ts.
      forcedColorsPlugin(),
      // An explicit target: 'auto' would pass decorators through and 'es2022' drops import attributes.
      // Firefox ESR and WebKit run what Chromium 130 runs, as the package build ships it.
      esbuildPlugin({ ts: true, target: 'chrome130', tsconfig: './tsconfig.json' }),
    ],
    reporters: [defaultReporter(), countReporter()],
    testFramework: { config: { timeout: 10000 } },
    testsFinishTimeout,
    browserStartTimeout,
  };
}
