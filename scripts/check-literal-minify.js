// Proves that minifying the template literals (vite.config.ts, `minifyLiterals()`) changes nothing an
// admin or a host can see. Builds the standalone bundle twice, with the minification and without it
// (MINIFY_LITERALS=0), loads each in headless Chromium with the clock frozen, renders the picker in
// several states through `searchAccounts` (every verdict from mocks/data.ts STORY_ACCOUNTS with a live
// countdown, several picked as chips, loading, too short, no match, failures, a partly malformed body),
// in English and in Spanish (<html lang="es">), and compares, for every element of the shadow root:
// its place in the tree, its attributes (names and values), its computed style and its box; the
// shadow root's rendered text (innerText) and whitespace-collapsed textContent; and every CSS rule as
// the browser parsed it. Exits 1 on any difference.
//
//   node scripts/check-literal-minify.js    (≈1 min; needs no other build)
import console from 'node:console';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright';
import { build as viteBuild } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = await mkdtemp(join(tmpdir(), 'lap-literal-minify-'));

/** The drop-in folder (dist/standalone/) as `npm run build` makes it, into out/<name>/; its entry's code. */
async function standalone(name, minify) {
  process.env.MINIFY_LITERALS = minify ? '1' : '0';
  await viteBuild({ root, mode: 'standalone', logLevel: 'error', build: { outDir: join(out, name) } });
  return readFile(join(out, name, 'link-account-picker.js'), 'utf8');
}

// The page: the mock world's story accounts as one response, and the scenarios. The picker comes from
// whichever bundle the URL names; nothing of src/ is bundled here.
const harness = `
import { createDataset, STORY_ACCOUNTS } from './mocks/data.ts';
import { accountAt } from './mocks/search.ts';

const NOW = Date.now();
const dataset = createDataset({ seed: 20260125, anchor: NOW - 4 * 60_000, count: 40 });
const site = dataset.sites.find((s) => s.id === 'northwind');
const linked = dataset.links.get('usr-1001') ?? new Set();
const stories = Object.values(STORY_ACCOUNTS).map((story) => {
  const account = accountAt(dataset.byId.get(story.id), NOW);
  account.linkedToUser = linked.has(account.id);
  return account;
});
const body = (accounts, extra = {}) => ({
  asOf: new Date(NOW).toISOString(), syncWindowMinutes: 15, site: { ...site, privateLabels: [...site.privateLabels] },
  accounts, nextCursor: null, total: accounts.length, ...extra,
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(test, what) {
  for (let i = 0; i < 400; i++) { if (test()) return; await sleep(10); }
  throw new Error('timed out waiting for ' + what);
}

const scenarios = {
  results: { answer: () => body(stories), query: 'co', ready: (r) => r.querySelectorAll('[role=option]').length === stories.length },
  chips: {
    multiple: true, answer: () => body(stories), query: 'co',
    ready: (r) => r.querySelectorAll('[role=option]').length === stories.length,
    async then(el, r) {
      const picks = [...r.querySelectorAll('[role=option]:not([aria-disabled=true])')].slice(0, 3);
      for (const option of picks) { option.click(); await el.updateComplete; }
      await until(() => r.querySelectorAll('[part~=chip]').length >= 3 || r.querySelectorAll('.chip').length >= 3, 'chips');
    },
  },
  more: { answer: () => body(stories.slice(0, 4), { nextCursor: 'c1', total: 60 }), query: 'co', ready: (r) => r.querySelectorAll('[role=option]').length === 4 },
  loading: { answer: () => new Promise(() => {}), query: 'harbor', ready: () => true, settle: 400 },
  short: { answer: () => body(stories), query: 'c', ready: () => true, settle: 400 },
  none: { answer: () => body([]), query: 'zzzz', ready: (r) => /zzzz/.test(r.textContent) },
  error: { answer: () => Promise.reject(new Error('boom')), query: 'co', ready: (r) => !!r.querySelector('[role=alert], .error, [part~=error]') },
  invalid: { answer: () => ({ nope: true }), query: 'co', ready: (r) => !!r.querySelector('[role=alert], .error, [part~=error]') },
  malformed: { answer: () => body([...stories.slice(0, 3), { id: 7 }, { name: null }]), query: 'co', ready: (r) => r.querySelectorAll('[role=option]').length === 3 },
};

function snapshot(el) {
  const r = el.shadowRoot;
  const elements = [];
  const walk = (node, path) => {
    let i = 0;
    for (const child of node.children) {
      const here = path + '/' + child.localName + '[' + i++ + ']';
      const style = getComputedStyle(child);
      const computed = {};
      for (const name of style) computed[name] = style.getPropertyValue(name);
      const box = child.getBoundingClientRect();
      elements.push({
        path: here,
        attributes: [...child.attributes].map((a) => a.name + '=' + JSON.stringify(a.value)).sort(),
        style: computed,
        box: [box.x, box.y, box.width, box.height].map((n) => Math.round(n * 100) / 100).join(','),
      });
      walk(child, here);
    }
  };
  walk(r, '');
  // The whole stylesheet as the browser parsed it: every rule, also those of states not rendered here
  // (hover, dark, forced colours, right-to-left, narrow).
  const css = r.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  const text = [...r.children].map((c) => c.innerText ?? '').join('\\n');
  return { css, text, textContent: r.textContent.replace(/\\s+/g, ' ').trim(), elements };
}

window.runScenario = async (name) => {
  const s = scenarios[name];
  const el = document.createElement('link-account-picker');
  el.site = 'northwind';
  el.user = 'usr-1001';
  el.label = 'Accounts to link';
  el.debounce = 0;
  if (s.multiple) el.multiple = true;
  el.searchAccounts = () => Promise.resolve().then(s.answer);
  document.body.append(el);
  await el.updateComplete;
  const input = el.shadowRoot.querySelector('[role=combobox]');
  input.focus();
  input.value = s.query;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: s.query }));
  await until(() => s.ready(el.shadowRoot), name);
  if (s.then) await s.then(el, el.shadowRoot);
  await sleep(s.settle ?? 100);
  await el.updateComplete;
  // The spinner turns even with reduced motion: stop every animation at its start.
  for (const animation of el.shadowRoot.getAnimations()) { animation.pause(); animation.currentTime = 0; }
  return snapshot(el);
};
`;

