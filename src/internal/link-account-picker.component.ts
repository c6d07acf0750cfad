import { LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { Account } from '../rules/types.js';
import { currentLocale, LocaleController, localeLoading, shadowLanguages } from './localization.js';
import { SearchCompleteEvent, SearchErrorEvent } from './events.js';
import { AnnouncerController } from './controllers/announcer.js';
import { ClockController } from './controllers/clock-controller.js';
import { FieldDescriptionController } from './controllers/field-description.js';
import { handleComboboxKey } from './controllers/keyboard.js';
import { ListboxController } from './controllers/listbox-controller.js';
import { PlacementController } from './controllers/placement-controller.js';
import { RecheckController } from './controllers/recheck-controller.js';
import { SelectionController } from './controllers/selection-controller.js';
import { VIRTUALIZE_ABOVE } from './defaults.js';
import { outcomeNow, type SearchOutcome } from './search/outcome.js';
import { SearchController } from './search/search-controller.js';
import { loadVirtualizer } from './virtual-list.js';
import { renderChips } from './view/chips.js';
import { renderFooter, renderNotice } from './view/footer.js';
import { setSize } from './view/list-view.js';
import { renderListbox } from './view/listbox.js';
import { refusalText } from './view/option-row.js';
import { renderPicker } from './view/picker-template.js';
import { renderStatusLine } from './view/status-line.js';
import { statusModel, type StatusModel } from './view/status.js';
import { SearchSettingsElement } from './search-settings-element.js';
import { styles } from './link-account-picker.styles.js';

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
 * @slot help-text - Help under the search box, also read as its description (rich content; the
 * `help-text` attribute is the plain-text alternative).
 *
 * @csspart base - The wrapper around everything.
 * @csspart label - The visible label of the search box.
 * @csspart control - The bordered box holding the chips and the search box.
 * @csspart chips - The list of selected accounts.
 * @csspart chip - One selected account.
 * @csspart chip-remove - The button that removes a selected account.
 * @csspart input - The search box (`role="combobox"`).
 * @csspart spinner - The loading indicator.
 * @csspart help-text - The help under the search box (the `help-text` attribute or slot).
 * @csspart validation-message - Why the picker is invalid, under the search box, shown once the form has been submitted (or `reportValidity()` called).
 * @csspart popup - The results panel. It shows in the top layer (a manual popover), so no ancestor's `overflow`, `z-index`, `transform` or modal dialog clips or covers it; the picker sets its `top`, `left`, `width` and `max-height` to keep it against the box (below, or above where there is more room), so style its look, not its place.
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
 * @cssprop [--link-account-picker-font-family=system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif] - Font of the whole picker (a system font stack, not the page's).
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
 * @cssprop [--link-account-picker-popup-shadow=0 12px 32px rgb(15 23 42 / 0.18), 0 2px 6px rgb(15 23 42 / 0.12)] - Shadow of the popup.
 * @cssprop [--link-account-picker-popup-max-height=min(26rem, max(8rem, 50dvh))] - Tallest the popup grows before it scrolls. The picker also keeps it within the room beside the box (never under about three rows).
 * @cssprop [--link-account-picker-z-index=1000] - Stacking order of the popup only in browsers without the Popover API (before Chrome 114, Firefox 125, Safari 17), where it hangs under the box in the page. Elsewhere the popup is in the top layer, above every `z-index`, and this has no effect.
 */
export class LinkAccountPicker extends SearchSettingsElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties: PropertyDeclarations = {
    text: { state: true },
    label: {},
    placeholder: {},
    helpText: { attribute: 'help-text' },
    multiple: { type: Boolean },
    open: { type: Boolean },
    value: { attribute: false },
  };
  readonly #searches = new SearchController(this, {
    onComplete: (outcome) => this.#searchCompleted(outcome),
    onError: (query, error) => this.dispatchEvent(new SearchErrorEvent({ query, error })),
    minLength: () => this.minLength,
    debounceMs: () => this.debounce,
  });
  /** Whether the results held are the ones for the text in the box (a newer query may be pending). */
  readonly #listbox = new ListboxController(this, {
    isCurrent: () => {
      const { phase, outcome } = this.#searches.state;
      return phase === 'complete' && outcome?.query === this.text.trim();
    },
    pick: (index) => this.#pick(index),
    loadMore: () => this.#searches.loadMore(),
  });
  readonly #selection = new SelectionController(this, this.internals, {
    multiple: () => this.multiple,
    name: () => this.name,
    required: () => this.required,
    disabled: () => this.isDisabled,
    lookup: (id) => this.#listbox.view?.byId.get(id),
    anchor: () => this.#input ?? undefined,
  });
  readonly #recheck = new RecheckController(this, () => this.#searches.refresh());
  readonly #clock = new ClockController(this);
  readonly #announcer = new AnnouncerController(this);
  readonly #description = new FieldDescriptionController(this);

  /** The search box (what `@query('#input')` would give). */
  get #input(): HTMLInputElement {
    return this.renderRoot?.querySelector('#input') as HTMLInputElement;
  }

  constructor() {
    super();
    // Renders again when the page's language has loaded (what `@localized()` would do), and when a
    // regional change (es-MX → es-ES) changes only the dates.
    new LocaleController(this);
    // Shows the results in the top layer while open, placed against the box.
    new PlacementController(this, {
      open: () => this.open,
      anchor: () => this.renderRoot?.querySelector<HTMLElement>('.control'),
      popup: () => this.renderRoot?.querySelector<HTMLElement>('.popup'),
    });
  }

  /** The text in the search box. */
  private text = '';

  #initialValue: string[] = [];

  /** Visible label of the search box (also its accessible name). */
  label = '';

  /** Placeholder of the search box. */
  placeholder = '';

  /**
   * Help text shown under the search box and read as its description ("Only accounts of this portal
   * site are listed."). For rich content, use the `help-text` slot instead.
   */
  helpText = '';

  /** Allows several accounts, shown as removable chips. */
  multiple = false;

  /**
   * Whether the results popup is shown. The picker sets it as the admin focuses, types, presses Escape
   * or clicks away; a host or a preview sets it to show results with no focus and no typing (see
   * `search()`). Not reflected to the attribute.
   */
  get open(): boolean {
    return this.#listbox.open;
  }
  set open(open: boolean) {
    const old = this.#listbox.open;
    this.#listbox.open = Boolean(open);
    this.requestUpdate('open', old);
  }

  /** Ids of the selected accounts; at most one unless `multiple` (then the first). Setting it never fires `change`. */
  get value(): string[] {
    return [...this.#selection.ids];
  }
  set value(ids: string[]) {
    const old = this.value;
    this.#selection.set(ids);
    this.requestUpdate('value', old);
  }

  /** The selected accounts that a search or a pick has described (ids not seen yet are left out). */
  get selectedAccounts(): Account[] {
    return this.#selection.ids.flatMap((id) => {
      const entry = this.#selection.entry(id);
      return entry ? [entry.account] : [];
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (disconnected, then connected again): bring the results back, from the cache.
    if (this.hasUpdated) void this.#search(0);
  }

  /** Restores the ids the picker started with when its form is reset. */
  formResetCallback(): void {
    this.value = this.#initialValue;
    this.text = '';
    this.open = false;
    this.#searches.cancel();
    this.#description.reset();
  }

  /**
   * Also waits for the rest of new results' rows: the first frame shows only the rows in view (see
   * `FIRST_FRAME_ROWS`), and `updateComplete` (so `search()`) resolves once every row is rendered.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let rest = this.#listbox.restPending; rest; rest = this.#listbox.restPending) {
      await rest;
      complete = await super.getUpdateComplete();
    }
    return complete;
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

  protected override restoreState(ids: unknown[]): void {
    this.value = ids as string[];
  }

  protected override firstUpdated(): void {
    this.#initialValue = [...this.#selection.held];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.isDisabled && this.open) this.open = false;
    if (this.requestChanged(changed) && this.hasUpdated) {
      // New endpoint, site, user or credentials: cached answers no longer apply; search again.
      this.#searches.clearCache();
      void this.#search(0);
    }
    this.#listbox.update(this.#searches.state.outcome, currentLocale());
    // The last page arrived and Load more is about to go: focus the box first, or focus would fall
    // out of the picker while rendering (and close the popup).
    const focused = this.shadowRoot?.activeElement;
    if (focused?.matches('[part~="load-more"]') && !this.#searches.state.outcome?.nextCursor) this.#input.focus();
  }

  protected override updated(): void {
    const { outcome, phase, refreshing } = this.#searches.state;
    this.#recheck.watch(outcome && phase === 'complete' && !refreshing ? outcome : undefined);
    const view = this.#listbox.view;
    const pendingShown = this.open && !!view && view.groups.some((group) => group.group === 'pending');
    this.#clock.run(pendingShown || this.#searches.retryWaitMs > 0);
    this.#announcer.watch(this.#status(), this.#searches.state.phase === 'loading');
  }

  /** Searches the text in the box after `delayMs` (the debounce by default). */
  #search(delayMs?: number): Promise<void> {
    return this.#searches.setQuery(this.text.trim(), this.searchParams, delayMs);
  }

  #searchCompleted(outcome: SearchOutcome): void {
    // Results are growing long: fetch the virtualizer before a list needs it.
    if (outcome.results.length > VIRTUALIZE_ABOVE / 2) loadVirtualizer().catch(() => undefined);
    this.#selection.learn(outcome.results);
    const { query, results, nextCursor, total, malformed } = outcome;
    this.dispatchEvent(new SearchCompleteEvent({ query, results, nextCursor, ...(total !== undefined ? { total } : {}), malformed }));
  }

  #status(): StatusModel {
    return statusModel({
      typed: this.text.trim(),
      minLength: this.minLength,
      search: this.#searches.state,
      retryWaitMs: this.#searches.retryWaitMs,
      groups: this.#listbox.groups,
      current: this.#searches.state.outcome?.query === this.text.trim(),
      siteFallback: this.site,
      locale: currentLocale(),
    });
  }

  /** Picks an option on screen: selects it, or deselects it when it is selected in multiple mode. */
  #pick(index: number): void {
    const option = this.#listbox.activate(index);
    if (!option || this.isDisabled) return;
    const done = this.#selection.toggle(option.result);
    // Nothing to select: say why, or the admin hears nothing at all.
    if (done === 'none' && !option.result.eligibility.linkable) {
      this.#selection.notice = refusalText(option);
      this.requestUpdate();
    }
    if (!this.multiple && (done === 'selected' || this.#selection.has(option.result.account.id))) this.open = false;
  }

  // ---- handlers ------------------------------------------------------------------------------------

  #handleInput(event: InputEvent): void {
    this.text = (event.target as HTMLInputElement).value;
    this.#selection.notice = '';
    this.open = true;
    this.#listbox.activeIndex = -1;
    void this.#search();
  }

  #handleControlClick(event: MouseEvent): void {
    if (event.target === event.currentTarget) this.#input.focus();
    if (!this.isDisabled) this.open = true;
  }

  #handleKeyDown(event: KeyboardEvent): void {
    handleComboboxKey(event, {
      listbox: this.#listbox,
      text: this.text,
      caretAtStart: this.#input.selectionStart === 0,
      pick: (index) => this.#pick(index),
      loadMore: () => this.#searches.loadMore(),
      retry: () => this.#searches.retry(),
      clear: () => this.clear(),
      removeLast: () => {
        const ids = this.#selection.ids;
        return ids.length > 0 && this.#selection.deselect(ids[ids.length - 1]!);
      },
    });
  }

  #handleRetry(): void {
    this.#searches.retry();
    this.#input.focus();
  }

  // ---- public methods ------------------------------------------------------------------------------

  /** Moves focus to the search box. */
  override focus(options?: FocusOptions): void {
    this.#input?.focus(options);
  }

  /** Clears the query and closes the results; the selection stays. */
  clear(): void {
    this.text = '';
    this.open = false;
    this.#listbox.activeIndex = -1;
    this.#searches.cancel();
  }

  /**
   * Puts `query` in the search box and searches at once (no debounce), as if the admin had typed it
   * and paused. Resolves once that search's results or error are rendered, or another search replaced
   * it. Does not open the popup: set `open` for that.
   *
   * @example
   * picker.open = true;
   * await picker.search('acme');
   */
  async search(query: string): Promise<void> {
    this.text = String(query);
    this.#selection.notice = '';
    this.#listbox.activeIndex = -1;
    await this.#search(0);
    await this.updateComplete;
  }

  // ---- rendering -----------------------------------------------------------------------------------

  override render(): TemplateResult {
    const search = this.#searches.state;
    const listbox = this.#listbox;
    const view = listbox.view;
    const locale = currentLocale();
    const languages = shadowLanguages(this);
    const status = this.#status();
    return renderPicker({
      label: this.label,
      placeholder: this.placeholder,
      text: this.text,
      disabled: this.isDisabled,
      required: this.required,
      open: this.open,
      expanded: listbox.expanded,
      activeDescendant: listbox.activeDescendant,
      busy: search.phase === 'loading' || search.loadingMore || search.refreshing,
      virtual: !!listbox.virtualizer,
      chips: renderChips(this.#selection.ids, (id) => this.#selection.entry(id), this.isDisabled, (id) => {
        this.#selection.deselect(id);
        this.#input.focus();
      }),
      status: renderStatusLine(status, { locale, onRetry: () => this.#handleRetry() }),
      notice: renderNotice(search, locale),
      listbox: renderListbox({
        accessibleName: this.label || msg('Accounts'),
        multiple: this.multiple,
        groups: listbox.groups,
        // A getter: only a virtualized list reads the flattened rows, and making them is O(results).
        get items() {
          return view?.items ?? [];
        },
        activeIndex: listbox.activeIndex,
        isSelected: (id) => this.#selection.has(id),
        now: search.outcome ? outcomeNow(search.outcome).getTime() : Date.now(),
        locale,
        shownLimit: listbox.shownLimit,
        virtualizer: listbox.virtualizer,
        setSize: view ? setSize(view) : 0,
        onClick: listbox.handleClick,
        onScroll: listbox.handleScroll,
        onRangeChanged: listbox.handleRangeChanged,
      }),
      footer: renderFooter(search, () => this.#searches.loadMore()),
      announcement: this.#announcer.text({ status, open: this.open, notice: this.#selection.notice }),
      lang: languages.own,
      hostLang: languages.host,
      helpText: this.helpText,
      hasHelp: this.helpText.trim() !== '' || this.#description.slotted,
      hint: msg(str`Type at least ${this.minLength} characters of an account name or number.`),
      invalidMessage: this.#description.invalidShown ? this.validationMessage : '',
      on: {
        focusOut: listbox.handleFocusOut,
        controlClick: (event) => this.#handleControlClick(event),
        input: (event) => this.#handleInput(event),
        keyDown: (event) => this.#handleKeyDown(event),
        focus: () => (this.open ||= !this.isDisabled),
        popupPointerDown: listbox.handlePopupPointerDown,
        scroll: listbox.handleScroll,
        helpSlotChange: this.#description.handleSlotChange,
      },
    });
  }
}
