// A web-test-runner plugin that serves host pages under a strict Content-Security-Policy, so a test can
// load the element in an iframe exactly as a locked-down admin portal would, and count violations.

/**
 * The policy a strict host sends: no inline script or style anywhere, and every DOM sink that can
 * create script requires a Trusted Type. Lit creates one policy, 'lit-html', for its template HTML;
 * nothing else in the element may need one.
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/** Where the host page is served; `?entry=` names the module it loads (only test/hardening ones). */
export const CSP_HOST_PATH = '/__csp__/host.html';

const ENTRY = /^\/test\/hardening\/[\w./-]+\.(ts|js)$/;

/** @returns {import('@web/dev-server-core').Plugin} */
export function cspHostPlugin() {
  return {
    name: 'csp-host',
    serve(context) {
      if (context.path !== CSP_HOST_PATH) return undefined;
      const entry = context.URL.searchParams.get('entry') ?? '';
      if (!ENTRY.test(entry) || entry.includes('..')) {
        return { body: 'unknown entry', type: 'text', headers: { 'cache-control': 'no-store' } };
      }
      return {
        // No inline script or style in the page itself: only an external module script.
        body: `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>strict CSP host</title>
    <script type="module" src="${entry}"></script>
  </head>
  <body></body>
</html>
`,
        type: 'html',
        headers: { 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' },
      };
    },
  };
}
