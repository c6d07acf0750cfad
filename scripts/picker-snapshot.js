// The page and the comparison the style guards share (scripts/check-literal-minify.js): two builds of the
// drop-in folder, each loaded in headless Chromium with the clock frozen, the picker rendered in every
// state an admin can meet, and, for every element of its shadow root, its place in the tree, its
// attributes, its computed style and its box; the rendered text; and every CSS rule as parsed.
//
// The states (CASES): closed, focused, open with every verdict of mocks/data.ts STORY_ACCOUNTS (a live
// countdown among them), the active option, a hovered option, chips (a focused remove button too),
// disabled with chips no search has described, required and invalid with its validation message, help
// text, loading (popup open, and closed with the spinner in the box), too short, no match, paging,
// failures, a partly malformed body and a long virtualized list; in English and in Spanish, and a few
// of them on a dark page (color-scheme: dark), right to left, in forced colours, in a narrow box and
// with motion allowed.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumPath } from './chromium.js';

// The page: the mock world's story accounts as one response, and the scenarios. The picker comes from
// whichever bundle the URL names; nothing of src/ is bundled here.
const harness = `
import { createDataset, STORY_ACCOUNTS } from './mocks/data.ts';
import { accountAt } from './mocks/search.ts';

const NOW = Date.now();
const dataset = createDataset({ seed: 20260125, anchor: NOW - 4 * 60_000, count: 400 });
const site = dataset.sites.find((s) => s.id === 'northwind');
const linked = dataset.links.get('usr-1001') ?? new Set();
const toAccount = (record) => {
  const account = accountAt(record, NOW);
  account.linkedToUser = linked.has(account.id);
  return account;
};
const stories = Object.values(STORY_ACCOUNTS).map((story) => toAccount(dataset.byId.get(story.id)));
const many = [...dataset.byId.values()].map(toAccount);
const body = (accounts, extra = {}) => ({
  asOf: new Date(NOW).toISOString(), syncWindowMinutes: 15, site: { ...site, privateLabels: [...site.privateLabels] },
  accounts, nextCursor: null, total: accounts.length, ...extra,
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(test, what) {
  for (let i = 0; i < 400; i++) { if (test()) return; await sleep(10); }
  throw new Error('timed out waiting for ' + what);
}
const options = (r) => r.querySelectorAll('[role=option]').length;
const hasError = (r) => !!r.querySelector('[role=alert], .error, [part~=error]');
const all = (r) => options(r) === stories.length;
const pickThree = async (el, r) => {
  const picks = [...r.querySelectorAll('[role=option]:not([aria-disabled=true])')].slice(0, 3);
  for (const option of picks) { option.click(); await el.updateComplete; }
  await until(() => r.querySelectorAll('[part~=chip]').length >= 3, 'chips');
};

// query: typed into the focused box (none: the box is left alone; '': focused only). keys: pressed by
// the real keyboard afterwards; hover: the shadow-root selector the real mouse rests on.
const scenarios = {
  closed: { ready: () => true },
  focused: { query: '', ready: () => true },
  help: { helpText: 'Only accounts of this site are listed.', ready: () => true },
  results: { answer: () => body(stories), query: 'co', ready: all },
  active: { answer: () => body(stories), query: 'co', ready: all, keys: ['ArrowDown', 'ArrowDown'] },
  hover: { answer: () => body(stories), query: 'co', ready: all, hover: '[role=option]' },
  chips: { multiple: true, answer: () => body(stories), query: 'co', ready: all, then: pickThree },
  'chip-focus': { multiple: true, answer: () => body(stories), query: 'co', ready: all, then: pickThree, keys: ['Shift+Tab'] },
  disabled: { multiple: true, value: ['acc-unknown-1', 'acc-unknown-2'], disabled: true, helpText: 'Ask an owner.', ready: () => true },
  invalid: {
    required: true, helpText: 'Pick at least one account.', ready: () => true,
    async then(el, r) {
      el.reportValidity();
      await until(() => !!r.querySelector('.validation-message'), 'the validation message');
    },
  },
  more: { answer: () => body(stories.slice(0, 4), { nextCursor: 'c1', total: 60 }), query: 'co', ready: (r) => options(r) === 4 },
  loading: { answer: () => new Promise(() => {}), query: 'harbor', ready: () => true, settle: 400 },
  'loading-closed': { answer: () => new Promise(() => {}), query: 'harbor', ready: () => true, settle: 400, keys: ['Escape'] },
  short: { answer: () => body(stories), query: 'c', ready: () => true, settle: 400 },
  none: { answer: () => body([]), query: 'zzzz', ready: (r) => /zzzz/.test(r.textContent) },
  error: { answer: () => Promise.reject(new Error('boom')), query: 'co', ready: hasError },
  'bad-body': { answer: () => ({ nope: true }), query: 'co', ready: hasError },
  malformed: { answer: () => body([...stories.slice(0, 3), { id: 7 }, { name: null }]), query: 'co', ready: (r) => options(r) === 3 },
  virtual: { answer: () => body(many), query: 'co', ready: (r) => !!r.querySelector('.listbox.virtual [role=option]'), settle: 300 },
};

function snapshot(el) {
  const r = el.shadowRoot;
  const elements = [];
  const walk = (node, path) => {
    let i = 0;
    for (const child of node.children) {
      const here = path + '/' + child.localName + '[' + i++ + ']';
      const computed = {};
      const read = (pseudo) => {
        const style = getComputedStyle(child, pseudo);
        if (pseudo && pseudo !== '::placeholder' && /^(none|normal)$/.test(style.content)) return;
        for (const name of style) computed[(pseudo ?? '') + name] = style.getPropertyValue(name);
      };
      // The element, its generated content (the next step's arrow) and the search box's placeholder.
      for (const pseudo of [null, '::before', '::after']) read(pseudo);
      if (child.localName === 'input') read('::placeholder');
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
  // The whole stylesheet as the browser parsed it: every rule, also those of states not rendered here.
  const css = r.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  const text = [...r.children].map((c) => c.innerText ?? '').join('\\n');
  return { css, text, textContent: r.textContent.replace(/\\s+/g, ' ').trim(), elements };
}

let picker;
let settle;
window.runScenario = async (name) => {
  const s = scenarios[name];
  const el = (picker = document.createElement('link-account-picker'));
  settle = s.settle ?? 100;
  el.site = 'northwind';
  el.user = 'usr-1001';
  el.label = 'Accounts to link';
  el.debounce = 0;
  if (s.multiple) el.multiple = true;
  if (s.required) el.required = true;
  if (s.disabled) el.disabled = true;
  if (s.helpText) el.helpText = s.helpText;
  if (s.value) el.value = s.value;
  el.searchAccounts = () => Promise.resolve().then(s.answer);
  document.body.append(el);
  await el.updateComplete;
  if (s.query !== undefined) {
    const input = el.shadowRoot.querySelector('[role=combobox]');
    input.focus();
    if (s.query) {
      input.value = s.query;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: s.query }));
    }
  }
  await until(() => s.ready(el.shadowRoot), name);
  if (s.then) await s.then(el, el.shadowRoot);
  await sleep(settle);
  await el.updateComplete;
  let hover;
  if (s.hover) {
    const box = el.shadowRoot.querySelector(s.hover).getBoundingClientRect();
    hover = [box.x + box.width / 2, box.y + box.height / 2];
  }
  return { keys: s.keys ?? [], hover };
};

window.finishScenario = async () => {
  await sleep(settle);
  await picker.updateComplete;
  // The spinner turns even with reduced motion: stop every animation at its start.
  for (const animation of picker.shadowRoot.getAnimations()) { animation.pause(); animation.currentTime = 0; }
  return snapshot(picker);
};
`;

