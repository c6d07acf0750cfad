/**
 * A @web/dev-server plugin that lets browser tests import React and Vue like an app does:
 * `import { createElement } from 'react'`, `import { createRoot } from 'react-dom/client'`,
 * `import { createApp, h } from 'vue'`.
 *
 * Vue: its default ESM build reads `process.env` (a bundler replaces it); the browser build doesn't,
 * and includes the template compiler, so tests can use templates with `isCustomElement` as apps do.
 *
 * React 19 ships CommonJS only, which a browser can't import. esbuild (already installed for the
 * TypeScript transform) bundles React and ReactDOM once into a single ES module, so both imports share
 * one React instance, and each import path is served as a thin module re-exporting its names.
 */
import { execFileSync } from 'node:child_process';
import process from 'node:process';
import { build } from 'esbuild';

const PREFIX = '/__react-esm/';
const entries = {
  react: 'react',
  'react-dom': 'react-dom',
  'react-dom/client': 'react-dom/client',
  'react/jsx-runtime': 'react/jsx-runtime',
};
/**
 * Each module's export names, read in a child Node process: loading React in this one would print
 * through the test runner's console, which React's development build trips over.
 */
let exportNames;
function namesOf(name) {
  exportNames ??= JSON.parse(
    execFileSync(
      process.execPath,
      ['-e', `console.log(JSON.stringify(Object.fromEntries(${JSON.stringify(Object.values(entries))}.map((id) => [id, Object.keys(require(id))]))))`],
      { cwd: process.cwd(), env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' },
    ),
  );
  return exportNames[entries[name]];
}

let shared;
function sharedBundle() {
  shared ??= build({
    stdin: {
      contents: Object.entries(entries)
        .map(([name, id], i) => `import * as m${i} from '${id}'; export { m${i} as ${key(name)} };`)
        .join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    write: false,
    target: 'chrome130',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return shared;
}

const key = (name) => name.replace(/[^a-z]/gi, '_');

/** `export const { a, b } = ns`, with the names React really has (read from the CJS module in Node). */
function facade(name) {
  const names = namesOf(name).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
  return [
    `import { ${key(name)} as cjs } from '${PREFIX}shared.js';`,
    `const ns = cjs.default ?? cjs;`,
    `export default ns;`,
    names.length ? `export const { ${names.join(', ')} } = ns;` : '',
  ].join('\n');
}

export function frameworksEsm() {
  return {
    name: 'frameworks-esm',
    resolveImport({ source }) {
      if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.js';
      if (source in entries) return `${PREFIX}${key(source)}.js`;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return;
      const requested = context.path.slice(PREFIX.length, -'.js'.length);
      if (requested === 'shared') return { body: await sharedBundle(), type: 'js' };
      const name = Object.keys(entries).find((n) => key(n) === requested);
      if (name) return { body: facade(name), type: 'js' };
    },
  };
}
