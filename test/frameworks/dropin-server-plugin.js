// The drop-in folder as a page with no build step gets it: a plain static web server (Node's http and
// the files on disk, nothing rewritten, no import map) serving dist/standalone/ as it was built, on its
// own origin, beside host pages under the strict Content-Security-Policy. The test framework's server
// only tells the tests where it is and which files each host page asked for.
//
// Paths on the static server: /<run>/<variant>/host.html?rows=N with `<html lang>` from ?lang=,
// /<run>/<variant>/standalone/… the folder, and /host.js the script those pages run. `<run>` keeps
// one page's requests apart from another's; the `broken` variant answers 404 for every chunk, so a
// page sees the fallbacks (English strings, a long list without the virtualizer).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STRICT_CSP } from '../hardening/csp-plugin.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const folder = join(root, 'dist/standalone');
const hostScript = join(root, 'test/frameworks/dropin/host.js');

/** Where the tests ask for the static server's origin, and a run's requests (`?run=`). */
export const DROPIN_ORIGIN_PATH = '/__dropin__/origin';
export const DROPIN_REQUESTS_PATH = '/__dropin__/requests';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

function hostPage(lang) {
  // No inline script or style: the entry and the test's script, both external module scripts.
  return `<!doctype html>
<html lang="${lang.replace(/[^\w-]/g, '')}">
  <head>
    <meta charset="utf-8">
    <title>drop-in host</title>
    <script type="module" src="standalone/link-account-picker.js"></script>
    <script type="module" src="/host.js"></script>
  </head>
  <body></body>
</html>
`;
}

/** @returns {import('@web/dev-server-core').Plugin} */
export function dropinServerPlugin() {
  /** run → paths requested, in order */
  const requests = new Map();
  let server;
  let origin = '';

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status, body = '', type = 'text/plain', headers = {}) =>
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers }).end(body);
    if (url.pathname === '/host.js') return send(200, await readFile(hostScript), types['.js']);
    const [, run, variant, ...rest] = url.pathname.split('/');
    if (!run || !['ok', 'broken'].includes(variant ?? '')) return send(404);
    const path = rest.join('/');
    if (!requests.has(run)) requests.set(run, []);
    requests.get(run).push(path);
    if (path === 'host.html') {
      return send(200, hostPage(url.searchParams.get('lang') ?? 'en'), types['.html'], { 'content-security-policy': STRICT_CSP });
    }
    if (!path.startsWith('standalone/')) return send(404);
    const file = normalize(join(folder, path.slice('standalone/'.length)));
    if (!file.startsWith(folder + sep)) return send(404);
    if (variant === 'broken' && !file.endsWith(`${sep}link-account-picker.js`)) return send(404);
    const body = await readFile(file).catch(() => undefined);
    return body ? send(200, body, types[extname(file)] ?? 'application/octet-stream') : send(404);
  }

  return {
    name: 'dropin-static-server',
    async serverStart() {
      server = createServer((req, res) => void handle(req, res).catch(() => res.writeHead(500).end()));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      origin = `http://127.0.0.1:${server.address().port}`;
    },
    async serverStop() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    },
    serve(context) {
      if (context.path === DROPIN_ORIGIN_PATH) return { body: JSON.stringify({ origin }), type: 'json', headers: { 'cache-control': 'no-store' } };
      if (context.path === DROPIN_REQUESTS_PATH) {
        const run = context.URL.searchParams.get('run') ?? '';
        return { body: JSON.stringify(requests.get(run) ?? []), type: 'json', headers: { 'cache-control': 'no-store' } };
      }
      return undefined;
    },
  };
}
