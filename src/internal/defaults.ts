/**
 * The picker's default numbers, named once. Attributes (`min-chars`, `debounce`, `limit`, `timeout`)
 * default to these, and a value a host sets that makes no sense falls back to them.
 */

/** Characters needed before searching (`min-chars`). */
export const DEFAULT_MIN_CHARS = 2;
/** Milliseconds after the last keystroke before searching (`debounce`). */
export const DEFAULT_DEBOUNCE_MS = 250;
/** Accounts per page (`limit`). */
export const DEFAULT_LIMIT = 25;
/** Milliseconds before a request is abandoned as timed out (`timeout`). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Longer lists render only the rows in view (@lit-labs/virtualizer, loaded on first need): 50,000
 * loaded accounts scroll and navigate without long tasks. Shorter ones keep every row in the DOM, in
 * real role="group"s; so does a long one for the moment the virtualizer takes to arrive, first rows only.
 */
export const VIRTUALIZE_ABOVE = 200;
/**
 * A new query's results paint this many rows in their first frame and the rest in the next: as many
 * as the popup shows (26rem holds six to eight), so the first frame looks complete, and a 100-row
 * answer costs that frame no more than an 8-row one. A long list turns virtualized in the next frame.
 */
export const FIRST_FRAME_ROWS = 8;
/** Scrolling within this distance of the end loads the next page. */
export const LOAD_MORE_THRESHOLD_PX = 48;

/** Re-checks of pending accounts are spaced at least this far apart, whatever the server says. */
export const MIN_RECHECK_MS = 5_000;
/** A re-check waits this long past the expected sync time, so the server has had the chance to sync. */
export const RECHECK_GRACE_MS = 1_500;

/** How long an answer is reused for the same query and parameters. */
export const CACHE_TTL_MS = 30_000;
/** How many answers (pages) the cache keeps. */
export const CACHE_MAX = 50;

/** The longest `Retry-After` the picker honours: a longer one never locks the search box. */
export const MAX_RETRY_AFTER_S = 60;

/** A search still running after this long is said in the live region ("Searching for …"), once. */
export const SLOW_SEARCH_MS = 1_000;

/** Between the search box and the results popup. */
export const POPUP_GAP_PX = 4;
/** Kept free between the results popup and the window's top and bottom edges. */
export const VIEWPORT_MARGIN_PX = 4;
/**
 * The results popup shrinks to the room beside the box, but not below this (about three rows): it is
 * then shifted inside the window, over the box if it must, rather than made too short to use.
 */
export const POPUP_MIN_HEIGHT_PX = 120;
/**
 * A results popup with less room than this scrolls as a whole (summary, rows, paging line) instead of
 * keeping its summary and paging line fixed around the list, which at 400 % zoom left the list a
 * strip of a few pixels.
 */
export const COMPACT_POPUP_BELOW_PX = 240;
