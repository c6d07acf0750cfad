/**
 * custom-elements.json, generated from the element's JSDoc by `npm run analyze` and checked fresh in CI
 * (so the output must be byte-for-byte reproducible, and must not touch package.json).
 */
export default {
  // Public modules only: the define module and the element class; rules, parsing, styles and the
  // generated translations are not part of the element's surface.
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/generated/**', 'src/rules/**', 'src/eligibility.ts', 'src/standalone.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest; the analyzer rewriting it (and re-indenting it) would
  // make every run a diff.
  packagejson: false,
  dependencies: false,
  dev: false,
  // globby returns files in file-system order, which differs between machines: sort them.
  overrideModuleCreation({ ts, globs }) {
    return [...globs].sort().map((glob) =>
      ts.createSourceFile(glob, readSource(glob), ts.ScriptTarget.ES2022, true),
    );
  },
  plugins: [publicSurfaceOnly()],
};

import { readFileSync } from 'node:fs';

function readSource(path) {
  return readFileSync(path, 'utf8');
}

/**
 * The manifest describes what a host can use: private and protected members, `#fields` and Lit's
 * plumbing (static styles) only add noise to docs and editor hints. Modules that declare nothing
 * public are dropped.
 */
function publicSurfaceOnly() {
  const isPublic = (member) =>
    member.privacy !== 'private' && member.privacy !== 'protected' && !member.name?.startsWith('#');
  const plumbing = new Set(['styles', 'shadowRootOptions']);
  return {
    name: 'public-surface-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.members) continue;
          declaration.members = declaration.members.filter(
            (member) => isPublic(member) && !(member.static && plumbing.has(member.name)),
          );
        }
      }
      customElementsManifest.modules = (customElementsManifest.modules ?? []).filter(
        (mod) => (mod.declarations ?? []).length > 0 || (mod.exports ?? []).length > 0,
      );
    },
  };
}
