import type { PropertyDeclarations, PropertyValues } from 'lit';
import type { SearchAccounts } from '../rules/types.js';
import { DEFAULT_DEBOUNCE_MS, DEFAULT_LIMIT, DEFAULT_MIN_CHARS, DEFAULT_TIMEOUT_MS } from './defaults.js';
import { FormAssociatedElement } from './form-associated-element.js';
import { REQUEST_KEYS, searchParams, type SearchParams } from './search/transport.js';

/**
 * The attributes and properties that say where and how the picker searches, and the request
 * parameters they make. Apart from the picker class so that it holds behaviour, not settings.
 */
export abstract class SearchSettingsElement extends FormAssociatedElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    site: {},
    user: {},
    minChars: { type: Number, attribute: 'min-chars' },
    debounce: { type: Number },
    limit: { type: Number },
    timeout: { type: Number },
    fetchInit: { attribute: false },
    searchAccounts: { attribute: false },
  };

  /** URL of the search endpoint (`GET {endpoint}?q=…&site=…&limit=…`). Relative URLs resolve against the page. */
  endpoint = '';

  /** Id of the portal site the user belongs to; sent as `site`. */
  site = '';

  /** Id of the portal user being edited; sent as `user` when set, so the server can flag accounts already linked. */
  user = '';

  /** Characters needed before searching. */
  minChars: number = DEFAULT_MIN_CHARS;

  /** Milliseconds to wait after the last keystroke before searching. */
  debounce: number = DEFAULT_DEBOUNCE_MS;

  /** Accounts per page; sent as `limit`. */
  limit: number = DEFAULT_LIMIT;

  /** Milliseconds before a request is abandoned as timed out. */
  timeout: number = DEFAULT_TIMEOUT_MS;

  /** Extra `fetch` options (headers, credentials, mode): secrets belong here, never in attributes. */
  fetchInit?: RequestInit;

  /** Called instead of `fetch` when set; its result is treated exactly like a response body. */
  searchAccounts?: SearchAccounts;

  /** The request parameters, with out-of-range numbers replaced by the defaults. */
  protected get searchParams(): SearchParams {
    return searchParams(this);
  }

  /** Characters needed before searching: at least one. */
  protected get minLength(): number {
    return Number.isFinite(this.minChars) && this.minChars > 0 ? this.minChars : 1;
  }

  /** Whether a change would send different requests (new endpoint, site, user or credentials). */
  protected requestChanged(changed: PropertyValues): boolean {
    return REQUEST_KEYS.some((key) => changed.has(key));
  }
}
