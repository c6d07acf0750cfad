// Runs every Node benchmark in bench/: bundles each *.bench.ts with esbuild into a temp dir, then runs
// it with node, one after the other so they don't compete for the CPU. Browser benchmarks
// (*.browser.bench.ts) need a page and are left to their own runner.
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import process from 'node:process';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const only = process.argv.slice(2);

const files = (await readdir(benchDir))
  .filter((name) => name.endsWith('.bench.ts') && !name.endsWith('.browser.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

if (files.length === 0) {
  console.error('No Node benchmarks found in bench/.');
  process.exit(1);
}

const outdir = await mkdtemp(join(tmpdir(), 'lap-bench-'));
let failed = 0;
try {
  for (const name of files) {
    const outfile = join(outdir, basename(name, '.ts') + '.mjs');
    await build({
      entryPoints: [join(benchDir, name)],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'warning',
    });
    console.log(`\n# ${name}`);
    const run = spawnSync(process.execPath, ['--enable-source-maps', outfile], { stdio: 'inherit' });
    if (run.status !== 0) failed++;
  }
} finally {
  await rm(outdir, { recursive: true, force: true });
}
process.exit(failed === 0 ? 0 : 1);
