/**
 * The listbox: every row in real role="group"s for a short list, or only the rows in view for a long
 * one (virtualized). Two templates, not one with other content: switching between them replaces the
 * listbox element, so the inline styles the virtualizer sets on its scroller never linger on a short list.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RangeChangedEvent } from '@lit-labs/virtualizer/events.js';
import type { VirtualizerApi } from '../virtual-list.js';
import type { GroupView, ListItem, OptionView } from './list-view.js';
import { renderGroupLabel, renderOptionRow, type RowState } from './option-row.js';

export interface ListboxState {
  accessibleName: string;
  multiple: boolean;
  groups: readonly GroupView[];
  items: readonly ListItem[];
  activeIndex: number;
  isSelected(id: string): boolean;
  now: number;
  locale: string;
  /** How many options show while the virtualizer loads. */
  shownLimit: number;
  virtualizer?: VirtualizerApi;
  /** The options' set size in a virtualized list. */
  setSize: number;
  onClick(event: MouseEvent): void;
  onScroll(event: Event): void;
  onRangeChanged(event: RangeChangedEvent): void;
}

function rowState(option: OptionView, list: ListboxState, virtual: boolean): RowState {
  const state: RowState = {
    active: option.index === list.activeIndex,
    selected: list.isSelected(option.result.account.id),
    now: list.now,
    locale: list.locale,
  };
  if (virtual) state.virtual = { setSize: list.setSize };
  return state;
}

/** The listbox takes tabindex -1 so its scrolling panel counts as keyboard-reachable; focus stays in the box. */
export function renderListbox(list: ListboxState): TemplateResult {
  if (list.groups.length > 0 && list.virtualizer) return renderVirtualListbox(list, list.virtualizer);
  return html`<div
    id="listbox"
    tabindex="-1"
    class="listbox"
    part="listbox"
    role="listbox"
    aria-label=${list.accessibleName}
    aria-multiselectable=${list.multiple ? 'true' : nothing}
    @click=${list.onClick}
  >${list.groups.map(({ group, options }) => {
    const shown = list.shownLimit === Infinity ? options : options.filter((o) => o.index < list.shownLimit);
    if (shown.length === 0) return nothing;
    return html`<div role="group" class="group ${group}" part="group" aria-labelledby="group-${group}">
      ${renderGroupLabel(group, options.length, `group-${group}`)}
      ${shown.map((option) => renderOptionRow(option, rowState(option, list, false)))}
    </div>`;
  })}</div>`;
}

/**
 * A long list: group headers and options flattened into one list of items, only those in view
 * rendered. Options carry aria-setsize and aria-posinset, since most of the set is absent.
 */
function renderVirtualListbox(list: ListboxState, { virtualize, layout }: VirtualizerApi): TemplateResult {
  return html`<div
    id="listbox"
    tabindex="-1"
    class="listbox virtual"
    part="listbox"
    role="listbox"
    aria-label=${list.accessibleName}
    aria-multiselectable=${list.multiple ? 'true' : nothing}
    @click=${list.onClick}
    @scroll=${list.onScroll}
    @rangeChanged=${list.onRangeChanged}
  >${virtualize({
    // Its own scroller: the virtualizer then moves the right element when it brings a far row in.
    scroller: true,
    layout,
    items: list.items as ListItem[],
    keyFunction: (item: ListItem) => (item.kind === 'group' ? `group:${item.group}` : `option:${item.option.result.account.id}`),
    renderItem: (item: ListItem) =>
      item.kind === 'group'
        ? html`<div class="group ${item.group} group-header" role="none">${renderGroupLabel(item.group, item.count)}</div>`
        : renderOptionRow(item.option, rowState(item.option, list, true)),
  })}</div>`;
}
