/**
 * The picker's events, as typed `CustomEvent` subclasses so hosts get `detail` typed
 * from `addEventListener` alone. Every one bubbles and crosses shadow roots: the picker usually sits
 * deep inside a host application's own components.
 */
import type { Account, Eligibility } from '../rules/types.js';

/** One account of a search, with the verdict the rules gave it when it arrived. */
export interface AccountResult {
  account: Account;
  eligibility: Eligibility;
}

/** What went wrong with a search, in the contract's four kinds. */
export interface SearchErrorInfo {
  kind: 'network' | 'http' | 'timeout' | 'invalid-response';
  /** The HTTP status, for `kind: 'http'`. */
  status?: number;
  /** A specific, human-readable message (the one the picker shows). */
  message: string;
  /** For HTTP 429: seconds the server asked to wait (`Retry-After`), when it said. */
  retryAfter?: number;
}

export interface AccountSelectDetail {
  account: Account;
  eligibility: Eligibility;
}

export interface AccountDeselectDetail {
  /**
   * The account that was removed. For an id the host set in `value` that no search has described yet,
   * a stand-in `{ id, name: id, contracts: [] }`.
   */
  account: Account;
}

export interface SearchCompleteDetail {
  query: string;
  /** Every result so far, across all loaded pages, in the server's order. */
  results: AccountResult[];
  nextCursor: string | null;
  /** All matches, when the server knows. */
  total?: number;
  /** Accounts left out of the responses as malformed. */
  malformed: number;
}

export interface SearchErrorDetail {
  query: string;
  error: SearchErrorInfo;
}

const init = { bubbles: true, composed: true } as const;

/** The admin picked a linkable account. */
export class AccountSelectEvent extends CustomEvent<AccountSelectDetail> {
  static readonly eventName = 'account-select';
  constructor(detail: AccountSelectDetail) {
    super(AccountSelectEvent.eventName, { ...init, detail });
  }
}

/** A selected account was removed (by the admin, or replaced in single mode). */
export class AccountDeselectEvent extends CustomEvent<AccountDeselectDetail> {
  static readonly eventName = 'account-deselect';
  constructor(detail: AccountDeselectDetail) {
    super(AccountDeselectEvent.eventName, { ...init, detail });
  }
}

/** A search's results are on screen (also from the cache, and after each further page). */
export class SearchCompleteEvent extends CustomEvent<SearchCompleteDetail> {
  static readonly eventName = 'search-complete';
  constructor(detail: SearchCompleteDetail) {
    super(SearchCompleteEvent.eventName, { ...init, detail });
  }
}

/** A search failed. Never fired for a request the picker itself abandoned. */
export class SearchErrorEvent extends CustomEvent<SearchErrorDetail> {
  static readonly eventName = 'search-error';
  constructor(detail: SearchErrorDetail) {
    super(SearchErrorEvent.eventName, { ...init, detail });
  }
}

/** `change` is a plain event, like a native control's. */
export function changeEvent(): Event {
  return new Event('change', init);
}

/** The picker's events by name: what `addEventListener` hands a listener, wherever it listens. */
interface LinkAccountPickerEventMap {
  'account-select': AccountSelectEvent;
  'account-deselect': AccountDeselectEvent;
  'search-complete': SearchCompleteEvent;
  'search-error': SearchErrorEvent;
}

// They bubble and are composed, so hosts listen on the element, a form or container
// (HTMLElementEventMap), the document or the window (both read GlobalEventHandlersEventMap).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends LinkAccountPickerEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends LinkAccountPickerEventMap {}
}
