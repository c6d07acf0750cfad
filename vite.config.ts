import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Serves MSW's worker at /mockServiceWorker.js straight from node_modules, so the demo works offline
 * and the worker can never drift from the installed msw version.
 */
export function mswWorker(): Plugin {
  const workerPath = require.resolve('msw/mockServiceWorker.js');
  return {
    name: 'msw-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(readFileSync(workerPath, 'utf8'));
      });
    },
  };
}

// Everything a host resolves itself in the package build; the standalone build bundles it all.
const dependencies = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//, /^valibot($|\/)/];

export default defineConfig(({ mode }) => ({
  plugins: [mswWorker()],
  server: { port: 5173, strictPort: false },
  build:
    mode === 'standalone'
      ? {
          outDir: 'dist',
          emptyOutDir: false,
          target: 'es2022',
          lib: { entry: { standalone: 'src/standalone.ts' }, formats: ['es'] },
        }
      : {
          outDir: 'dist',
          emptyOutDir: true,
          target: 'es2022',
          lib: {
            entry: {
              'link-account-picker': 'src/link-account-picker.ts',
              eligibility: 'src/eligibility.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: { external: dependencies },
        },
}));
