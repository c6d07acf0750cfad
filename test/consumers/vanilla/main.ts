// A plain TypeScript page (Vite, esbuild…): the package's types with no setup.
import 'link-account-picker';
import { setLocale, type Eligibility, type LinkAccountPicker } from 'link-account-picker';
import { evaluateAccount, parseSearchResponse } from 'link-account-picker/eligibility';

const picker: LinkAccountPicker | null = document.querySelector('link-account-picker');
picker?.addEventListener('account-select', (event) => console.log(event.detail.account.id));

// The events bubble and are composed: listeners on the document, the window or a form are typed too.
document.addEventListener('account-select', (event) => {
  const verdict: Eligibility = event.detail.eligibility;
  console.log(event.detail.account.name, verdict.code);
});
window.addEventListener('search-error', (event) => console.warn(event.detail.error.kind, event.detail.error.message));
document.querySelector('form')?.addEventListener('search-complete', (event) => console.log(event.detail.results.length));
document.body.addEventListener('account-deselect', (event) => console.log(event.detail.account.id));

// @ts-expect-error search-error's detail has no `account`.
window.addEventListener('search-error', (event) => event.detail.account);

const parsed = parseSearchResponse({ site: { id: 'northwind', privateLabels: [] }, accounts: [] });
if (parsed.ok) {
  for (const account of parsed.response.accounts) {
    console.log(evaluateAccount(account, { site: parsed.response.site, now: new Date() }).code);
  }
}
await setLocale('es-MX');
