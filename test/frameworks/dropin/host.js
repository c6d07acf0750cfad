// Runs in a drop-in host page (test/frameworks/dropin-server-plugin.js): plain JavaScript, served as
// it is, next to the drop-in folder's entry. Mounts a picker, searches, waits for the rows (for a long
// list: the virtualizer, or the fallback of every row), scrolls a virtualized list to its end, and
// posts what a user would see to the test page that framed it.
const params = new URL(location.href).searchParams;
const rows = Number(params.get('rows') ?? '3');
const violations = [];
const errors = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
window.addEventListener('error', (e) => {
  // The virtualizer's benign ResizeObserver notice while rows are first measured (see docs/performance.md).
  if (!/ResizeObserver loop/.test(e.message)) errors.push(e.message);
});

const HOUR = 3_600_000;
function response() {
  const now = Date.now();
  return {
    asOf: new Date(now).toISOString(),
    syncWindowMinutes: 15,
    site: { id: 'northwind', name: 'Northwind Equipment Finance', privateLabels: ['NWF'], includeUnlabeled: true },
    accounts: Array.from({ length: rows }, (_, i) => ({
      id: `acc-${i + 1}`,
      number: `C${String(i + 1).padStart(6, '0')}`,
      name: `Harbor Account ${i + 1}`,
      portalSyncedAt: new Date(now - 48 * HOUR).toISOString(),
      contracts: [{ id: `ct-${i + 1}`, role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: new Date(now - 49 * HOUR).toISOString() }],
    })),
    nextCursor: null,
    total: rows,
  };
}

async function until(check, what, timeout = 8000) {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

async function main() {
  await customElements.whenDefined('link-account-picker');
  const el = document.createElement('link-account-picker');
  el.site = 'northwind';
  el.label = 'Accounts to link';
  el.debounce = 0;
  el.searchAccounts = () => Promise.resolve(response());
  document.body.append(el);
  await el.updateComplete;
  const root = el.shadowRoot;
  const input = root.querySelector('[role="combobox"]');
  const options = () => [...root.querySelectorAll('[role="option"]')];
  input.focus();
  input.value = 'harbor';
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: 'harbor' }));
  await until(() => options().length > 0, 'the first rows');
  const virtualList = () => root.querySelector('[role="listbox"].virtual');
  if (rows > 200) await until(() => virtualList() || options().length === rows, 'the virtualizer, or every row without it');
  const virtual = !!virtualList();
  const optionsAtFirst = options().length;
  let lastShown = options().at(-1)?.getAttribute('aria-posinset') ?? String(options().length);
  if (virtual) {
    // Scrolled to the end, the virtualizer renders the last rows in place of the first.
    const list = virtualList();
    await until(() => {
      list.scrollTop = list.scrollHeight;
      return options().some((o) => o.getAttribute('aria-posinset') === String(rows));
    }, 'the last row');
    lastShown = String(rows);
  }
  return {
    lang: document.documentElement.lang,
    placeholder: input.placeholder,
    firstRow: options()[0]?.textContent.replace(/\s+/g, ' ').trim().slice(0, 40),
    optionsAtFirst,
    virtual,
    setSize: options()[0]?.getAttribute('aria-setsize') ?? null,
    lastShown,
  };
}

main().then(
  (report) => parent.postMessage({ dropinReport: { ...report, violations, errors } }, '*'),
  (error) => parent.postMessage({ dropinReport: { failed: String(error), violations, errors } }, '*'),
);
