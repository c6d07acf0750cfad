import { fileURLToPath } from 'node:url';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';
import { mswWorkerPlugin } from './scripts/msw-worker.js';

const srcDir = fileURLToPath(new URL('./src/', import.meta.url));

/**
 * The package and standalone builds only (not the dev server, tests or Storybook): strips the
 * indentation and newlines from our own html`…`, svg`…` and css`…` literals in src/ (≈0.7 KB gz off each bundle).
 * In a Lit template whitespace beside inline elements and `${}` parts is visible text, so runs of
 * whitespace become one space, never none (`conservativeCollapse`), and nothing else is rewritten:
 * empty attributes, entities, quotes and closing slashes stay as written.
 * `scripts/check-literal-minify.js` proves the rendered picker is unchanged; `MINIFY_LITERALS=0`
 * turns this off (that script's baseline build).
 */
export function minifyLiterals(): Plugin {
  return {
    ...(minifyTemplateLiterals({
      filter: (id) => id.startsWith(srcDir) && id.endsWith('.ts'),
      failOnError: true,
      options: {
        minifyOptions: {
          collapseWhitespace: true,
          conservativeCollapse: true,
          removeEmptyAttributes: false,
          removeAttributeQuotes: false,
          decodeEntities: false,
          keepClosingSlash: true,
          minifyJS: false,
          // clean-css: whitespace and comments only, no level-1 rewrites. Those also reorder selector
          // lists and rewrite values (`outline: none` → `outline: 0`, `700ms` → `.7s`, `0.5` → `.5`),
          // which changes computed values though not looks, for 12 bytes gz more.
          minifyCSS: { level: { 1: { all: false, specialComments: 0, selectorsSortingMethod: 'none' } } },
        },
      },
    }) as unknown as Plugin),
    // `apply: 'build'`, narrowed to our two library builds: Storybook's static build loads this file
    // too, but drops its `build` section (so no `lib`), and keeps its literals as written.
    apply: (config, { command }) => command === 'build' && !!config.build?.lib && process.env.MINIFY_LITERALS !== '0',
  };
}

/**
 * The package and standalone builds only: drops the translator's notes from `msg()` calls in src/
 * (`msg('got null', { desc: '…' })` → `msg('got null')`). @lit/localize reads `desc` only when
 * extracting strings to xliff/ (from the source, not the build); at runtime it reads `id` alone, so the
 * notes were shipped for nothing. Each note becomes spaces (newlines kept), so no code moves and
 * the source maps stay right as they are (`map: null`).
 */
export function stripMsgDescriptions(): Plugin {
  // `, { desc: '…' }` (any quote, no other option) just before the call's closing parenthesis.
  const note = /,\s*\{\s*desc:\s*(['"`])(?:\\.|(?!\1)[^\\])*\1\s*,?\s*\}(?=\s*\))/g;
  return {
    name: 'strip-msg-descriptions',
    apply: (config, { command }) => command === 'build' && !!config.build?.lib,
    transform(code, id) {
      if (!id.startsWith(srcDir) || !id.endsWith('.ts') || !code.includes('desc:')) return null;
      return { code: code.replace(note, (text) => text.replace(/[^\n]/g, ' ')), map: null };
    },
  };
}

/**
 * Both library builds: a map for every chunk, also one with no code of its own. Rolldown writes none
 * for those (the drop-in's `flow-….js` is one line re-exporting the virtualizer's layout), so that file
 * would be the one in the folder without its `.map` and `sourceMappingURL`. Its map maps nothing: the
 * line has no source of its own.
 */
export function mapEveryChunk(): Plugin {
  return {
    name: 'map-every-chunk',
    apply: (config, { command }) => command === 'build' && !!config.build?.lib && !!config.build.sourcemap,
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.map) continue;
        const fileName = `${chunk.fileName}.map`;
        const name = fileName.slice(fileName.lastIndexOf('/') + 1);
        const map = { version: 3, file: name.slice(0, -'.map'.length), sources: [], sourcesContent: [], names: [], mappings: '' };
        this.emitFile({ type: 'asset', fileName, source: JSON.stringify(map) });
        chunk.code += `\n//# sourceMappingURL=${name}\n`;
      }
    },
  };
}

// Everything a host resolves itself in the package build; the standalone build bundles it all.
const dependencies = [/^lit($|\/)/, /^@lit\//, /^@lit-labs\//];

/**
 * The drop-in folder, `dist/standalone/`: the entry `link-account-picker.js` with Lit and every
 * dependency it always needs inlined, and beside it the code a page may never run, as chunks loaded on
 * first need by the same `import()`s as in the package build: the virtualizer (lists over 200 rows) and
 * each language's strings. The chunks import what they share with the entry from the entry itself by a
 * relative URL, so the folder works from any static server with no import map and no build step.
 */
const standaloneBuild: BuildEnvironmentOptions = {
  outDir: 'dist/standalone',
  emptyOutDir: true,
  target: 'es2022',
  // A map beside the entry and each chunk, as in the package build: our code maps to the package's
  // src/ (shipped), Lit and the other dependencies to their sources, whose text each map carries
  // (sourcesContent), so a host's debugger shows them with no node_modules/ at hand.
  sourcemap: true,
  lib: { entry: { 'link-account-picker': 'src/standalone.ts' }, formats: ['es'] },
  rolldownOptions: {
    // The entry may export more than its API: the chunks import Lit and the rest from it.
    preserveEntrySignatures: 'allow-extension',
    output: {
      // Vite keeps whitespace in ES library builds (for the host's bundler); this folder is the end product.
      minify: true,
      // Hashed: a page that copies a newer folder over an older one never pairs an entry with a stale
      // chunk. Named after what they hold: `virtualizer-….js` (src/internal/virtualizer.ts, the one
      // import() of it) and `locales/es-….js`, as in the package build.
      chunkFileNames: ({ facadeModuleId }) => (facadeModuleId?.includes('/generated/locales/') ? 'locales/[name]-[hash].js' : '[name]-[hash].js'),
    },
  },
};

/** The npm package build: the host's bundler resolves Lit, so it is deduplicated with the host's. */
const packageBuild: BuildEnvironmentOptions = {
  outDir: 'dist',
  emptyOutDir: true,
  target: 'es2022',
  // Maps beside each file, pointing at the package's own src/ (shipped), so a host's debugger and
  // stack traces land in the TypeScript rather than the minified output.
  sourcemap: true,
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
  // The demo's mock backend needs MSW's worker served; the builds don't emit it.
  plugins: [mswWorkerPlugin(), minifyLiterals(), stripMsgDescriptions(), mapEveryChunk()],
  // The URL the README gives: another server on 5173 is an error, not a silent move to 5174.
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  build: mode === 'standalone' ? standaloneBuild : packageBuild,
}));
