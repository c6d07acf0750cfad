/**
 * `<link-account-picker>`: importing this module registers the element.
 *
 * @example
 * ```html
 * <script type="module">import 'link-account-picker';</script>
 * <link-account-picker endpoint="/api/accounts/search" site="nwf" user="u-42" label="Accounts" name="accounts" multiple></link-account-picker>
 * ```
 */
import { LinkAccountPicker } from './internal/link-account-picker.component.js';

export { LinkAccountPicker };
export {
  AccountDeselectEvent,
  AccountSelectEvent,
  SearchCompleteEvent,
  SearchErrorEvent,
  type AccountDeselectDetail,
  type AccountResult,
  type AccountSelectDetail,
  type SearchCompleteDetail,
  type SearchErrorDetail,
  type SearchErrorInfo,
} from './internal/events.js';
export { setLocale, supportedLocales } from './internal/localization.js';
export type {
  Account,
  Contract,
  Eligibility,
  EligibilityCode,
  EligibilityFacts,
  SearchAccounts,
  SearchRequest,
  SearchResponse,
  Site,
} from './rules/types.js';

// Guarded: a page may load both the package and the standalone bundle, or load the module twice.
if (!customElements.get('link-account-picker')) {
  customElements.define('link-account-picker', LinkAccountPicker);
}

declare global {
  interface HTMLElementTagNameMap {
    'link-account-picker': LinkAccountPicker;
  }
}
