import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Account, SearchAccounts } from '../rules/types.js';
import { currentLocale, localeLoading } from './localization.js';
import {
  AccountDeselectEvent,
  AccountSelectEvent,
  changeEvent,
  SearchCompleteEvent,
  SearchErrorEvent,
  type AccountResult,
  type SearchErrorInfo,
} from './events.js';
import {
  explain,
  formatCountdown,
  formatRelative,
  GROUP_ORDER,
  groupLabel,
  groupOf,
  type Explanation,
  type ExplainOptions,
  type ResultGroup,
} from './explain.js';
import { highlight, type TextPart } from './highlight.js';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { loadedVirtualizer, loadVirtualizer, virtualizerFailed, type VirtualizerApi } from './virtual-list.js';
import { outcomeNow, SearchController, type SearchOutcome, type SearchParams } from './search-controller.js';
import { styles } from './link-account-picker.styles.js';

/** One row of the listbox, in display order. */
interface OptionView {
  /** Position in the flattened list: the keyboard's index and the element id's suffix. */
  index: number;
  /** Position among the virtualized list's items (group headers included). */
  item: number;
  group: ResultGroup;
  result: AccountResult;
  /** Worked out on first use: a long list only ever explains the rows that are rendered. */
  readonly explanation: Explanation;
  /** The name and number split at the query's matches, on first use, then kept for the results. */
  readonly nameParts: TextPart[];
  readonly numberParts: TextPart[];
}

/** What a virtualized list renders, one entry per row: group headers and options, flattened. */
type ListItem = { kind: 'group'; group: ResultGroup; count: number } | { kind: 'option'; option: OptionView };

/** An OptionView whose words are worked out on first render: a long list only pays for rows it shows. */
class LazyOption implements OptionView {
  readonly group: ResultGroup;
  #explanation?: Explanation;
  #nameParts?: TextPart[];
  #numberParts?: TextPart[];

  constructor(
    readonly index: number,
    readonly item: number,
    readonly result: AccountResult,
    private readonly context: ExplainOptions,
    private readonly query: string,
  ) {
    this.group = groupOf(result.eligibility.code);
  }