const SCENARIOS = [
  'closed', 'focused', 'help', 'results', 'active', 'hover', 'chips', 'chip-focus', 'disabled', 'invalid',
  'more', 'loading', 'loading-closed', 'short', 'none', 'error', 'bad-body', 'malformed', 'virtual',
];

/** Every state in both languages, and the page-wide variants on the states they change most. */
export const CASES = [
  ...['en', 'es'].flatMap((lang) => SCENARIOS.map((scenario) => ({ scenario, lang }))),
  ...['closed', 'results', 'active', 'chips', 'invalid', 'error', 'disabled', 'more'].map((scenario) => ({ scenario, lang: 'en', dark: true })),
  ...['results', 'active', 'chips', 'chip-focus', 'invalid', 'loading', 'disabled'].map((scenario) => ({ scenario, lang: 'en', forcedColors: true })),
  ...['results', 'chips', 'invalid', 'more'].map((scenario) => ({ scenario, lang: 'es', rtl: true })),
  ...['results', 'active', 'chips', 'virtual'].map((scenario) => ({ scenario, lang: 'en', narrow: true })),
  { scenario: 'results', lang: 'es', narrow: true, dark: true },
  // Every other case asks for reduced motion; these show the transitions and the spinner's own speed.
  ...['focused', 'loading', 'loading-closed', 'chips'].map((scenario) => ({ scenario, lang: 'en', motion: true })),
];