await esbuild({
  stdin: { contents: harness, resolveDir: root, sourcefile: 'harness.ts', loader: 'ts' },
  outfile: join(out, 'harness.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome130',
  logLevel: 'error',
});

const builds = { plain: await standalone('plain', false), minified: await standalone('minified', true) };
if (builds.plain === builds.minified) throw new Error('the two builds are identical: the minification did not run');

const pages = {
  '/index.html': (url) => `<!doctype html><html lang="${url.searchParams.get('lang')}"><meta charset="utf-8"><body>
    <script type="module">
      await import('/${url.searchParams.get('build')}/link-account-picker.js');
      await import('/harness.js');
      window.ready = true;
    </script>`,
};
const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://x');
  if (pages[url.pathname]) {
    res.writeHead(200, { 'content-type': 'text/html' }).end(pages[url.pathname](url));
    return;
  }
  const file = join(out, url.pathname);
  if (!file.startsWith(out) || !/\.js$/.test(file)) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': 'text/javascript' }).end(await readFile(file).catch(() => ''));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

// The same instant for both builds: countdowns, "booked 4 minutes ago" and relative times match.
const frozen = `{
  const now = ${Date.parse('2026-11-25T19:34:00Z')};
  Date.now = () => now;
  performance.now = () => 5000;
}`;

async function run(build, lang, scenario) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 }, reducedMotion: 'reduce', locale: lang });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.addInitScript(frozen);
  await page.goto(`${origin}/index.html?build=${build}&lang=${lang}`);
  await page.waitForFunction(() => globalThis.ready === true);
  const snap = await page.evaluate((name) => globalThis.runScenario(name), scenario);
  await context.close();
  if (errors.length) throw new Error(`${build} ${lang} ${scenario}: ${errors.join('; ')}`);
  return snap;
}

function compare(a, b) {
  const diffs = [];
  if (a.text !== b.text) diffs.push(`innerText:\n  plain:    ${JSON.stringify(a.text)}\n  minified: ${JSON.stringify(b.text)}`);
  if (a.textContent !== b.textContent) diffs.push(`textContent:\n  plain:    ${JSON.stringify(a.textContent)}\n  minified: ${JSON.stringify(b.textContent)}`);
  if (a.css.length === 0) diffs.push('no adopted stylesheet: the CSS was not compared');
  for (let i = 0; i < Math.max(a.css.length, b.css.length); i++) {
    if (a.css[i] !== b.css[i]) diffs.push(`CSS rule ${i}:\n  plain:    ${a.css[i]}\n  minified: ${b.css[i]}`);
  }
  const n = Math.max(a.elements.length, b.elements.length);
  for (let i = 0; i < n; i++) {
    const x = a.elements[i];
    const y = b.elements[i];
    if (!x || !y || x.path !== y.path) {
      diffs.push(`tree differs at element ${i}: ${x?.path} vs ${y?.path}`);
      break;
    }
    if (x.attributes.join(' ') !== y.attributes.join(' ')) diffs.push(`${x.path} attributes:\n  ${x.attributes.join(' ')}\n  ${y.attributes.join(' ')}`);
    if (x.box !== y.box) diffs.push(`${x.path} box: ${x.box} vs ${y.box}`);
    for (const prop of new Set([...Object.keys(x.style), ...Object.keys(y.style)])) {
      if (x.style[prop] !== y.style[prop]) diffs.push(`${x.path} ${prop}: ${x.style[prop]} vs ${y.style[prop]}`);
    }
  }
  return diffs;
}

let failed = 0;
try {
  for (const lang of ['en', 'es']) {
    for (const scenario of ['results', 'chips', 'more', 'loading', 'short', 'none', 'error', 'invalid', 'malformed']) {
      const a = await run('plain', lang, scenario);
      const b = await run('minified', lang, scenario);
      const diffs = compare(a, b);
      const label = `${lang} ${scenario}`.padEnd(14);
      if (diffs.length) {
        failed++;
        console.log(`✗ ${label} ${diffs.length} difference(s):\n${diffs.slice(0, 20).join('\n')}`);
      } else {
        console.log(`✓ ${label} ${a.elements.length} elements, ${a.text.length} chars of text: identical`);
      }
    }
  }
  const gz = (code) => (gzipSync(code).length / 1000).toFixed(2);
  console.log(`drop-in entry: ${gz(builds.plain)} kB gz plain → ${gz(builds.minified)} kB gz with literals minified`);
} finally {
  await browser.close();
  server.close();
  await rm(out, { recursive: true, force: true });
}
if (failed) {
  console.log(`${failed} state(s) differ`);
  process.exit(1);
}
