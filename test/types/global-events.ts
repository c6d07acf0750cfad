/**
 * Type test (compiled by `npm run typecheck`, never run): the picker's events are typed wherever a
 * host listens, since they bubble and are composed: the element, a form, the document, the window.
 * The same checks run against the packed package in test/consumers/vanilla.
 */
import type { AccountSelectEvent, SearchErrorEvent } from '../../src/link-account-picker.js';

export function listen(picker: HTMLElementTagNameMap['link-account-picker'], form: HTMLFormElement): void {
  picker.addEventListener('account-select', (event) => event.detail.eligibility.code satisfies string);
  form.addEventListener('search-complete', (event) => event.detail.results.length satisfies number);
  document.addEventListener('account-select', (event) => {
    const typed: AccountSelectEvent = event;
    return typed.detail.account.id satisfies string;
  });
  document.addEventListener('account-deselect', (event) => event.detail.account.name satisfies string);
  window.addEventListener('search-error', (event) => {
    const typed: SearchErrorEvent = event;
    return typed.detail.error.retryAfter satisfies number | undefined;
  });
  // @ts-expect-error search-error's detail has no account: the listener is typed, not `Event`.
  window.addEventListener('search-error', (event) => event.detail.account);
  // @ts-expect-error account-select's detail has no error.
  document.addEventListener('account-select', (event) => event.detail.error);
}
