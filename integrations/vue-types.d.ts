import type { DefineComponent } from "vue";
import type {
  LinkAccountPicker,
  AccountSelectDetail,
  AccountDeselectDetail,
  SearchCompleteDetail,
  SearchErrorDetail,
} from "../dist/types/link-account-picker.js";

type LinkAccountPickerProps = {
  /** Visible label of the search box (also its accessible name). */
  label?: LinkAccountPicker["label"];
  /** Placeholder of the search box. */
  placeholder?: LinkAccountPicker["placeholder"];
  /** Help text shown under the search box and read as its description ("Only accounts of this portal
site are listed."). For rich content, use the `help-text` slot instead. */
  helpText?: LinkAccountPicker["helpText"];
  /** Allows several accounts, shown as removable chips. */
  multiple?: LinkAccountPicker["multiple"];
  /** Whether the results popup is shown. The picker sets it as the admin focuses, types, presses Escape
or clicks away; a host or a preview sets it to show results with no focus and no typing (see
`search()`). Not reflected to the attribute. */
  open?: LinkAccountPicker["open"];
  /** URL of the search endpoint (`GET {endpoint}?q=…&site=…&limit=…`). Relative URLs resolve against the page. */
  endpoint?: LinkAccountPicker["endpoint"];
  /** Id of the portal site the user belongs to; sent as `site`. */
  site?: LinkAccountPicker["site"];
  /** Id of the portal user being edited; sent as `user` when set, so the server can flag accounts already linked. */
  user?: LinkAccountPicker["user"];
  /** Characters needed before searching. */
  minChars?: LinkAccountPicker["minChars"];
  /** Milliseconds to wait after the last keystroke before searching. */
  debounce?: LinkAccountPicker["debounce"];
  /** Accounts per page; sent as `limit`. */
  limit?: LinkAccountPicker["limit"];
  /** Milliseconds before a request is abandoned as timed out. */
  timeout?: LinkAccountPicker["timeout"];
  /** Disables the search box and the chips; a disabled picker submits nothing. */
  disabled?: LinkAccountPicker["disabled"];
  /** Makes the form invalid while nothing is selected. */
  required?: LinkAccountPicker["required"];
  /** Form field name: each selected id is submitted under it. */
  name?: LinkAccountPicker["name"];
  /** Ids of the selected accounts; at most one unless `multiple` (then the first). Setting it never fires `change`. */
  value?: LinkAccountPicker["value"];
  /** Extra `fetch` options (headers, credentials, mode): secrets belong here, never in attributes. */
  fetchInit?: LinkAccountPicker["fetchInit"];
  /** Called instead of `fetch` when set; its result is treated exactly like a response body. */
  searchAccounts?: LinkAccountPicker["searchAccounts"];
  /** `account-select`: The admin picked a linkable account. `detail: { account, eligibility }`. Detail: `AccountSelectDetail` = `{ account: Account; eligibility: Eligibility }`. */
  onAccountSelect?: (e: CustomEvent<AccountSelectDetail>) => void;
  /** `account-deselect`: A selected account was removed (chip, Backspace, or replaced in single mode). `detail: { account }`. Detail: `AccountDeselectDetail` = `{ account: Account }`. */
  onAccountDeselect?: (e: CustomEvent<AccountDeselectDetail>) => void;
  /** `change`: After the admin changed `value` (not when the host sets it). */
  onChange?: (e: CustomEvent<never>) => void;
  /** `search-complete`: A search's results are on screen, also from the cache and after each further page. `detail: { query, results, nextCursor, total, malformed }`. Detail: `SearchCompleteDetail` = `{ query: string; results: AccountResult[]; nextCursor: string | null; total?: number; malformed: number }`. */
  onSearchComplete?: (e: CustomEvent<SearchCompleteDetail>) => void;
  /** `search-error`: A search failed. `detail: { query, error: { kind, status?, message, retryAfter? } }`. Never fired for a request the picker abandoned. Detail: `SearchErrorDetail` = `{ query: string; error: SearchErrorInfo }`. */
  onSearchError?: (e: CustomEvent<SearchErrorDetail>) => void;
};

