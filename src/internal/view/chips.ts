/** The selected accounts as removable chips; an id no search has described yet shows as itself. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { AccountResult } from '../events.js';
import { icon } from './icons.js';

export function renderChips(
  ids: readonly string[],
  entry: (id: string) => AccountResult | undefined,
  disabled: boolean,
  onRemove: (id: string) => void,
): TemplateResult | typeof nothing {
  if (ids.length === 0) return nothing;
  return html`<ul class="chips" part="chips" aria-label=${msg('Selected accounts')}>
    ${ids.map((id) => {
      const known = entry(id);
      const name = known?.account.name ?? id;
      const number = known?.account.number;
      return html`<li class="chip ${known ? '' : 'unknown'}" part="chip" data-account-id=${id}>
        <span class="chip-text">
          ${known ? name : html`<span class="visually-hidden">${msg('Account id')}</span> ${id}`}
          ${number ? html`<span class="chip-number">${number}</span>` : nothing}
        </span>
        <button
          type="button"
          class="chip-remove"
          part="chip-remove"
          data-account-id=${id}
          aria-label=${msg(str`Remove ${name}`)}
          ?disabled=${disabled}
          @click=${() => onRemove(id)}
        >
          ${icon('close', '')}
        </button>
      </li>`;
    })}
  </ul>`;
}
