import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import type { StorybookConfig } from '@storybook/web-components-vite';

const require = createRequire(import.meta.url);

/**
 * MSW's service worker at /mockServiceWorker.js in every mode Storybook runs in: served by the dev
 * server and by the story tests' server (like the root vite.config.ts's `mswWorker()`, which Node can't
 * import from here without a .ts extension), and emitted next to iframe.html by the static build.
 * Read from node_modules each time so it can never drift from the installed msw. A plugin rather than
 * staticDirs, which would copy all of msw/lib (~7 MB) into the build to publish one file.
 */
function mswWorkerEverywhere(): Plugin {
  const workerPath = require.resolve('msw/mockServiceWorker.js');
  return {
    name: 'storybook-msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(workerPath, 'utf8'));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'mockServiceWorker.js', source: readFileSync(workerPath, 'utf8') });
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [mswWorkerEverywhere()],
      // Pre-bundled up front: found mid-run, Vite reloads the test page and the story tests flake.
      optimizeDeps: {
        include: [
          'lit',
          'lit/decorators.js',
          'lit/directives/if-defined.js',
          '@lit/localize',
          '@lit/task',
          'valibot',
          'msw',
          'msw/browser',
          '@faker-js/faker/locale/en',
        ],
      },
      // Storybook's own chunks (axe, docs) are big by nature; the element's budget is `npm run size`.
      build: { chunkSizeWarningLimit: 1500 },
    });
  },
};

export default config;
