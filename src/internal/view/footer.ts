/** The paging line under the results, and the malformed-accounts notice above them. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { SearchState } from '../search/search-controller.js';
import { malformedText } from './status.js';

/**
 * The button is for the pointer (↓ at the last row does the same from the search box): no tab stop.
 * While a page loads, the button stays enabled and says so with aria-disabled: a disabled button
 * would lose focus (Chromium blurs it), and with it the popup.
 */
export function renderFooter(search: SearchState, onLoadMore: () => void): TemplateResult | typeof nothing {
  const { phase, outcome, loadingMore, moreError } = search;
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
          tabindex="-1"
          aria-disabled=${loadingMore ? 'true' : 'false'}
          @click=${onLoadMore}
        >
          ${loadingMore ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>${msg('Loading…')}` : msg('Load more')}
        </button>`
      : nothing}
  </div>`;
}

export function renderNotice(search: SearchState, locale: string): TemplateResult | typeof nothing {
  const { phase, outcome } = search;
  if (phase !== 'complete' || !outcome || outcome.malformed === 0) return nothing;
  return html`<p class="notice" part="notice">${malformedText(outcome.malformed, locale)}</p>`;
}
