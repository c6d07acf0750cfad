/**
 * The `link-account-picker` command (src/cli/), for Node ≥ 20: one ES module in dist/cli/, with the
 * rules and the response parser bundled in and valibot (a dependency) imported. A build of its own,
 * so nothing of it can reach the browser bundles (vite.config.ts).
 */
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    lib: { entry: { 'link-account-picker': 'src/cli/bin.ts' }, formats: ['es'] },
    rolldownOptions: {
      external: [/^node:/, ...builtinModules, /^valibot($|\/)/],
    },
  },
});
