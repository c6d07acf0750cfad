// Real Chromium for every test (scripts/chromium.js says which and how it starts).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.js';
import { mswWorkerWtrPlugin } from './scripts/msw-worker.js';
import { countReporter } from './scripts/wtr-count-reporter.js';
import { forcedColorsPlugin } from './test/a11y/forced-colors-plugin.js';
import { axTreePlugin } from './test/element/ax-tree-plugin.js';
import { dropinServerPlugin } from './test/frameworks/dropin-server-plugin.js';
import { frameworksEsm } from './test/frameworks/framework-esm-plugin.js';
import { cspHostPlugin } from './test/hardening/csp-plugin.js';
import { heapPlugin } from './test/hardening/heap-plugin.js';
import { referenceEndpoint } from './test/server/reference-endpoint-plugin.js';

// The reference endpoint on PGlite, for test/server/ (started on first use, once per run).
const reference = referenceEndpoint();

export default {
  files: [
    'test/**/*.test.ts',
    // Node's own test runner runs these (npm test runs both, scripts/run-tests.js).
    '!test/node/**',
    // Tests the built drop-in bundle: `npm run test:standalone` builds it first (CI: after `npm run build`).
    '!test/frameworks/standalone.test.ts',
  ],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  middleware: [reference.middleware],
  plugins: [
    reference.plugin,
    mswWorkerWtrPlugin,
    // React ships CommonJS only, Vue's default build needs a bundler: the framework tests get ES modules.
    frameworksEsm(),
    // The built drop-in folder on a plain static server of its own, for test/frameworks/standalone.test.ts.
    dropinServerPlugin(),
    // Host pages under a strict CSP with Trusted Types, for test/hardening/csp.test.ts.
    cspHostPlugin(),
    // Forced GC and live-object counts over DevTools, for test/hardening/memory.test.ts.
    heapPlugin(),
    // Chromium's accessibility tree, what a screen reader is given, for test/element/a11y-tree.test.ts.
    axTreePlugin(),
    // Forced colours, which wtr's emulateMedia drops with the Chrome launcher, for test/a11y/visual.test.ts.
    forcedColorsPlugin(),
    // An explicit target: 'auto' would pass decorators through and 'es2022' drops import attributes.
    esbuildPlugin({ ts: true, target: 'chrome130', tsconfig: './tsconfig.json' }),
  ],
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
  reporters: [defaultReporter(), countReporter()],
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  concurrency: 2,
};
