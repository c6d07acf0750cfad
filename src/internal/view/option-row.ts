/**
 * One account row, and a group's heading: plain functions of their data, so a virtualizer renders
 * rows on demand and a story can render one alone.
 *
 * Everything the option shows is in its accessible name (label-in-name: a voice-control user says
 * what they see), and the reason with its next step is also its accessible description. The countdown
 * sits beside the option, visual only: its ticks must never reach a screen reader, and the reason
 * already says the time.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { formatCountdown, groupLabel, type ResultGroup } from '../explain.js';
import type { TextPart } from '../highlight.js';
import { GROUP_ICON, icon } from './icons.js';
import type { OptionView } from './list-view.js';

export interface RowState {
  active: boolean;
  selected: boolean;
  /** Server time, ms since epoch: what the countdown counts from. */
  now: number;
  locale: string;
  /** In a virtualized list, the option's set size (rows sit outside their group's element). */
  virtual?: { setSize: number };
}

function marks(parts: TextPart[]): TemplateResult[] {
  return parts.map((part) => (part.match ? html`<mark part="match">${part.text}</mark>` : html`${part.text}`));
}

function renderCountdown(option: OptionView, now: number): TemplateResult | typeof nothing {
  const { eligibility } = option.result;
  if (eligibility.code !== 'pending-sync' || !eligibility.expectedSyncBy) return nothing;
  const left = Date.parse(eligibility.expectedSyncBy) - now;
  const countdown =
    left > 0
      ? html`<span class="countdown" part="countdown">
          ${icon('pending', 'status-icon')}${msg(str`Linkable in ${formatCountdown(left)}`)}
        </span>`
      : html`<span class="countdown" part="countdown">${msg('Checking again…')}</span>`;
  return html`<div class="aside" aria-hidden="true">${countdown}</div>`;
}

export function renderOptionRow(option: OptionView, state: RowState): TemplateResult {
  const { index, result, explanation } = option;
  const { account, eligibility } = result;
  const id = `option-${index}`;
  const linkable = eligibility.linkable;
  const { virtual } = state;
  return html`<div
    class="row ${state.active ? 'active' : ''} ${state.selected ? 'selected' : ''} ${virtual ? `group ${option.group}` : ''}"
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
      aria-setsize=${virtual ? virtual.setSize : nothing}
      aria-posinset=${virtual ? index + 1 : nothing}
      aria-disabled=${linkable ? 'false' : 'true'}
      aria-selected=${state.selected ? 'true' : 'false'}
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
    ${renderCountdown(option, state.now)}
  </div>`;
}

/** A group's heading: its icon, name and count. `id` names it for its role="group" (not in a virtualized list). */
export function renderGroupLabel(group: ResultGroup, count: number, id?: string): TemplateResult {
  return html`<div class="group-label" part="group-label" id=${id ?? nothing} role="presentation">
    ${icon(GROUP_ICON[group], '')}<span>${groupLabel(group)}</span>
    <span class="count">${count}</span>
  </div>`;
}
