import type { StorybookConfig } from '@storybook/web-components-vite';
import { mswWorkerPlugin } from '../scripts/msw-worker.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // MSW's worker in every mode Storybook runs in, and emitted next to iframe.html by the static build.
      plugins: [mswWorkerPlugin({ emit: true })],
      // Pre-bundled up front: found mid-run, Vite reloads the test page and the story tests flake.
      optimizeDeps: {
        include: [
          'lit',
          // Storybook's web-components renderer (its preview entries load as source, not pre-bundled)
          // imports this one: left out, Vite served Lit's raw files beside the pre-bundled copy, and
          // every story test warned "Multiple versions of Lit loaded".
          'lit/directive-helpers.js',
          'lit/decorators.js',
          'lit/directives/if-defined.js',
          '@lit/localize',
          '@lit/task',
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
