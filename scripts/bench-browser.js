// Runs the browser benchmarks (bench/*.browser.bench.ts) in headless Chromium, then prints the bundle
// sizes. Each benchmark is bundled with esbuild as a production build (Lit's production code, minified),
// served from a temp dir over loopback HTTP, and driven through Playwright. The page does the measuring;
// this runner only lends it real input (keyboard, wheel) and DevTools metrics through exposed functions.
//
//   node scripts/bench-browser.js [word…] [--json out.json] [--no-sizes] [--cpu-throttle N]
import { spawnSync } from 'node:child_process';
import console from 'node:console';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL, fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');

const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(name);
  if (i === -1) return undefined;
  const [, value] = argv.splice(i, 2);
  return value;
};
const jsonOut = flag('--json');
const cpuThrottle = Number(flag('--cpu-throttle') ?? 1);
const noSizes = argv.includes('--no-sizes') ? (argv.splice(argv.indexOf('--no-sizes'), 1), true) : false;
const only = argv;

const files = (await readdir(benchDir))
  .filter((name) => name.endsWith('.browser.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

/**
 * vaadin-combo-box (the render benchmark's peer) would report development-time usage statistics to
 * Vaadin from a localhost page; its package's own opt-out is a postinstall npm 11 skips. Same effect:
 * its opt-out module in place of the collector.
 */
const vaadinStatisticsOff = {
  name: 'vaadin-usage-statistics-off',
  setup(b) {
    b.onResolve({ filter: /^@vaadin\/vaadin-usage-statistics\/vaadin-usage-statistics\.js$/ }, () => ({
      path: join(root, 'node_modules/@vaadin/vaadin-usage-statistics/vaadin-usage-statistics-optout.js'),
    }));
  },
};

/** What `npm run bench` holds the built sizes to (KB = 1,000 bytes gzipped, as size-limit counts). */
const SIZE_GOALS = [
  { prefix: 'drop-in entry', goal: 25 },
  { prefix: 'drop-in folder', goal: 42 },
  { prefix: 'package build, English page', goal: 16 },
];

const results = { when: new Date().toISOString(), chromium: '', cpuThrottle, benches: {}, sizes: [] };
const TIMEOUT_MS = 10 * 60_000;
let failed = 0;

const outdir = await mkdtemp(join(tmpdir(), 'lap-bench-browser-'));
const types = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };
const server = createServer((req, res) => {
  const path = join(outdir, basename(new URL(req.url, 'http://x').pathname));
  if (!existsSync(path)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(path).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

/** The benchmarks force a garbage collection between phases. */
const launch = (extraArgs = []) =>
  chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--headless', ...chromiumArgs, '--js-flags=--expose-gc', ...extraArgs] });
const browser = await launch();
results.chromium = browser.version();

/**
 * The render benchmark runs twice. At the display's rate (60 Hz), every contender's rows reach the
 * screen with the next frame once its work fits in one, so its milliseconds mostly say where in the
 * frame the answer arrived: that run counts frames. With frames unthrottled (no vsync, no rate limit)
 * a frame is made as soon as the main thread is free, so response → painted is the work itself: that
 * run holds the goals. Both in the same `npm run bench`, each in its own browser.
 */
const FRAME_MODES = {
  'render.browser.bench': [
    { frames: 'display', args: [] },
    { frames: 'unthrottled', args: ['--disable-frame-rate-limit', '--disable-gpu-vsync'] },
  ],
};

try {
  for (const name of files) {
    const stem = basename(name, '.ts');
    await build({
      entryPoints: [join(benchDir, name)],
      plugins: [vaadinStatisticsOff],
      outfile: join(outdir, `${stem}.js`),
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'chrome130',
      minify: !process.env.BENCH_NO_MINIFY,
      sourcemap: 'linked',
      // What a host's production build gets: Lit's production code, not its dev-mode checks.
      conditions: ['browser', 'production'],
      define: { 'process.env.NODE_ENV': '"production"' },
      tsconfig: join(root, 'tsconfig.json'),
      logLevel: 'warning',
    });
    await writeFile(
      join(outdir, `${stem}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${stem}</title>` +
        `<link rel="icon" href="data:,"><style>body{margin:0;font:14px system-ui,sans-serif}</style></head>` +
        `<body><script type="module" src="./${stem}.js"></script></body></html>`,
    );
    for (const { frames, args } of FRAME_MODES[stem] ?? [{ args: [] }]) {
      console.log(`\n# ${name}${frames ? ` (frames: ${frames})` : ''}`);
      const own = args.length > 0 ? await launch(args) : browser;
      try {
        if (!(await runBench(own, stem, frames))) failed++;
      } finally {
        if (own !== browser) await own.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
  await rm(outdir, { recursive: true, force: true });
}

if (!noSizes) results.sizes = printSizes();
if (jsonOut) await writeFile(jsonOut, JSON.stringify(results, null, 2) + '\n');
process.exit(failed === 0 ? 0 : 1);

/** Loads one benchmark page and prints what it reports until it says it is done. */
async function runBench(browser, stem, frames) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (cpuThrottle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  const sections = [];
  let settle;
  const done = new Promise((resolve) => (settle = resolve));

  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') console.error(`  console.${msg.type()}: ${msg.text()}`);
  });
  await page.exposeFunction('__benchReport', (section) => {
    sections.push(section);
    printSection(section);
  });
  await page.exposeFunction('__benchDone', (error) => settle(error));
  await page.exposeFunction('__benchDrive', (action, args) => drive(page, cdp, action, args ?? {}));

  const timer = setTimeout(() => settle(`timed out after ${TIMEOUT_MS / 1000} s`), TIMEOUT_MS);
  await page.goto(`${origin}/${stem}.html${frames ? `?frames=${frames}` : ''}`);
  const error = await done;
  clearTimeout(timer);
  await context.close();
  results.benches[frames ? `${stem} (frames: ${frames})` : stem] = { sections, ...(error ? { error } : {}) };
  if (error) console.error(`  FAILED: ${error}`);
  return !error;
}

/** Real input and DevTools facts, on the page's request. */
async function drive(page, cdp, action, args) {
  switch (action) {
    case 'type':
      await page.keyboard.type(args.text, { delay: args.delay ?? 0 });
      return null;
    case 'press':
      for (let i = 0; i < (args.count ?? 1); i += 1) {
        await page.keyboard.press(args.key);
        if (args.delay) await new Promise((resolve) => setTimeout(resolve, args.delay));
      }
      return null;
    case 'wheel':
      await page.mouse.move(args.x, args.y);
      for (let i = 0; i < (args.count ?? 1); i += 1) {
        await page.mouse.wheel(0, args.deltaY);
        if (args.delay) await new Promise((resolve) => setTimeout(resolve, args.delay));
      }
      return null;
    case 'metrics': {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
    }
    case 'profileStart':
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      return null;
    case 'profileStop': {
      const { profile } = await cdp.send('Profiler.stop');
      return topFunctions(profile, args.top ?? 15);
    }
    default:
      throw new Error(`unknown drive action ${action}`);
  }
}

/** Self time per function from a CPU profile, largest first: where a slow interaction goes. */
function topFunctions(profile, top) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const { callFrame: f } = byId.get(id);
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => ({ name, ms: Math.round(ms * 10) / 10 }));
}

function printSection({ title, rows, notes = [] }) {
  console.log(`\n## ${title}`);
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  for (const r of rows) {
    const value = typeof r.value === 'number' ? formatNumber(r.value) : String(r.value);
    console.log(`  ${r.name.padEnd(width)}  ${value.padStart(10)} ${r.unit ?? ''}${r.note ? `   ${r.note}` : ''}`);
  }
  for (const note of notes) console.log(`  · ${note}`);
}

function formatNumber(n) {
  if (!Number.isFinite(n)) return String(n);
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

/** The built bundles, gzipped, from size-limit (the CI guard's own figures), against their goals. */
function printSizes() {
  console.log('\n## Bundle sizes (gzip; kB = 1,000 bytes)');
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'standalone', 'link-account-picker.js')) || isStale(dist)) {
    console.log('  building (npm run build)…');
    const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) {
      console.log(`  build failed, no sizes:\n${(run.stderr || run.stdout).split('\n').slice(-15).join('\n')}`);
      failed++;
      return [];
    }
  }
  // The dependency floor (what src/ imports from Lit, @lit/task, @lit/localize and the
  // virtualizer, with no picker code) is measured in the same run, as the drop-in's baseline.
  spawnSync('node', ['scripts/size-floor.js'], { cwd: root, encoding: 'utf8' });
  const run = spawnSync('npx', ['size-limit', '--json'], { cwd: root, encoding: 'utf8' });
  let sizes;
  try {
    sizes = JSON.parse(run.stdout).map((s) => ({ name: s.name, bytes: s.size, passed: s.passed !== false }));
  } catch {
    console.log(`  size-limit gave no figures:\n${(run.stderr || run.stdout).split('\n').slice(-15).join('\n')}`);
    failed++;
    return [];
  }
  for (const s of sizes) {
    const kb = s.bytes / 1000;
    const goal = SIZE_GOALS.find((g) => s.name.startsWith(g.prefix))?.goal;
    const verdict = goal === undefined ? '' : kb <= goal ? `   MET (goal ≤ ${goal} kB)` : `   MISSED BY ${(kb - goal).toFixed(2)} kB (goal ≤ ${goal} kB)`;
    console.log(`  ${s.name.padEnd(64)} ${kb.toFixed(2).padStart(7)} kB${verdict}${s.passed ? '' : '   OVER THE CI GUARD'}`);
  }
  const folder = sizes.find((s) => s.name.startsWith('drop-in folder'));
  const floor = sizes.find((s) => s.name.startsWith('floor: the dependencies'));
  if (folder && floor) {
    console.log(
      `  drop-in folder / dependency floor: ${(folder.bytes / floor.bytes).toFixed(2)}×` +
        ` (the picker's own code and strings add ${((folder.bytes - floor.bytes) / 1000).toFixed(2)} kB)`,
    );
  }
  return sizes;
}

function readdirSyncJs(dir) {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
}

/** True when any source file is newer than the oldest built bundle. */
function isStale(dist) {
  const built = readdirSyncJs(dist).map((f) => statSync(join(dist, f)).mtimeMs);
  if (built.length === 0) return true;
  const oldest = Math.min(...built);
  return readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true }).some(
    (entry) => entry.isFile() && statSync(join(entry.parentPath, entry.name)).mtimeMs > oldest,
  );
}