export const caseLabel = (c) =>
  [c.lang, c.scenario, c.dark && 'dark', c.forcedColors && 'forced-colors', c.rtl && 'rtl', c.narrow && 'narrow', c.motion && 'motion'].filter(Boolean).join(' ');

/**
 * Serves `out` (the harness and each build's folder, out/<build>/link-account-picker.js and its chunks)
 * to one headless Chromium; `snap(build, case)` renders the case with that build and snapshots it.
 */
export async function openPage(root, out) {
  await esbuild({
    stdin: { contents: harness, resolveDir: root, sourcefile: 'harness.ts', loader: 'ts' },
    outfile: join(out, 'harness.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome130',
    logLevel: 'error',
  });
  const page = (url) => {
    const on = (name) => url.searchParams.get(name) === '1';
    const css = [on('dark') && ':root { color-scheme: dark; background: Canvas; color: CanvasText; }', on('narrow') && 'link-account-picker { width: 360px; }'];
    return `<!doctype html><html lang="${url.searchParams.get('lang')}"${on('rtl') ? ' dir="rtl"' : ''}><meta charset="utf-8">
    <style>${css.filter(Boolean).join('\n')}</style><body>
    <script type="module">
      await import('/${url.searchParams.get('build')}/link-account-picker.js');
      await import('/harness.js');
      window.ready = true;
    </script>`;
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/index.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page(url));
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

  async function snap(build, c) {
    const context = await browser.newContext({
      viewport: { width: 900, height: 1400 },
      reducedMotion: c.motion ? 'no-preference' : 'reduce',
      forcedColors: c.forcedColors ? 'active' : 'none',
      locale: c.lang,
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(frozen);
    const flags = ['dark', 'rtl', 'narrow'].map((name) => `&${name}=${c[name] ? 1 : 0}`).join('');
    await page.goto(`${origin}/index.html?build=${build}&lang=${c.lang}${flags}`);
    await page.waitForFunction(() => globalThis.ready === true);
    const { keys, hover } = await page.evaluate((name) => globalThis.runScenario(name), c.scenario);
    for (const key of keys) await page.keyboard.press(key);
    if (hover) await page.mouse.move(hover[0], hover[1]);
    const result = await page.evaluate(() => globalThis.finishScenario());
    await context.close();
    if (errors.length) throw new Error(`${build} ${caseLabel(c)}: ${errors.join('; ')}`);
    return result;
  }

  async function close() {
    await browser.close();
    server.close();
  }
  return { snap, close };
}

/**
 * The differences between two snapshots. `rules: false` leaves out the parsed CSS rules (for a change of
 * the rules themselves), and with them the private custom properties (`--_*`), which no admin sees.
 */
export function compare(a, b, { rules = true, names = ['a', 'b'] } = {}) {
  const [na, nb] = names.map((n) => `${n}:`.padEnd(10));
  const diffs = [];
  if (a.text !== b.text) diffs.push(`innerText:\n  ${na}${JSON.stringify(a.text)}\n  ${nb}${JSON.stringify(b.text)}`);
  if (a.textContent !== b.textContent) diffs.push(`textContent:\n  ${na}${JSON.stringify(a.textContent)}\n  ${nb}${JSON.stringify(b.textContent)}`);
  if (a.css.length === 0 || b.css.length === 0) diffs.push('no adopted stylesheet: the styles were not applied');
  if (rules) {
    for (let i = 0; i < Math.max(a.css.length, b.css.length); i++) {
      if (a.css[i] !== b.css[i]) diffs.push(`CSS rule ${i}:\n  ${na}${a.css[i]}\n  ${nb}${b.css[i]}`);
    }
  }
  const seen = (prop) => rules || !/^(::[a-z]+)?--_/.test(prop);
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
      if (seen(prop) && x.style[prop] !== y.style[prop]) diffs.push(`${x.path} ${prop}: ${x.style[prop]} vs ${y.style[prop]}`);
    }
  }
  return diffs;
}
