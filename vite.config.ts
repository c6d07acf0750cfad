import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';

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

/** The drop-in bundle: one ES module, Lit included, nothing to resolve and no lazy chunk. */
const standaloneBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: false,
  target: 'es2022',
  lib: { entry: { standalone: 'src/standalone.ts' }, formats: ['es'] },
  rolldownOptions: {
    // A page with no build step loads exactly one file: a dynamic import() would become a second one.
    // Vite keeps whitespace in ES library builds (for the host's bundler); this file is the end product.
    output: { codeSplitting: false, minify: true },
  },
};

/** The npm package build: the host's bundler resolves Lit, so it is deduplicated with the host's. */
const packageBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: true,
  target: 'es2022',
  lib: {
    entry: {
      'link-account-picker': 'src/link-account-picker.ts',
      eligibility: 'src/eligibility.ts',
      // An entry, not a hashed chunk: the picker's own import() loads it, and a host whose app owns
      // @lit/localize imports it by name (`link-account-picker/locales/es`) to merge its templates.
      'locales/es': 'src/generated/locales/es.ts',
    },
    formats: ['es'],
  },
  rolldownOptions: {
    external: dependencies,
    // Whitespace too: hosts without a minifier (import maps, CDNs) load these files as they are.
    // Pure annotations stay, so a host's bundler can still tree-shake.
    output: { minify: true },
  },
};

export default defineConfig(({ mode }) => ({
  plugins: [mswWorker()],
  server: { port: 5173, strictPort: false },
  build: mode === 'standalone' ? standaloneBuild : packageBuild,
}));
