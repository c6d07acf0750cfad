// Proves that a change of the build or of the styles changes nothing an admin or a host can see, by
// rendering the picker from two builds of the drop-in folder in every state of scripts/picker-snapshot.js
// (closed, focused, every verdict, active, hovered, chips, disabled, invalid, loading, failures, a long
// virtualized list; English and Spanish, dark, right to left, forced colours, a narrow box) and comparing,
// for every element of the shadow root, its place in the tree, its attributes, its computed style and
// its box, and the rendered text. Exits 1 on any difference.
//
//   node scripts/check-literal-minify.js
//     The minification of the template literals (vite.config.ts, `minifyLiterals()`): this tree built
//     with it and without it (MINIFY_LITERALS=0). Every CSS rule as the browser parsed it must match too.
//   node scripts/check-literal-minify.js --against <git ref>
//     A change of the styles: this tree against the ref's tree (taken with `git archive`, built with this
//     tree's node_modules). The CSS rules differ on purpose, and so may the private `--_*` properties;
//     every computed style, box, attribute and text must not.
//
// About two minutes; needs no other build.
import console from 'node:console';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as viteBuild } from 'vite';
import { CASES, caseLabel, compare, openPage } from './picker-snapshot.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = await mkdtemp(join(tmpdir(), 'lap-literal-minify-'));
const refArg = process.argv.indexOf('--against');
const against = refArg === -1 ? undefined : process.argv[refArg + 1];
if (refArg !== -1 && !against) throw new Error('--against needs a git ref, e.g. --against main');

/** The drop-in folder (dist/standalone/) of the tree at `from`, as `npm run build` makes it, into out/<name>/; its entry's code. */
async function standalone(name, minify, from = root) {
  process.env.MINIFY_LITERALS = minify ? '1' : '0';
  await viteBuild({ root: from, mode: 'standalone', logLevel: 'error', build: { outDir: join(out, name) } });
  return readFile(join(out, name, 'link-account-picker.js'), 'utf8');
}

/** The tree of a git ref, with this tree's node_modules. */
async function checkout(ref) {
  const dir = join(out, 'ref-tree');
  await mkdir(dir);
  const archive = execFileSync('git', ['-C', root, 'archive', '--format=tar', ref], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const [a, b] = against ? [against, 'this tree'] : ['plain', 'minified'];
const builds = against
  ? { [a]: await standalone('a', true, await checkout(against)), [b]: await standalone('b', true) }
  : { [a]: await standalone('a', false), [b]: await standalone('b', true) };
if (!against && builds[a] === builds[b]) throw new Error('the two builds are identical: the minification did not run');

const page = await openPage(root, out);
let failed = 0;
try {
  for (const c of CASES) {
    const x = await page.snap('a', c);
    const y = await page.snap('b', c);
    const diffs = compare(x, y, { rules: !against, names: [a, b] });
    const label = caseLabel(c).padEnd(28);
    if (diffs.length) {
      failed++;
      console.log(`✗ ${label} ${diffs.length} difference(s):\n${diffs.slice(0, 20).join('\n')}`);
    } else {
      console.log(`✓ ${label} ${x.elements.length} elements, ${x.text.length} chars of text: identical`);
    }
  }
  const gz = (code) => (gzipSync(code).length / 1000).toFixed(2);
  console.log(`drop-in entry: ${gz(builds[a])} kB gz ${a} → ${gz(builds[b])} kB gz ${b}`);
} finally {
  await page.close();
  await rm(out, { recursive: true, force: true });
}
if (failed) {
  console.log(`${failed} state(s) differ`);
  process.exit(1);
}
