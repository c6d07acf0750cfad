/**
 * The `link-account-picker` command (src/cli/), for Node ≥ 20: one ES module in dist/cli/, with the
 * rules and the response reader bundled in, and the package's dependencies (if it uses any) imported.
 * A build of its own, so nothing of it can reach the browser bundles (vite.config.ts).
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {});

export default defineConfig({
  build: {
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    lib: { entry: { 'link-account-picker': 'src/cli/bin.ts' }, formats: ['es'] },
    rolldownOptions: {
      external: [/^node:/, ...builtinModules, ...dependencies.map((name) => new RegExp(`^${name}($|/)`))],
    },
  },
});
