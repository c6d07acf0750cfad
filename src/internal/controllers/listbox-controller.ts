import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import { FIRST_FRAME_ROWS, LOAD_MORE_THRESHOLD_PX, VIRTUALIZE_ABOVE } from '../defaults.js';
import type { SearchOutcome } from '../search/outcome.js';
import { buildListView, type GroupView, type ListView, type OptionView } from '../view/list-view.js';
import { loadedVirtualizer, loadVirtualizer, virtualizerFailed, type VirtualizerApi } from '../virtual-list.js';

/** Where the keyboard moves the active option. */
export type ListMove = 'next' | 'previous' | 'first' | 'last';

export interface ListboxHost extends ReactiveControllerHost, EventTarget {
  /** Where the rows are rendered, to scroll the active one into view. */
  readonly renderRoot: Pick<ParentNode, 'querySelector'> & Partial<Pick<Node, 'contains'>>;
  contains?(node: Node | null): boolean;
}

export interface ListboxOptions {
  /** Whether the results held are the ones for the query in the box (a newer one may be pending). */
  isCurrent(): boolean;
  /** An option was clicked. */
  pick(index: number): void;
  /** The list was scrolled to its end. */
  loadMore(): void;
}

/**
 * The popup and its listbox: whether it is open, which option the keyboard is on, and which rows
 * exist. Only the options on screen for the current query can be active or picked: while a newer
 * query is pending (`isCurrent()` false), the list is empty for the keyboard as for the eye.
 *
 * `update()` runs in the host's update step, never in `render()`: it regroups the results, keeps the
 * keyboard on the same account when they regroup, and decides whether the list is virtualized.
 */
export class ListboxController implements ReactiveController {
  /** The list view of the latest results (also when they are not the current query's). */
  view?: ListView;
  /** The virtualizer, when the list on screen is virtualized. */
  virtualizer?: VirtualizerApi;
  /** How many options show: a new query's first frame, or a long list while the virtualizer loads. */
  shownLimit = Infinity;

  readonly #host: ListboxHost;
  readonly #options: ListboxOptions;
  #open = false;
  #activeIndex = -1;
  /** The items a virtualized list has in the DOM: the active option is announced only when it is one. */
  #range = { first: 0, last: -1 };
  #revealed = -1;
  #wasVirtual = false;
  #wasLimit = Infinity;
  /** Set while a new query's results are in their first frame: only the first rows render. */
  #firstFrame = false;
  /** Cancels what would render the rest of the rows (the next frames, the fallback timer). */
  #cancelFirstFrame?: () => void;
  /** Settles when the rest of the rows have been asked for (see `restPending`). */
  #rest?: { promise: Promise<void>; settle: () => void };

