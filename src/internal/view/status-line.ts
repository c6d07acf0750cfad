/** The visible status line, drawn from the status model (the live region reads the same model's text). */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { isOne } from '../explain.js';
import { errorTitle } from '../search/errors.js';
import { icon } from './icons.js';
import { waitingText, type StatusModel } from './status.js';

export interface StatusLineOptions {
  locale: string;
  onRetry: () => void;
}

const spinner = html`<span class="spinner" part="spinner" aria-hidden="true"></span>`;

/**
 * While the server asks to wait (`Retry-After`), the line says so and counts down with its button;
 * a new query typed meanwhile is held, so nothing says "Searching" until it is sent. The retry button
 * is for the pointer (Enter in the search box does the same): no tab stop.
 */
export function renderStatusLine(status: StatusModel, { locale, onRetry }: StatusLineOptions): TemplateResult {
  switch (status.kind) {
    case 'error': {
      const seconds = status.waitSeconds;
      const waiting = seconds > 0;
      return html`<div class="status error" part="status error">
        ${icon('error', 'status-icon')}
        <div class="status-body">
          <span class="status-title">${errorTitle(status.error)}</span>
          <span>${waiting ? waitingText(status.error, seconds, locale) : status.error.message}</span>
          <button type="button" class="button" part="retry" tabindex="-1" ?disabled=${waiting} @click=${onRetry}>
            ${waiting ? msg(str`Try again in ${seconds} s`) : msg('Try again')}
          </button>
        </div>
      </div>`;
    }
    case 'loading':
      return html`<div class="status" part="status">${spinner}<span>${status.text}</span></div>`;
    case 'summary': {
      const { count, query, site } = status;
      return html`<div class="status summary" part="status">
        <span>
          ${isOne(count, locale)
            ? msg(html`<strong>1 account</strong> matches “${query}” on ${site}`)
            : msg(html`<strong>${count} accounts</strong> match “${query}” on ${site}`)}
        </span>
        ${status.refreshing ? html`<span>${spinner} ${msg('Checking again…')}</span>` : nothing}
      </div>`;
    }
    default:
      return html`<div class="status" part="status">${icon('info', 'status-icon')}<span>${status.text}</span></div>`;
  }
}
