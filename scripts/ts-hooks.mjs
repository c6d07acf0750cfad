// Module hooks that let Node 20 import this repository's TypeScript (src/, mocks/, test/node/) as is,
// for `node --test`: esbuild strips the types, a `./x.js` import finds `./x.ts` as in the sources, and
// `link-account-picker/eligibility` is src/eligibility.ts.
// Registered by scripts/ts-register.mjs (`node --import ./scripts/ts-register.mjs`).
import { readFile } from 'node:fs/promises';
import { transform } from 'esbuild';

// The package's own entry points, as examples/ import them, resolve to the sources: tests need no build.
const SELF = { 'link-account-picker/eligibility': new URL('../src/eligibility.ts', import.meta.url).href };

export async function resolve(specifier, context, nextResolve) {
  if (Object.hasOwn(SELF, specifier)) return nextResolve(SELF[specifier], context);
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    const isRelative = specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('file:');
    if (!isRelative || !specifier.endsWith('.js')) throw error;
    return nextResolve(specifier.slice(0, -3) + '.ts', context);
  }
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const source = await readFile(new URL(url), 'utf8');
  const { code } = await transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: new URL(url).pathname,
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