export type CustomElements = {
  /**
   * An accessible combobox that searches accounts as the admin types and shows, for each match,
   * whether it can be linked to the portal user and why not.
   * ---
   *
   *
   * ### **Methods:**
   *  - **focus(options: _FocusOptions_): _void_** - Moves focus to the search box.
   * - **clear(): _void_** - Clears the query and closes the results; the selection stays.
   * - **search(query: _string_): _Promise<void>_** - Puts `query` in the search box and searches at once (no debounce), as if the admin had typed it
   * and paused. Resolves once that search's results or error are rendered, or another search replaced
   * it. Does not open the popup: set `open` for that.
   * - **checkValidity(): _boolean_** - Whether the picker has a valid selection; fires `invalid` when not, like a native control.
   * - **reportValidity(): _boolean_** - Like `checkValidity()`, and shows the browser's message at the search box.
   *
   * ### **Slots:**
   *  - **help-text** - Help under the search box, also read as its description (rich content; the `help-text` attribute is the plain-text alternative).
   *
   * ### **CSS Properties:**
   *  - **--link-account-picker-font-family** - Font of the whole picker (a system font stack, not the page's). _(default: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)_
   * - **--link-account-picker-font-size** - Base font size. _(default: 0.9375rem)_
   * - **--link-account-picker-radius** - Corner radius of the box, popup and chips. _(default: 0.5rem)_
   * - **--link-account-picker-spacing** - Base spacing unit. _(default: 0.5rem)_
   * - **--link-account-picker-label-color** - Colour of the label (the page's text colour by default). _(default: inherit)_
   * - **--link-account-picker-color** - Text colour of the box and the popup. _(default: light-dark(#1b1f24, #e6e9ee))_
   * - **--link-account-picker-muted-color** - Secondary text colour. _(default: light-dark(#59626f, #a3adbb))_
   * - **--link-account-picker-background** - Background of the box and popup. _(default: light-dark(#ffffff, #1c2128))_
   * - **--link-account-picker-surface** - Background of chips, hover and the summary line. _(default: light-dark(#f5f7fa, #252c35))_
   * - **--link-account-picker-border-color** - Border colour. _(default: light-dark(#b8c0cc, #4a5462))_
   * - **--link-account-picker-accent-color** - Focus, active row and buttons. _(default: light-dark(#0b5cd5, #6ea8ff))_
   * - **--link-account-picker-focus-ring** - Box shadow of the focused box. _(default: 0 0 0 3px light-dark(rgb(11 92 213 / 0.35), rgb(110 168 255 / 0.45)))_
   * - **--link-account-picker-active-background** - Background of the active and selected rows. _(default: light-dark(#e8f0fd, #23344f))_
   * - **--link-account-picker-highlight-background** - Background of the matched text. _(default: light-dark(#fff1a8, #5c4d00))_
   * - **--link-account-picker-linkable-color** - Marker of accounts that can be linked. _(default: light-dark(#147a3d, #4cc37a))_
   * - **--link-account-picker-pending-color** - Marker of accounts waiting for the sync. _(default: light-dark(#945c00, #f0b43c))_
   * - **--link-account-picker-blocked-color** - Marker of accounts that can't be linked. _(default: light-dark(#b42318, #ff7b72))_
   * - **--link-account-picker-linked-color** - Marker of accounts already linked. _(default: light-dark(#5b47c4, #a898ff))_
   * - **--link-account-picker-error-color** - Colour of error icons and texts. _(default: light-dark(#b42318, #ff7b72))_
   * - **--link-account-picker-popup-shadow** - Shadow of the popup. _(default: 0 12px 32px rgb(15 23 42 / 0.18), 0 2px 6px rgb(15 23 42 / 0.12))_
   * - **--link-account-picker-popup-max-height** - Tallest the popup grows before it scrolls. The picker also keeps it within the room beside the box (never under about three rows). _(default: min(26rem, max(8rem, 50dvh)))_
   * - **--link-account-picker-z-index** - Stacking order of the popup only in browsers without the Popover API (before Chrome 114, Firefox 125, Safari 17), where it hangs under the box in the page. Elsewhere the popup is in the top layer, above every `z-index`, and this has no effect. _(default: 1000)_
   *
   * ### **CSS Parts:**
   *  - **base** - The wrapper around everything.
   * - **label** - The visible label of the search box.
   * - **control** - The bordered box holding the chips and the search box.
   * - **chips** - The list of selected accounts.
   * - **chip** - One selected account.
   * - **chip-remove** - The button that removes a selected account.
   * - **input** - The search box (`role="combobox"`).
   * - **spinner** - The loading indicator.
   * - **help-text** - The help under the search box (the `help-text` attribute or slot).
   * - **validation-message** - Why the picker is invalid, under the search box, shown once the form has been submitted (or `reportValidity()` called).
   * - **popup** - The results panel. It shows in the top layer (a manual popover), so no ancestor's `overflow`, `z-index`, `transform` or modal dialog clips or covers it; the picker sets its `top`, `left`, `width` and `max-height` to keep it against the box (below, or above where there is more room), so style its look, not its place.
   * - **error** - The status line when a search failed (with `status`).
   * - **status** - The line that says what the picker is doing or found (hint, loading, summary, no matches, error).
   * - **retry** - The retry button of an error.
   * - **notice** - The note about malformed accounts left out of a response.
   * - **listbox** - The list of results (`role="listbox"`).
   * - **group** - One group of results (can be linked, can't be linked yet, can't be linked, already linked).
   * - **group-label** - The heading of a group.
   * - **option** - One account (`role="option"`).
   * - **match** - The highlighted part of a name or number that matched the query.
   * - **reason** - Why an account can't be linked.
   * - **next-step** - What the admin can do about it.
   * - **countdown** - The live countdown of an account waiting for the portal sync.
   * - **footer** - The paging line under the results.
   * - **load-more** - The button that loads the next page.
   */
  "link-account-picker": DefineComponent<LinkAccountPickerProps>;
};

declare module "vue" {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface GlobalComponents extends CustomElements {}
}

declare global {
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-interface
    interface IntrinsicElements extends CustomElements {}
  }
}