  constructor(host: ListboxHost, options: ListboxOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  set open(open: boolean) {
    if (open === this.#open) return;
    this.#open = open;
    this.#host.requestUpdate();
  }

  /** The keyboard's option, or -1. */
  get activeIndex(): number {
    return this.#activeIndex;
  }

  set activeIndex(index: number) {
    if (index === this.#activeIndex) return;
    this.#activeIndex = index;
    this.#host.requestUpdate();
  }

  /** The options on screen for the current query: the only ones the keyboard and the mouse act on. */
  get options(): OptionView[] {
    return this.view && this.#options.isCurrent() ? this.view.options : [];
  }

  /** The groups on screen for the current query. */
  get groups(): GroupView[] {
    return this.view && this.#options.isCurrent() ? this.view.groups : [];
  }

  get activeOption(): OptionView | undefined {
    return this.#activeIndex >= 0 ? this.options[this.#activeIndex] : undefined;
  }

  /** Whether the popup shows options (the combobox's aria-expanded). */
  get expanded(): boolean {
    return this.#open && this.options.length > 0;
  }

  /** The id aria-activedescendant names: only an option that is rendered, in an open list. */
  get activeDescendant(): string | undefined {
    return this.expanded && this.activeOption && this.#activeRendered() ? `option-${this.#activeIndex}` : undefined;
  }

  /** Regroups new results, keeps the keyboard on its account, and decides how the list renders. */
  update(outcome: SearchOutcome | undefined, locale: string): void {
    if (!outcome) {
      this.view = undefined;
    } else if (this.view?.outcome !== outcome || this.view.locale !== locale) {
      const newQuery = this.view?.outcome.query !== outcome.query;
      // New pages land inside their groups, so the same account may move: keep the keyboard on it.
      const activeId = this.view?.options[this.#activeIndex]?.result.account.id;
      this.view = buildListView(outcome, locale);
      this.#activeIndex = activeId === undefined ? -1 : (this.view.indexById.get(activeId) ?? -1);
      // A new query's answer (not another page, a re-check or a new language of the same one) paints
      // the rows in view first.
      if (newQuery && this.view.options.length > FIRST_FRAME_ROWS) this.#paintFirstRowsFirst();
    }
    if (this.options.length === 0) this.#activeIndex = -1;
    const long = this.options.length > VIRTUALIZE_ABOVE;
    const loaded = long ? loadedVirtualizer() : undefined;
    // The first frame is a plain list even when long: the virtualizer measures its rows before it
    // shows them, which would cost that frame more than the first rows themselves.
    this.virtualizer = this.#firstFrame ? undefined : loaded;
    const waiting = long && !loaded && !virtualizerFailed();
    this.shownLimit = this.#firstFrame ? FIRST_FRAME_ROWS : waiting ? VIRTUALIZE_ABOVE : Infinity;
    if (waiting) {
      loadVirtualizer().then(
        () => this.#host.requestUpdate(),
        () => this.#host.requestUpdate(),
      );
    }
  }

  /**
   * Limits the next render to the first rows, then renders the rest in the frame after the one that
   * paints them: the callback of the first frame asks for the second, whose callback renders the rest
   * (Lit's update runs in its microtasks, before that frame paints). The timer stands in where frames
   * stop (a hidden tab), so the rows never wait for the page to be shown.
   */
  #paintFirstRowsFirst(): void {
    if (this.#firstFrame) return;
    this.#firstFrame = true;
    let settle!: () => void;
    this.#rest = { promise: new Promise<void>((resolve) => (settle = resolve)), settle };
    const timer = setTimeout(() => this.#paintTheRest(), 100);
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => this.#paintTheRest())));
    this.#cancelFirstFrame = () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }

  #paintTheRest(): void {
    if (this.#endFirstFrame()) this.#host.requestUpdate();
  }

  /** Leaves the first frame: nothing left scheduled, `restPending` settled. Returns whether it was in one. */
  #endFirstFrame(): boolean {
    const was = this.#firstFrame;
    this.#cancelFirstFrame?.();
    this.#cancelFirstFrame = undefined;
    this.#firstFrame = false;
    this.#rest?.settle();
    this.#rest = undefined;
    return was;
  }

  /**
   * While new results show only their first rows: settles once the rest have been asked for (the
   * host's update that renders them is then pending). The host's `updateComplete` waits for it, so
   * "updated" still means every row is rendered.
   */
  get restPending(): Promise<void> | undefined {
    return this.#rest?.promise;
  }

  /** Moves the keyboard's option; returns whether it reached the last loaded one. */
  move(to: ListMove): boolean {
    const count = this.options.length;
    if (count === 0) return false;
    const index = this.#activeIndex;
    if (to === 'next') this.activeIndex = Math.min(index + 1, count - 1);
    else if (to === 'previous') this.activeIndex = index <= 0 ? count - 1 : index - 1;
    else if (to === 'first') this.activeIndex = 0;
    else this.activeIndex = count - 1;
    return this.#activeIndex >= count - 1;
  }

  /** The option a click landed on, made active; undefined if it is not on screen. */
  activate(index: number): OptionView | undefined {
    const option = this.options[index];
    if (option) this.activeIndex = index;
    return option;
  }

  /** The virtualizer rendered other rows: re-render only when aria-activedescendant must appear or go. */
  setRenderedRange(first: number, last: number): void {
    const was = this.#activeRendered();
    this.#range = { first, last };
    if (this.#activeRendered() !== was) this.#host.requestUpdate();
  }

  hostUpdated(): void {
    // Also when the virtualizer has just arrived or the rest of the rows have: a key pressed meanwhile
    // may have gone past the first rows.
    const virtualNow = !!this.virtualizer;
    const limit = this.shownLimit;
    if (this.#activeIndex >= 0 && (this.#activeIndex !== this.#revealed || virtualNow !== this.#wasVirtual || limit !== this.#wasLimit)) this.#reveal();
    this.#revealed = this.#activeIndex;
    this.#wasVirtual = virtualNow;
    this.#wasLimit = limit;
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.#handleDocumentPointerDown, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#handleDocumentPointerDown, true);
    this.#open = false;
    // Nothing left scheduled: a picker reconnected later renders all its rows at once.
    this.#endFirstFrame();
  }

  // ---- the popup's events (bound: the template passes them as they are) ----------------------------

  /** A press outside the picker closes the popup. */
  readonly #handleDocumentPointerDown = (event: PointerEvent): void => {
    if (this.#open && !event.composedPath().includes(this.#host)) this.open = false;
  };

  /** Focus leaving the picker closes the popup. */
  readonly handleFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (this.#host.renderRoot.contains?.(next) || this.#host.contains?.(next))) return;
    this.open = false;
  };

  /**
   * Keeps focus (and so the active descendant) on the search box when anything in the popup is
   * pressed, its buttons too: they are pointer shortcuts for keys of the box, never tab stops.
   */
  readonly handlePopupPointerDown = (event: PointerEvent): void => {
    event.preventDefault();
  };

  readonly handleClick = (event: MouseEvent): void => {
    const row = (event.target as Element).closest<HTMLElement>('.row');
    if (row) this.#options.pick(Number(row.dataset.index));
  };

  /** A virtualized list scrolls itself; a short one scrolls with the status line above it. */
  readonly handleScroll = (event: Event): void => {
    const scroller = event.currentTarget as HTMLElement;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - LOAD_MORE_THRESHOLD_PX) this.#options.loadMore();
  };

  readonly handleRangeChanged = (event: RangeChangedEvent): void => this.setRenderedRange(event.first, event.last);

  /** Whether the active option is in the DOM, so aria-activedescendant may point at it. */
  #activeRendered(): boolean {
    if (!this.virtualizer) return this.#activeIndex < this.shownLimit;
    const item = this.activeOption?.item ?? -1;
    return item >= this.#range.first && item <= this.#range.last;
  }

  /** Scrolls the active option into view; a virtualized list renders it first if it is far away. */
  #reveal(): void {
    const option = this.activeOption;
    const virtualizer = this.virtualizer;
    const root = this.#host.renderRoot;
    if (virtualizer && option) {
      const list = root.querySelector('#listbox') as (Element & Record<symbol, unknown>) | null;
      const instance = list?.[virtualizer.ref] as { element(i: number): { scrollIntoView(o: ScrollIntoViewOptions): void } | undefined } | undefined;
      instance?.element(option.item)?.scrollIntoView({ block: 'nearest' });
    } else {
      root.querySelector(`[data-index="${this.#activeIndex}"]`)?.scrollIntoView({ block: 'nearest' });
    }
  }
}
