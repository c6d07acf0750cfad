/**
 * `link-account-picker/server` and `link-account-picker/server/node` (src/server/), for Node ≥ 20,
 * Deno, Bun and edge runtimes: ES modules in dist/server/, unminified (a server reads its stack
 * traces). A build of its own, like the CLI's (vite.cli.config.ts), so nothing of it can reach the
 * browser bundles (vite.config.ts); scripts/check-browser-bundles.js proves it after each build.
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/server',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    lib: { entry: { index: 'src/server/index.ts', node: 'src/server/node.ts' }, formats: ['es'] },
    rolldownOptions: { external: [/^node:/, ...builtinModules] },
  },
});