  get explanation(): Explanation {
    return (this.#explanation ??= explain(this.result.account, this.result.eligibility, this.context));
  }

  get nameParts(): TextPart[] {
    return (this.#nameParts ??= highlight(this.result.account.name, this.query));
  }

  get numberParts(): TextPart[] {
    const { number } = this.result.account;
    return (this.#numberParts ??= number ? highlight(number, this.query, { ignorePunctuation: true }) : []);
  }
}

interface GroupView {
  group: ResultGroup;
  options: OptionView[];
}

/** The listbox's content for one set of results, computed once per results and locale. */
interface ListView {
  outcome: SearchOutcome;
  locale: string;
  groups: GroupView[];
  options: OptionView[];
  items: ListItem[];
}

/**
 * Longer lists render only the rows in view (@lit-labs/virtualizer, loaded on first need): 50,000
 * loaded accounts scroll and navigate without long tasks. Shorter ones keep every row in the DOM, in
 * real role="group"s; so does a long one for the moment the virtualizer takes to arrive, first rows only.
 */
const VIRTUALIZE_ABOVE = 200;

const ICONS = {
  search: svg`<path d="M10.5 3a7.5 7.5 0 0 1 5.96 12.05l4.24 4.25-1.4 1.4-4.25-4.24A7.5 7.5 0 1 1 10.5 3Zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z"/>`,
  linkable: svg`<path d="M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"/>`,
  pending: svg`<path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 3v4.6l3.5 2.1-1 1.7L11 12.7V7Z"/>`,
  blocked: svg`<path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm6.3 5.1L7.1 18.3A8 8 0 0 0 18.3 7.1ZM12 4a8 8 0 0 0-6.3 12.9L16.9 5.7A8 8 0 0 0 12 4Z"/>`,
  linked: svg`<path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.3-3.3a3 3 0 1 1 4.3 4.3l-2 2-1.4-1.4 2-2a1 1 0 1 0-1.5-1.5l-3.3 3.3a1 1 0 0 1-1.4 0Zm2.8-2.8a1 1 0 0 1 0 1.4l-3.3 3.3a3 3 0 1 1-4.3-4.3l2-2 1.4 1.4-2 2a1 1 0 1 0 1.5 1.5l3.3-3.3a1 1 0 0 1 1.4 0Z"/>`,
  error: svg`<path d="M12 2 1 21h22L12 2Zm0 4.2L19.5 19h-15L12 6.2ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z"/>`,
  info: svg`<path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-1 7h2v6h-2v-6Zm0-4h2v2h-2V7Z"/>`,
  close: svg`<path d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/>`,
  check: svg`<path d="M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"/>`,
};

function icon(name: keyof typeof ICONS, className: string): TemplateResult {
  return html`<svg class=${className} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
    ${ICONS[name]}
  </svg>`;
}

function marks(parts: TextPart[]): TemplateResult[] {
  return parts.map((part) => (part.match ? html`<mark part="match">${part.text}</mark>` : html`${part.text}`));
}

const GROUP_ICON: Record<ResultGroup, keyof typeof ICONS> = {
  linkable: 'linkable',
  pending: 'pending',
  blocked: 'blocked',
  linked: 'linked',
};

/** Re-checks are spaced at least this far apart, whatever the server says. */
const MIN_RECHECK_MS = 5_000;
/** A little after the expected time, so the server has had the chance to sync. */
const RECHECK_GRACE_MS = 1_500;
/** Scrolling within this distance of the end loads the next page. */
const LOAD_MORE_THRESHOLD_PX = 48;

/**
 * Searches the accounts an admin can link to a Customer Portal user, and explains every account that
 * can't be linked: the reason in plain words and the next step.
 *
 * Ids the host puts in `value` that no search has described yet stay selected: they show as a chip
 * with the id (dashed marker) until a search returns the account, and `selectedAccounts` leaves them
 * out. Without `multiple`, only the first id is kept.
 *
 * @summary An accessible combobox that searches accounts as the admin types and shows, for each match,
 * whether it can be linked to the portal user and why not.
 *
 * @fires {AccountSelectEvent} account-select - The admin picked a linkable account. `detail: { account, eligibility }`.
 * @fires {AccountDeselectEvent} account-deselect - A selected account was removed (chip, Backspace, or replaced in single mode). `detail: { account }`.
 * @fires {Event} change - After the admin changed `value` (not when the host sets it).
 * @fires {SearchCompleteEvent} search-complete - A search's results are on screen, also from the cache and after each further page. `detail: { query, results, nextCursor, total, malformed }`.
 * @fires {SearchErrorEvent} search-error - A search failed. `detail: { query, error: { kind, status?, message, retryAfter? } }`. Never fired for a request the picker abandoned.
 *
 * @csspart base - The wrapper around everything.
 * @csspart label - The visible label of the search box.
 * @csspart control - The bordered box holding the chips and the search box.
 * @csspart chips - The list of selected accounts.
 * @csspart chip - One selected account.
 * @csspart chip-remove - The button that removes a selected account.
 * @csspart input - The search box (`role="combobox"`).
 * @csspart spinner - The loading indicator.
 * @csspart popup - The panel under the search box.
 * @csspart error - The status line when a search failed (with `status`).
 * @csspart status - The line that says what the picker is doing or found (hint, loading, summary, no matches, error).
 * @csspart retry - The retry button of an error.
 * @csspart notice - The note about malformed accounts left out of a response.
 * @csspart listbox - The list of results (`role="listbox"`).
 * @csspart group - One group of results (can be linked, can't be linked yet, can't be linked, already linked).
 * @csspart group-label - The heading of a group.
 * @csspart option - One account (`role="option"`).
 * @csspart match - The highlighted part of a name or number that matched the query.
 * @csspart reason - Why an account can't be linked.
 * @csspart next-step - What the admin can do about it.
 * @csspart countdown - The live countdown of an account waiting for the portal sync.
 * @csspart footer - The paging line under the results.
 * @csspart load-more - The button that loads the next page.
 *
 * @cssprop [--link-account-picker-font-family=system-ui, sans-serif] - Font of the whole picker.
 * @cssprop [--link-account-picker-font-size=0.9375rem] - Base font size.
 * @cssprop [--link-account-picker-radius=0.5rem] - Corner radius of the box, popup and chips.
 * @cssprop [--link-account-picker-spacing=0.5rem] - Base spacing unit.
 * @cssprop [--link-account-picker-label-color=inherit] - Colour of the label (the page's text colour by default).
 * @cssprop [--link-account-picker-color=light-dark(#1b1f24, #e6e9ee)] - Text colour of the box and the popup.
 * @cssprop [--link-account-picker-muted-color=light-dark(#59626f, #a3adbb)] - Secondary text colour.
 * @cssprop [--link-account-picker-background=light-dark(#ffffff, #1c2128)] - Background of the box and popup.
 * @cssprop [--link-account-picker-surface=light-dark(#f5f7fa, #252c35)] - Background of chips, hover and the summary line.
 * @cssprop [--link-account-picker-border-color=light-dark(#b8c0cc, #4a5462)] - Border colour.
 * @cssprop [--link-account-picker-accent-color=light-dark(#0b5cd5, #6ea8ff)] - Focus, active row and buttons.
 * @cssprop [--link-account-picker-focus-ring=0 0 0 3px light-dark(rgb(11 92 213 / 0.35), rgb(110 168 255 / 0.45))] - Box shadow of the focused box.
 * @cssprop [--link-account-picker-active-background=light-dark(#e8f0fd, #23344f)] - Background of the active and selected rows.
 * @cssprop [--link-account-picker-highlight-background=light-dark(#fff1a8, #5c4d00)] - Background of the matched text.
 * @cssprop [--link-account-picker-linkable-color=light-dark(#147a3d, #4cc37a)] - Marker of accounts that can be linked.
 * @cssprop [--link-account-picker-pending-color=light-dark(#945c00, #f0b43c)] - Marker of accounts waiting for the sync.
 * @cssprop [--link-account-picker-blocked-color=light-dark(#b42318, #ff7b72)] - Marker of accounts that can't be linked.
 * @cssprop [--link-account-picker-linked-color=light-dark(#5b47c4, #a898ff)] - Marker of accounts already linked.
 * @cssprop [--link-account-picker-error-color=light-dark(#b42318, #ff7b72)] - Colour of error icons and texts.
 * @cssprop [--link-account-picker-popup-shadow=0 12px 32px rgb(15 23 42 / 0.18)] - Shadow of the popup.
 * @cssprop [--link-account-picker-popup-max-height=26rem] - Tallest the popup grows before it scrolls.
 * @cssprop [--link-account-picker-z-index=1000] - Stacking order of the popup.
 */
@localized()
export class LinkAccountPicker extends LitElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  /** Takes part in forms: the selected ids are submitted under `name`. */
  static formAssociated = true;

  private readonly internals: ElementInternals = this.attachInternals();
  private readonly searches = new SearchController(this, {
    onComplete: (outcome) => this.searchCompleted(outcome),
    onError: (query, error) => this.searchFailed(query, error),
  });

  @query('#input') private input!: HTMLInputElement;

  /** The text in the search box. */
  @state() private text = '';
  /** Whether the popup is shown. */
  @state() private open = false;
  /** The keyboard's row, or -1. */
  @state() private activeIndex = -1;
  /** Disabled by an ancestor `<fieldset disabled>`. */
  @state() private formDisabled = false;
  /** Bumped every second while a countdown is on screen. */
  @state() private tick = 0;
  /** A 429 asked to wait until this time (ms since epoch). */
  @state() private retryAt = 0;
  /** What the last pick or removal did, said once in the live region until the next change. */
  @state() private selectionNotice = '';

  private selection: string[] = [];
  private initialValue: string[] = [];
  /** Accounts known for ids that were selected: picked, or seen in results (kept if the host re-selects them). */
  private readonly known = new Map<string, AccountResult>();
  private debounceTimer?: ReturnType<typeof setTimeout>;
  private recheckTimer?: ReturnType<typeof setTimeout>;
  /** The results the re-check timer was armed for. */
  private recheckBasis?: SearchOutcome;
  private countdownTimer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private readonly recheckedFor = new Set<string>();
  private lastRecheck = 0;
  private listView?: ListView;
  /** The virtualizer, when the list on screen is virtualized (set while rendering). */
  private virtualizer?: VirtualizerApi;
  /** How many options a long list shows while the virtualizer loads (set while rendering). */
  private shownLimit = Infinity;
  /** Whether the last update rendered a virtualized list. */
  private wasVirtual = false;
  /** The items a virtualized list has in the DOM: the active option is announced only when it is one. */
  private renderedRange = { first: 0, last: -1 };

  /** URL of the search endpoint (CONTRACT.md §3). Relative URLs resolve against the page. */
  @property() endpoint = '';

  /** Id of the portal site the user belongs to; sent as `site`. */
  @property() site = '';

  /** Id of the portal user being edited; sent as `user` when set, so the server can flag accounts already linked. */
  @property() user = '';

  /** Visible label of the search box (also its accessible name). */
  @property() label = '';

  /** Placeholder of the search box. */
  @property() placeholder = '';

  /** Allows several accounts, shown as removable chips. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Characters needed before searching. */
  @property({ type: Number, attribute: 'min-chars' }) minChars = 2;

  /** Milliseconds to wait after the last keystroke before searching. */
  @property({ type: Number }) debounce = 250;

  /** Accounts per page; sent as `limit`. */
  @property({ type: Number }) limit = 25;

  /** Milliseconds before a request is abandoned as timed out. */
  @property({ type: Number }) timeout = 10000;

  /** Disables the search box and the chips; a disabled picker submits nothing. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Makes the form invalid while nothing is selected. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Form field name: each selected id is submitted under it. */
  @property({ reflect: true }) name = '';

  /** Extra `fetch` options (headers, credentials, mode): secrets belong here, never in attributes. */
  @property({ attribute: false }) fetchInit?: RequestInit;

  /** Called instead of `fetch` when set; its result is treated exactly like a response body. */
  @property({ attribute: false }) searchAccounts?: SearchAccounts;

  /** Ids of the selected accounts; at most one unless `multiple` (then the first). Setting it never fires `change`. */
  @property({ attribute: false })
  get value(): string[] {
    return this.multiple ? [...this.selection] : this.selection.slice(0, 1);
  }
  set value(ids: string[]) {
    const old = this.value;
    const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && id !== '') : [];
    // Kept whole until the next update: a framework may set `multiple` just after `value`.
    this.selection = [...new Set(list)];
    this.requestUpdate('value', old);
  }

  /** The selected accounts that a search or a pick has described (ids not seen yet are left out). */
  get selectedAccounts(): Account[] {
    return this.value.flatMap((id) => {
      const entry = this.known.get(id) ?? this.resultFor(id);
      return entry ? [entry.account] : [];
    });
  }

  /** The form this picker belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The picker's validity state, as for a native control. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message the browser shows when the picker is invalid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form validates this picker. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private get params(): SearchParams {
    const params: SearchParams = {
      endpoint: this.endpoint,
      site: this.site,
      user: this.user,
      limit: this.limit > 0 ? Math.floor(this.limit) : 25,
      timeout: this.timeout > 0 ? this.timeout : 10_000,
    };
    if (this.fetchInit) params.fetchInit = this.fetchInit;
    if (this.searchAccounts) params.searchAccounts = this.searchAccounts;
    return params;
  }

  private get minLength(): number {
    return Number.isFinite(this.minChars) && this.minChars > 0 ? this.minChars : 1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.handleDocumentPointerDown, true);
    // Moved in the page (disconnected, then connected again): bring the results back, from the cache.
    if (this.hasUpdated && this.text.trim().length >= this.minLength) this.scheduleSearch(0);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.handleDocumentPointerDown, true);
    clearTimeout(this.debounceTimer);
    clearTimeout(this.recheckTimer);
    this.recheckBasis = undefined;
    clearTimeout(this.retryTimer);
    clearInterval(this.countdownTimer);
    this.countdownTimer = undefined;
    this.searches.cancel();
    this.open = false;
  }

  /** Restores the ids the picker started with when its form is reset. */
  formResetCallback(): void {
    this.value = this.initialValue;
    this.text = '';
    this.open = false;
    clearTimeout(this.debounceTimer);
    this.searches.cancel();
  }

  /** Follows an ancestor `<fieldset disabled>`. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    // Also called while Lit reflects our own `disabled` attribute, after render() has run: a change
    // made then would be dropped, so render again once that update is over.
    queueMicrotask(() => this.requestUpdate());
  }

  /** Restores the selection after a back/forward navigation or autofill. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const ids: unknown = JSON.parse(state);
      if (Array.isArray(ids)) this.value = ids as string[];
    } catch {
      // Not a state this picker wrote: keep the current value.
    }
  }

  /**
   * Holds a render while the page's language is loading (a few ms, once per language), so a Spanish
   * page never shows an English frame first. A failed load settles too: the picker then renders.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = localeLoading();
    if (!loading) return super.scheduleUpdate();
    return loading.then(() => super.scheduleUpdate());
  }

  protected override firstUpdated(): void {
    this.initialValue = [...this.selection];
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Computed here, not in render(): it may move the active row, a state change render() must not make.
    this.viewFor(this.searches.state.outcome);
    if (!this.multiple && this.selection.length > 1) this.selection = this.selection.slice(0, 1);
    if (this.isDisabled && this.open) this.open = false;
    const requestChanged = (['endpoint', 'site', 'user', 'limit', 'fetchInit', 'searchAccounts'] as const).some(
      (key) => changed.has(key),
    );
    if (requestChanged && this.hasUpdated) {
      // New endpoint, site, user or credentials: cached answers no longer apply; search again.
      this.searches.clearCache();
      if (this.text.trim().length >= this.minLength) this.scheduleSearch(0);
    }
  }

  protected override updated(changed: PropertyValues): void {
    this.updateFormState();
    this.scheduleRecheck();
    this.updateCountdown();
    // Also when the virtualizer has just arrived: a key pressed meanwhile may have gone past the first rows.
    const virtualNow = !!this.virtualizer;
    if (this.activeIndex >= 0 && (changed.has('activeIndex') || virtualNow !== this.wasVirtual)) this.revealActive();
    this.wasVirtual = virtualNow;
  }

  /** Scrolls the active option into view; a virtualized list renders it first if it is far away. */
  private revealActive(): void {
    const option = this.listView?.options[this.activeIndex];
    const virtualizer = this.virtualizer;
    if (virtualizer && option) {
      const list = this.renderRoot.querySelector('#listbox') as (HTMLElement & Record<symbol, unknown>) | null;
      const instance = list?.[virtualizer.ref] as { element(i: number): { scrollIntoView(o: ScrollIntoViewOptions): void } | undefined } | undefined;
      instance?.element(option.item)?.scrollIntoView({ block: 'nearest' });
    } else {
      this.renderRoot.querySelector(`[data-index="${this.activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  /** Whether the active option is in the DOM, so aria-activedescendant may point at it. */
  private activeRendered(): boolean {
    if (!this.virtualizer) return this.activeIndex < this.shownLimit;
    const item = this.listView?.options[this.activeIndex]?.item ?? -1;
    return item >= this.renderedRange.first && item <= this.renderedRange.last;
  }

  private updateFormState(): void {
    const ids = this.isDisabled ? [] : this.selection;
    if (this.name && ids.length > 0) {
      const data = new FormData();
      for (const id of ids) data.append(this.name, id);
      this.internals.setFormValue(data, JSON.stringify(this.selection));
    } else {
      this.internals.setFormValue(null, JSON.stringify(this.selection));
    }
    if (this.required && this.selection.length === 0) {
      const message = this.multiple ? msg('Select at least one account.') : msg('Select an account.');
      this.internals.setValidity({ valueMissing: true }, message, this.input ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  // ---- search --------------------------------------------------------------------------------------

  private scheduleSearch(delay: number): void {
    clearTimeout(this.debounceTimer);
    const query = this.text.trim();
    if (query.length < this.minLength) {
      this.searches.cancel();
      return;
    }
    const wait = Math.max(delay, this.retryAt - Date.now());
    this.debounceTimer = setTimeout(() => {
      const current = this.searches.state;
      const active = this.searches.activeParams;
      const sameParams = active !== undefined && !this.paramsDiffer(active);
      // The same query settling again (e.g. a space typed and removed) keeps what is shown.
      if (current.query === query && current.phase !== 'error' && current.phase !== 'idle' && sameParams) return;
      this.activeIndex = -1;
      this.searches.search(query, this.params);
    }, wait);
  }

  private paramsDiffer(params: SearchParams): boolean {
    const now = this.params;
    return (
      params.endpoint !== now.endpoint ||
      params.site !== now.site ||
      params.user !== now.user ||
      params.limit !== now.limit ||
      params.fetchInit !== now.fetchInit ||
      params.searchAccounts !== now.searchAccounts
    );
  }

  private searchCompleted(outcome: SearchOutcome): void {
    // Results are growing long: fetch the virtualizer before a list needs it.
    if (outcome.results.length > VIRTUALIZE_ABOVE / 2) loadVirtualizer().catch(() => undefined);
    for (const result of outcome.results) {
      if (this.selection.includes(result.account.id)) this.known.set(result.account.id, result);
    }
    this.dispatchEvent(
      new SearchCompleteEvent({
        query: outcome.query,
        results: outcome.results,
        nextCursor: outcome.nextCursor,
        ...(outcome.total !== undefined ? { total: outcome.total } : {}),
        malformed: outcome.malformed,
      }),
    );
  }

  private searchFailed(query: string, error: SearchErrorInfo): void {
    if (error.retryAfter !== undefined) {
      this.retryAt = Date.now() + error.retryAfter * 1000;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => (this.retryAt = 0), error.retryAfter * 1000);
      this.updateCountdown();
    }
    this.dispatchEvent(new SearchErrorEvent({ query, error }));
  }

  /** When a pending account's expected sync time passes, search again (bypassing the cache). */
  private scheduleRecheck(): void {
    const { outcome, phase, refreshing } = this.searches.state;
    const basis = outcome && phase === 'complete' && !refreshing ? outcome : undefined;
    // Same results as last time: the armed timer (if any) still applies. Scanning 50,000 results on
    // every keystroke and arrow key would be the slowest thing the picker does.
    if (basis === this.recheckBasis) return;
    this.recheckBasis = basis;
    clearTimeout(this.recheckTimer);
    if (!outcome || !basis) return;
    const now = outcomeNow(outcome).getTime();
    let earliest = Infinity;
    let key = '';
    for (const { account, eligibility } of outcome.results) {
      if (eligibility.code !== 'pending-sync' || !eligibility.expectedSyncBy) continue;
      const due = Date.parse(eligibility.expectedSyncBy);
      const id = `${outcome.query}|${account.id}|${eligibility.expectedSyncBy}`;
      if (Number.isNaN(due) || this.recheckedFor.has(id)) continue;
      if (due < earliest) {
        earliest = due;
        key = id;
      }
    }
    if (!key) return;
    const wait = Math.max(earliest - now + RECHECK_GRACE_MS, this.lastRecheck + MIN_RECHECK_MS - Date.now(), 0);
    this.recheckTimer = setTimeout(() => {
      this.recheckBasis = undefined;
      this.recheckedFor.add(key);
      this.lastRecheck = Date.now();
      this.searches.refresh();
    }, wait);
  }

  /** Ticks once a second, only while a countdown is on screen. */
  private updateCountdown(): void {
    const { outcome } = this.searches.state;
    // The grouped view knows whether any account is pending, without scanning every result again.
    const view = outcome && this.listView?.outcome === outcome ? this.listView : undefined;
    const pendingShown =
      this.open &&
      !!outcome &&
      (view ? view.groups.some((g) => g.group === 'pending') : outcome.results.some((r) => r.eligibility.code === 'pending-sync'));
    const needed = pendingShown || this.retryAt > Date.now();
    if (needed && this.countdownTimer === undefined) {
      this.countdownTimer = setInterval(() => this.tick++, 1000);
    } else if (!needed && this.countdownTimer !== undefined) {
      clearInterval(this.countdownTimer);
      this.countdownTimer = undefined;
    }
  }

  // ---- selection -----------------------------------------------------------------------------------

  private pick(option: OptionView): void {
    const { account, eligibility } = option.result;
    if (this.isDisabled) return;
    if (this.selection.includes(account.id)) {
      // Picking a selected account again toggles it off in multiple mode, and just closes otherwise.
      if (this.multiple) this.removeAccount(account.id);
      else this.open = false;
      return;
    }
    if (!eligibility.linkable) return;
    const replaced = this.multiple ? [] : [...this.selection];
    this.known.set(account.id, option.result);
    this.selection = this.multiple ? [...this.selection, account.id] : [account.id];
    this.requestUpdate('value');
    // Now, not at the next render: a host's change listener reads FormData and validity at once.
    this.updateFormState();
    for (const id of replaced) this.dispatchEvent(new AccountDeselectEvent({ account: this.accountFor(id) }));
    this.dispatchEvent(new AccountSelectEvent({ account, eligibility }));
    this.dispatchEvent(changeEvent());
    this.selectionNotice = this.selectionText(msg(str`${account.name} selected.`));
    if (!this.multiple) this.open = false;
  }

  private removeAccount(id: string): void {
    if (this.isDisabled || !this.selection.includes(id)) return;
    const account = this.accountFor(id);
    this.selection = this.selection.filter((selected) => selected !== id);
    this.requestUpdate('value');
    this.updateFormState();
    this.dispatchEvent(new AccountDeselectEvent({ account }));
    this.dispatchEvent(changeEvent());
    this.selectionNotice = this.selectionText(msg(str`${account.name} removed.`));
  }

  /** "Acme selected. 2 accounts selected." */
  private selectionText(what: string): string {
    const n = this.selection.length;
    if (!this.multiple) return what;
    const count =
      new Intl.PluralRules(currentLocale()).select(n) === 'one'
        ? msg('1 account selected.')
        : msg(str`${n} accounts selected.`);
    return `${what} ${count}`;
  }

  private accountFor(id: string): Account {
    return this.known.get(id)?.account ?? this.resultFor(id)?.account ?? { id, name: id, contracts: [] };
  }

  private resultFor(id: string): AccountResult | undefined {
    return this.searches.state.outcome?.results.find((r) => r.account.id === id);
  }

  // ---- handlers ------------------------------------------------------------------------------------

  private readonly handleDocumentPointerDown = (event: PointerEvent): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  private handleInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    this.selectionNotice = '';
    this.open = true;
    this.activeIndex = -1;
    this.scheduleSearch(this.debounce >= 0 ? this.debounce : 250);
  }

  private handleFocus(): void {
    if (!this.isDisabled) this.open = true;
  }

  private handleFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && (this.renderRoot.contains(next) || this.contains(next))) return;
    this.open = false;
  }

  private handleControlClick(event: MouseEvent): void {
    if (event.target === event.currentTarget) this.input.focus();
    if (!this.isDisabled) this.open = true;
  }

  private handleKeyDown(event: KeyboardEvent): void {
    if (event.isComposing) return;
    const options = this.listView?.options ?? [];
    const count = options.length;
    const listShown = this.open && count > 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open) {
          this.open = true;
          if (event.altKey) return;
        }
        if (count > 0) this.activeIndex = Math.min(this.activeIndex + 1, count - 1);
        this.loadMoreIfAtEnd();
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!this.open) this.open = true;
        if (count > 0) this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        return;
      case 'Home':
        if (!listShown) return;
        event.preventDefault();
        this.activeIndex = 0;
        return;
      case 'End':
        if (!listShown) return;
        event.preventDefault();
        this.activeIndex = count - 1;
        this.loadMoreIfAtEnd();
        return;
      case 'Enter': {
        const option = listShown ? options[this.activeIndex] : undefined;
        if (option) {
          event.preventDefault();
          this.pick(option);
        } else if (this.open) {
          event.preventDefault();
          if (this.searches.state.phase === 'error' && this.retryAt <= Date.now()) this.searches.retry();
        }
        return;
      }
      case 'Tab':
        // Forward into the popup's buttons (retry, load more) when there are any; otherwise move on.
        if (event.shiftKey || !this.renderRoot.querySelector('.popup:not([hidden]) button:not(:disabled)')) {
          this.open = false;
        }
        return;
      case 'Escape':
        // Handled here, it must not also close a dialog the picker sits in.
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.open = false;
          this.activeIndex = -1;
        } else if (this.text) {
          event.preventDefault();
          event.stopPropagation();
          this.clear();
        }
        return;
      case 'Backspace':
        if (this.text === '' && this.selection.length > 0 && this.input.selectionStart === 0) {
          event.preventDefault();
          this.removeAccount(this.selection[this.selection.length - 1]!);
        }
        return;
    }
  }

  private loadMoreIfAtEnd(): void {
    const outcome = this.searches.state.outcome;
    const count = this.listView?.options.length ?? 0;
    if (outcome?.nextCursor && this.activeIndex >= count - 1) this.searches.loadMore();
  }

  private handleOptionClick(event: MouseEvent): void {
    const row = (event.target as Element).closest<HTMLElement>('.row');
    if (!row) return;
    const index = Number(row.dataset.index);
    const option = this.listView?.options[index];
    if (!option) return;
    this.activeIndex = index;
    this.pick(option);
  }

  private handlePopupPointerDown(event: PointerEvent): void {
    // Keeps focus (and so the active descendant) on the search box when a row is clicked.
    if (!(event.target as Element).closest('button')) event.preventDefault();
  }

  private handleScroll(event: Event): void {
    // A virtualized list scrolls itself; a short one scrolls with the status line above it.
    const scroller = event.currentTarget as HTMLElement;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - LOAD_MORE_THRESHOLD_PX) {
      this.searches.loadMore();
    }
  }


  private handleRangeChanged(event: RangeChangedEvent): void {
    const was = this.activeRendered();
    this.renderedRange = { first: event.first, last: event.last };
    // Only re-render when aria-activedescendant must appear or go: scrolling alone costs nothing here.
    if (this.activeRendered() !== was) this.requestUpdate();
  }

  private handleRemoveClick(event: MouseEvent): void {
    const id = (event.currentTarget as HTMLElement).dataset.accountId;
    if (id === undefined) return;
    this.removeAccount(id);
    this.input.focus();
  }

  private handleRetry(): void {
    this.searches.retry();
    this.input.focus();
  }

  private handleLoadMore(): void {
    this.searches.loadMore();
  }

  // ---- public methods ------------------------------------------------------------------------------

  /** Whether the picker has a valid selection; fires `invalid` when not, like a native control. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the browser's message at the search box. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Moves focus to the search box. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  /** Clears the query and closes the results; the selection stays. */
  clear(): void {
    this.text = '';
    this.open = false;
    this.activeIndex = -1;
    clearTimeout(this.debounceTimer);
    this.searches.cancel();
  }

  // ---- rendering -----------------------------------------------------------------------------------

  /**
   * Groups the results once per results and locale (the countdown re-renders often). Explanations are
   * made when a row first renders, so a long list costs only its visible rows.
   */
  private viewFor(outcome: SearchOutcome | undefined): ListView | undefined {
    if (!outcome) return undefined;
    const locale = currentLocale();
    if (this.listView?.outcome === outcome && this.listView.locale === locale) return this.listView;
    const byGroup = new Map<ResultGroup, AccountResult[]>(GROUP_ORDER.map((group) => [group, []]));
    for (const result of outcome.results) byGroup.get(groupOf(result.eligibility.code))!.push(result);
    const context: ExplainOptions = { locale, syncWindowMinutes: outcome.syncWindowMinutes };
    const options: OptionView[] = [];
    const groups: GroupView[] = [];
    const items: ListItem[] = [];
    for (const group of GROUP_ORDER) {
      const results = byGroup.get(group)!;
      if (results.length === 0) continue;
      const view: GroupView = { group, options: [] };
      items.push({ kind: 'group', group, count: results.length });
      for (const result of results) {
        const option = new LazyOption(options.length, items.length, result, context, outcome.query);
        options.push(option);
        view.options.push(option);
        items.push({ kind: 'option', option });
      }
      groups.push(view);
    }
    // New pages land inside their groups, so the same account may move: keep the keyboard on it.
    const activeId = this.listView?.options[this.activeIndex]?.result.account.id;
    if (activeId !== undefined) this.activeIndex = options.findIndex((o) => o.result.account.id === activeId);
    this.listView = { outcome, locale, groups, options, items };
    return this.listView;
  }

  private renderChips(): TemplateResult | typeof nothing {
    if (this.selection.length === 0) return nothing;
    const disabled = this.isDisabled;
    return html`<ul class="chips" part="chips" aria-label=${msg('Selected accounts')}>
      ${this.selection.map((id) => {
        const entry = this.known.get(id) ?? this.resultFor(id);
        const name = entry?.account.name ?? id;
        const number = entry?.account.number;
        return html`<li class="chip ${entry ? '' : 'unknown'}" part="chip" data-account-id=${id}>
          <span class="chip-text">
            ${entry ? name : html`<span class="visually-hidden">${msg('Account id')}</span> ${id}`}
            ${number ? html`<span class="chip-number">${number}</span>` : nothing}
          </span>
          <button
            type="button"
            class="chip-remove"
            part="chip-remove"
            data-account-id=${id}
            aria-label=${msg(str`Remove ${name}`)}
            ?disabled=${disabled}
            @click=${this.handleRemoveClick}
          >
            ${icon('close', '')}
          </button>
        </li>`;
      })}
    </ul>`;
  }

  /** The status line: what the picker is doing or what it found. Also what the live region says. */
  private statusText(view: ListView | undefined): string {
    const { phase, query, outcome, error } = this.searches.state;
    const typed = this.text.trim();
    if (typed.length === 0) return msg(str`Type at least ${this.minLength} characters of an account name or number.`);
    if (typed.length < this.minLength) {
      return msg(str`Keep typing: searching starts at ${this.minLength} characters.`);
    }
    if (phase === 'loading' || phase === 'idle') return msg(str`Searching for “${typed}”…`);
    if (phase === 'error' && error) return error.message;
    if (!outcome || !view) return '';
    const site = this.siteName(outcome);
    if (outcome.results.length === 0) {
      return msg(str`No accounts match “${query}” on ${site}. Check the spelling, or search by account number.`);
    }
    return this.resultSummary(outcome, view, site);
  }

  private siteName(outcome: SearchOutcome): string {
    return outcome.site.name || outcome.site.id || this.site;
  }

  /** All matches when the server says, else the ones loaded. */
  private matchCount(outcome: SearchOutcome): number {
    return outcome.total !== undefined && outcome.total > outcome.results.length ? outcome.total : outcome.results.length;
  }

  private resultSummary(outcome: SearchOutcome, view: ListView, site: string): string {
    const shown = outcome.results.length;
    const count = this.matchCount(outcome);
    const locale = currentLocale();
    const one = new Intl.PluralRules(locale).select(count) === 'one';
    const found = one
      ? msg(str`1 account matches “${outcome.query}” on ${site}.`)
      : msg(str`${count} accounts match “${outcome.query}” on ${site}.`);
    const counts = view.groups.map((group) => `${groupLabel(group.group)}: ${group.options.length}`);
    const parts = [found, new Intl.ListFormat(locale, { type: 'unit' }).format(counts) + '.'];
    if (outcome.total !== undefined && outcome.total > shown) {
      parts.push(msg(str`Showing ${shown} of ${outcome.total}.`));
    } else if (outcome.nextCursor) {
      parts.push(msg('More results can be loaded.'));
    }
    if (outcome.malformed > 0) parts.push(this.malformedText(outcome.malformed));
    return parts.join(' ');
  }

  private malformedText(count: number): string {
    return new Intl.PluralRules(currentLocale()).select(count) === 'one'
      ? msg('1 account in the answer was malformed and is left out.')
      : msg(str`${count} accounts in the answer were malformed and are left out.`);
  }

  private renderStatus(view: ListView | undefined): TemplateResult {
    const { phase, outcome, error } = this.searches.state;
    const typed = this.text.trim();
    const text = this.statusText(view);
    if (typed.length >= this.minLength && phase === 'error' && error) {
      const waiting = this.retryAt > Date.now();
      const seconds = Math.ceil((this.retryAt - Date.now()) / 1000);
      return html`<div class="status error" part="status error">
        ${icon('error', 'status-icon')}
        <div class="status-body">
          <span class="status-title">${this.errorTitle(error)}</span>
          <span>${error.message}</span>
          <button type="button" class="button" part="retry" ?disabled=${waiting} @click=${this.handleRetry}>
            ${waiting ? msg(str`Try again in ${seconds} s`) : msg('Try again')}
          </button>
        </div>
      </div>`;
    }
    if (typed.length >= this.minLength && (phase === 'loading' || phase === 'idle')) {
      return html`<div class="status" part="status">
        <span class="spinner" part="spinner" aria-hidden="true"></span><span>${text}</span>
      </div>`;
    }
    if (phase === 'complete' && outcome && view && outcome.results.length > 0 && typed.length >= this.minLength) {
      const count = this.matchCount(outcome);
      const site = this.siteName(outcome);
      return html`<div class="status summary" part="status">
        <span>
          ${new Intl.PluralRules(currentLocale()).select(count) === 'one'
            ? msg(html`<strong>1 account</strong> matches “${outcome.query}” on ${site}`)
            : msg(html`<strong>${count} accounts</strong> match “${outcome.query}” on ${site}`)}
        </span>
        ${this.searches.state.refreshing
          ? html`<span><span class="spinner" part="spinner" aria-hidden="true"></span> ${msg('Checking again…')}</span>`
          : nothing}
      </div>`;
    }
    return html`<div class="status" part="status">${icon('info', 'status-icon')}<span>${text}</span></div>`;
  }

  private errorTitle(error: SearchErrorInfo): string {
    switch (error.kind) {
      case 'network':
        return msg('No connection to the account search');
      case 'timeout':
        return msg('The search timed out');
      case 'invalid-response':
        return msg('The server sent an answer the picker cannot read');
      case 'http':
        if (error.status === 401 || error.status === 403) return msg('No permission to search accounts');
        if (error.status === 429) return msg('Too many searches');
        if (error.status !== undefined && error.status >= 500) return msg('The account search failed');
        return msg('The account search was refused');
    }
  }

  /**
   * One account row. Kept in one method so a virtualizer can render rows on demand.
   *
   * Everything the option shows is in its accessible name (label-in-name: a voice-control user says
   * what they see), and the reason with its next step is also its accessible description, as the
   * contract asks. The countdown sits beside the option, visual only: its ticks must never reach a
   * screen reader, and the reason already says the time.
   */
  private renderOption(option: OptionView, now: number): TemplateResult {
    const { index, result, explanation } = option;
    const { account, eligibility } = result;
    const id = `option-${index}`;
    const selected = this.selection.includes(account.id);
    const linkable = eligibility.linkable;
    let countdown: TemplateResult | typeof nothing = nothing;
    if (eligibility.code === 'pending-sync' && eligibility.expectedSyncBy) {
      const left = Date.parse(eligibility.expectedSyncBy) - now;
      countdown =
        left > 0
          ? html`<span class="countdown" part="countdown">
              ${icon('pending', 'status-icon')}${msg(str`Linkable ${formatRelative(left, currentLocale())}`)} ·
              ${formatCountdown(left)}
            </span>`
          : html`<span class="countdown" part="countdown">${msg('Checking again…')}</span>`;
    }
    // Virtualized rows sit outside their group's element: they carry its tone and their position.
    const virtual = !!this.virtualizer;
    const setSize = virtual ? this.setSize() : undefined;
    return html`<div
      class="row ${index === this.activeIndex ? 'active' : ''} ${selected ? 'selected' : ''} ${virtual ? `group ${option.group}` : ''}"
      role="none"
      data-index=${index}
    >
      <div
        role="option"
        id=${id}
        class="option"
        part="option"
        data-account-id=${account.id}
        data-eligibility=${eligibility.code}
        aria-setsize=${setSize ?? nothing}
        aria-posinset=${virtual ? index + 1 : nothing}
        aria-disabled=${linkable ? 'false' : 'true'}
        aria-selected=${selected ? 'true' : 'false'}
        aria-labelledby=${linkable ? `${id}-name ${id}-summary` : `${id}-name ${id}-summary ${id}-why`}
        aria-describedby=${linkable ? nothing : `${id}-why`}
      >
        <span class="marker" aria-hidden="true">${icon(GROUP_ICON[explanation.group], '')}</span>
        <span class="body">
          <span class="title" id="${id}-name">
            <span class="name">${marks(option.nameParts)}</span>
            ${account.number ? html`<span class="number">${marks(option.numberParts)}</span>` : nothing}
          </span>
          <span class="summary-line" id="${id}-summary">${explanation.summary}</span>
          ${linkable
            ? nothing
            : html`<span class="why" id="${id}-why">
                <span class="verdict">${explanation.status}.</span>
                <span class="reason" part="reason">${explanation.reason}</span>
                <span class="next" part="next-step">${explanation.nextStep}</span>
              </span>`}
        </span>
        ${icon('check', 'check')}
      </div>
      ${countdown === nothing ? nothing : html`<div class="aside" aria-hidden="true">${countdown}</div>`}
    </div>`;
  }

  /** The listbox takes tabindex -1 so its scrolling panel counts as keyboard-reachable; focus stays in the box. */
  private renderList(view: ListView | undefined): TemplateResult {
    const { outcome } = this.searches.state;
    const now = outcome ? outcomeNow(outcome).getTime() : Date.now();
    const groups = view && this.searches.state.phase === 'complete' ? view.groups : [];
    if (view && groups.length > 0 && this.virtualizer) return this.renderVirtualList(view, now, this.virtualizer);
    return html`<div
      id="listbox"
      tabindex="-1"
      class="listbox"
      part="listbox"
      role="listbox"
      aria-label=${this.label || msg('Accounts')}
      aria-multiselectable=${this.multiple ? 'true' : nothing}
      @click=${this.handleOptionClick}
    >${groups.map(({ group, options }) => {
      const shown = this.shownLimit === Infinity ? options : options.filter((o) => o.index < this.shownLimit);
      if (shown.length === 0) return nothing;
      return html`<div
        role="group"
        class="group ${group}"
        part="group"
        aria-labelledby="group-${group}"
      >
        <div class="group-label" part="group-label" id="group-${group}" role="presentation">
          ${icon(GROUP_ICON[group], '')}<span>${groupLabel(group)}</span>
          <span class="count">${options.length}</span>
        </div>
        ${shown.map((option) => this.renderOption(option, now))}
      </div>`;
    })}</div>`;
  }

  /** The number of options the list will have: the server's total while more can be loaded. */
  private setSize(): number {
    const outcome = this.searches.state.outcome;
    const loaded = this.listView?.options.length ?? 0;
    if (!outcome?.nextCursor) return loaded;
    return outcome.total !== undefined && outcome.total >= loaded ? outcome.total : -1;
  }

  /**
   * A long list, virtualized: group headers and options flattened into one list of items, only those
   * in view rendered. Options carry aria-setsize and aria-posinset, since most of the set is absent.
   * Its own template, not renderList's with other content: switching between the two replaces the
   * listbox element, so the inline styles the virtualizer sets on its scroller never linger on a
   * short list.
   */
  private renderVirtualList(view: ListView, now: number, { virtualize, layout }: VirtualizerApi): TemplateResult {
    return html`<div
      id="listbox"
      tabindex="-1"
      class="listbox virtual"
      part="listbox"
      role="listbox"
      aria-label=${this.label || msg('Accounts')}
      aria-multiselectable=${this.multiple ? 'true' : nothing}
      @click=${this.handleOptionClick}
      @scroll=${this.handleScroll}
      @rangeChanged=${this.handleRangeChanged}
    >${virtualize({
      // Its own scroller: the virtualizer then moves the right element when it brings a far row in.
      scroller: true,
      layout,
      items: view.items,
      keyFunction: (item: ListItem) => (item.kind === 'group' ? `group:${item.group}` : `option:${item.option.result.account.id}`),
      renderItem: (item: ListItem) =>
        item.kind === 'group'
          ? html`<div class="group ${item.group} group-header" role="none">
              <div class="group-label" part="group-label" role="presentation">
                ${icon(GROUP_ICON[item.group], '')}<span>${groupLabel(item.group)}</span>
                <span class="count">${item.count}</span>
              </div>
            </div>`
          : this.renderOption(item.option, now),
    })}</div>`;
  }

  private renderFooter(): TemplateResult | typeof nothing {
    const { phase, outcome, loadingMore, moreError } = this.searches.state;
    if (phase !== 'complete' || !outcome || (!outcome.nextCursor && !moreError)) return nothing;
    return html`<div class="footer" part="footer">
      ${moreError
        ? html`<span class="error-text">${moreError.message}</span>`
        : html`<span>${outcome.total !== undefined
            ? msg(str`Showing ${outcome.results.length} of ${outcome.total}`)
            : msg(str`Showing ${outcome.results.length}; more accounts match`)}</span>`}
      ${outcome.nextCursor
        ? html`<button
            type="button"
            class="button"
            part="load-more"
            ?disabled=${loadingMore}
            @click=${this.handleLoadMore}
          >
            ${loadingMore
              ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>${msg('Loading…')}`
              : msg('Load more')}
          </button>`
        : nothing}
    </div>`;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const { phase, outcome } = this.searches.state;
    if (phase !== 'complete' || !outcome || outcome.malformed === 0) return nothing;
    return html`<p class="notice" part="notice">${this.malformedText(outcome.malformed)}</p>`;
  }

  /** What the live region says: the settled state, never the countdown's ticks. */
  private announcement(view: ListView | undefined): string {
    if (this.selectionNotice) return this.selectionNotice;
    const { phase } = this.searches.state;
    if (!this.open && phase !== 'error') return '';
    return this.statusText(view);
  }

  override render(): TemplateResult {
    void this.tick;
    const state = this.searches.state;
    const view = this.viewFor(state.outcome);
    const disabled = this.isDisabled;
    const options = view && state.phase === 'complete' ? view.options : [];
    const long = options.length > VIRTUALIZE_ABOVE;
    this.virtualizer = long ? loadedVirtualizer() : undefined;
    this.shownLimit = long && !this.virtualizer && !virtualizerFailed() ? VIRTUALIZE_ABOVE : Infinity;
    if (long && !this.virtualizer && !virtualizerFailed()) {
      loadVirtualizer().then(
        () => this.requestUpdate(),
        () => this.requestUpdate(),
      );
    }
    const expanded = this.open && options.length > 0;
    const active = expanded && this.activeIndex >= 0 && this.activeIndex < options.length && this.activeRendered();
    const busy = state.phase === 'loading' || state.loadingMore || state.refreshing;
    return html`<div class="base" part="base" @focusout=${this.handleFocusOut}>
      ${this.label ? html`<label class="label" part="label" for="input">${this.label}</label>` : nothing}
      <div class="control ${disabled ? 'disabled' : ''}" part="control" @click=${this.handleControlClick}>
        ${icon('search', 'search-icon')} ${this.renderChips()}
        <input
          id="input"
          class="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          enterkeyhint="search"
          aria-label=${this.label ? nothing : msg('Search accounts')}
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-activedescendant=${active ? `option-${this.activeIndex}` : nothing}
          aria-required=${this.required ? 'true' : nothing}
          aria-busy=${busy ? 'true' : nothing}
          placeholder=${this.placeholder || msg('Name or account number')}
          .value=${this.text}
          ?disabled=${disabled}
          @input=${this.handleInput}
          @keydown=${this.handleKeyDown}
          @focus=${this.handleFocus}
        />
        ${busy && !this.open ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : nothing}
      </div>
      <div class="popup" part="popup" ?hidden=${!this.open} @pointerdown=${this.handlePopupPointerDown}>
        <div class="scroller ${this.virtualizer ? 'virtual' : ''}" @scroll=${this.handleScroll}>
          ${this.renderStatus(view)} ${this.renderNotice()} ${this.renderList(view)}
        </div>
        ${this.renderFooter()}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement(view)}</div>
    </div>`;
  }
}
