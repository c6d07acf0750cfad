/**
 * One account row, and a group's heading: plain functions of their data, so a virtualizer renders
 * rows on demand and a story can render one alone.
 *
 * The option is named by what it shows, its name, number and contracts (label-in-name: a voice-control
 * user says what they see); the verdict, the reason and the next step are its description, read once
 * after the name, never also in it. They sit beside the option in the row, so the option's own text
 * stays its name; hidden from the tree there, they reach it only as the description. In a virtualized list the row sits outside
 * its group's element, so its group's name leads the description. The countdown sits beside the
 * option, visual only: its ticks must never reach a screen reader, and the reason already says the time.
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

/**
 * The text with its matches in `<mark>`. The whitespace between two marks gets its own element that
 * keeps it: Chromium leaves a whitespace-only text node out of the accessible name when comments (Lit's
 * markers) surround it, and "Harbor Point" would be read "HarborPoint".
 */
function marks(parts: TextPart[]): TemplateResult[] {
  return parts.map((part) =>
    part.match
      ? html`<mark part="match">${part.text}</mark>`
      : part.text.trim() === ''
        ? html`<span class="gap">${part.text}</span>`
        : html`${part.text}`,
  );
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

/** The ids that describe an option: its group in a virtualized list, then why it can't be linked. */
function describedBy(id: string, linkable: boolean, virtual: boolean): string | undefined {
  const ids = [virtual ? `${id}-group` : '', linkable ? '' : `${id}-why`].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
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
      aria-labelledby="${id}-name ${id}-summary"
      aria-describedby=${describedBy(id, linkable, !!virtual) ?? nothing}
    >
      <span class="marker" aria-hidden="true">${icon(GROUP_ICON[explanation.group], '')}</span>
      ${virtual ? html`<span id="${id}-group" hidden>${groupLabel(option.group)}.</span>` : nothing}
      <span class="body">
        <span class="title" id="${id}-name">
          <span class="name">${marks(option.nameParts)}</span>
          ${account.number ? html`<span class="number">${marks(option.numberParts)}</span>` : nothing}
        </span>
        <span class="summary-line" id="${id}-summary">${explanation.summary}</span>
      </span>
      ${icon('check', 'check')}
    </div>
    ${linkable
      ? nothing
      : html`<div class="why" id="${id}-why" aria-hidden="true">
          <span class="verdict">${explanation.status}.</span>
          <span class="reason" part="reason">${explanation.reason}</span>
          <span class="next" part="next-step">${explanation.nextStep}</span>
        </div>`}
    ${renderCountdown(option, state.now)}
  </div>`;
}

/**
 * What the live region says when the admin picks an account that can't be linked: its verdict, the
 * reason and the next step, the row's description in one sentence-led line.
 */
export function refusalText(option: OptionView): string {
  const { name } = option.result.account;
  const { reason, nextStep } = option.explanation;
  const verdict =
    option.group === 'pending'
      ? msg(str`${name} can't be linked yet.`)
      : option.group === 'linked'
        ? msg(str`${name} is already linked.`)
        : msg(str`${name} can't be linked.`);
  return [verdict, reason, nextStep].filter(Boolean).join(' ');
}

/**
 * A group's heading: its icon, name and count. `id` goes on the name alone, which names the
 * role="group" (not in a virtualized list): the count is not part of the group's name (the summary
 * says the counts), and the heading is in sentence case, small capitals being a font feature only.
 */
export function renderGroupLabel(group: ResultGroup, count: number, id?: string): TemplateResult {
  return html`<div class="group-label" part="group-label" role="presentation">
    ${icon(GROUP_ICON[group], '')}<span class="group-name" id=${id ?? nothing}>${groupLabel(group)}</span>
    <span class="count">${count}</span>
  </div>`;
}
