import { css } from 'lit';

/** The listbox: groups, rows and options (also in a virtualized list), and their narrow-screen layout. */
export const optionStyles = css`
  .listbox {
    padding: 0 0 calc(var(--_spacing) * 0.5);
  }

  .listbox:empty {
    display: none;
  }

  /* A long list scrolls itself (the virtualizer is its own scroller); the status line stays above it. */
  .scroller.virtual {
    display: flex;
    flex-direction: column;
    min-height: 0;
    overflow: hidden;
  }

  .listbox.virtual {
    flex: auto;
    height: 22rem;
    min-height: 6rem;
    overscroll-behavior: contain;
    /* Room for the scrollbar from the start: its arrival would resize every row mid-measurement
       ("ResizeObserver loop completed with undelivered notifications" in the host's error log). */
    scrollbar-gutter: stable;
  }

  /* Virtualized rows are positioned absolutely by the virtualizer: stretch them across the list. */
  .listbox.virtual > .row,
  .listbox.virtual > .group-header {
    inset-inline: 0;
  }

  .group-label {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: calc(var(--_spacing) * 1.25) calc(var(--_spacing) * 1.5) calc(var(--_spacing) * 0.5);
    color: var(--_group-color);
    font-size: 0.875em;
    font-weight: 700;
    letter-spacing: 0.04em;
    /* Small capitals drawn by the font: text-transform would upper-case the group's accessible name. */
    font-variant-caps: all-small-caps;
  }

  .group-label .count {
    color: var(--_muted);
    font-weight: 600;
  }

  .group-label svg {
    width: 1rem;
    height: 1rem;
  }

  .group.linkable {
    --_group-color: var(--_linkable);
  }

  .group.pending {
    --_group-color: var(--_pending);
  }

  .group.blocked {
    --_group-color: var(--_blocked);
  }

  .group.linked {
    --_group-color: var(--_linked);
  }

  .row {
    margin: 0 calc(var(--_spacing) * 0.5);
    padding: calc(var(--_spacing) * 0.875) var(--_spacing);
    border-inline-start: 3px solid var(--_group-color);
    border-radius: calc(var(--_radius) * 0.5);
    cursor: pointer;
  }

  .row + .row {
    margin-block-start: 2px;
  }

  .row:has([aria-disabled='true']) {
    cursor: default;
  }

  .row:hover {
    background: var(--_surface);
  }

  .row.selected,
  .row.active {
    background: var(--_active);
  }

  .row.active {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }

  .option {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    gap: 0.25rem 0.75rem;
    align-items: start;
  }

  .marker {
    display: grid;
    place-items: center;
    width: 1.5rem;
    height: 1.5rem;
    border-radius: 50%;
    color: var(--_group-color);
    background: color-mix(in srgb, var(--_group-color) 14%, transparent);
  }

  .marker svg {
    width: 0.9375rem;
    height: 0.9375rem;
  }

  .body {
    display: grid;
    gap: 0.125rem;
    min-width: 0;
  }

  .title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.5rem;
  }

  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  .option[aria-disabled='true'] .name {
    font-weight: 500;
  }

  .number {
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  mark {
    padding: 0 1px;
    border-radius: 2px;
    background: var(--_highlight);
    color: inherit;
  }

  /* The space between two highlights: kept, or the accessible name runs the words together. */
  .gap {
    white-space: pre-wrap;
  }

  /* The picker's sentences take their direction from their first letter (see the status line). */
  .summary-line,
  .why > span,
  .group-name,
  .countdown {
    unicode-bidi: plaintext;
  }

  .summary-line {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .why {
    display: grid;
    gap: 0.125rem;
    margin-block-start: 0.25rem;
    font-size: 0.875em;
  }

  .why,
  .aside {
    /* Lines up with the name, past the marker. */
    padding-inline-start: 2.25rem;
  }

  .verdict {
    color: var(--_group-color);
    font-weight: 600;
  }

  .next {
    color: var(--_muted);
  }

  /* Decorative: the alternative text '' keeps screen readers from reading "right arrow". */
  :host(:dir(rtl)) .next::before {
    content: '← ' / '';
  }
  .next::before {
    content: '→ ' / '';
  }

  .countdown {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    justify-self: start;
    margin-block-start: 0.25rem;
    padding: 0.0625rem 0.5rem;
    border: 1px solid color-mix(in srgb, var(--_pending) 45%, transparent);
    border-radius: 999px;
    color: var(--_pending);
    font-size: 0.8125rem;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }

  .check {
    width: 1.125rem;
    height: 1.125rem;
    color: var(--_accent);
    visibility: hidden;
  }

  .option[aria-selected='true'] .check {
    visibility: visible;
  }


  /*
   * A narrow picker (the popup is its query container): the row's coloured edge and the group heading
   * carry the group; the text gets the width. By the picker's own width, not the window's: an embedded
   * widget is often narrow on a wide screen (a side panel, a form column).
   */
  @container (max-width: 480px) {
    .row {
      padding-inline: calc(var(--_spacing) * 0.75);
    }

    .option {
      grid-template-columns: minmax(0, 1fr) auto;
      gap: 0.25rem 0.5rem;
    }

    .marker,
    .row:not(.selected) .check {
      display: none;
    }

    .why,
    .aside {
      padding-inline-start: 0;
    }
  }
`;
