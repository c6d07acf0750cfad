import { css } from 'lit';

/** The popup panel: the status line, the notice, its buttons and the paging footer. */
export const popupStyles = css`
  /* In the top layer (popover="manual"), so no ancestor's overflow, z-index, transform or modal dialog
     clips or covers it; the placement controller sets its top, left, width and max-height against
     the box. The UA's popover look (centred, bordered, padded, Canvas colours) is reset here. */
  .popup {
    position: fixed;
    inset: auto;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    max-height: var(--_popup-max-height);
    overflow: hidden;
    background: var(--_background);
    color: var(--_color);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: var(--_shadow);
    /* The rows' narrow layout queries this width. The popup, out of the flow, never sizes the host,
       so its size containment can't collapse a host that shrinks to fit its content. */
    container-type: inline-size;
  }

  .popup[hidden] {
    display: none;
  }

  /* No part of the box is in view (scrolled away in the page or a scrolling ancestor): the results
     would float next to nothing. They come back with the box. */
  .popup[data-out-of-view] {
    visibility: hidden;
  }

  /* Too short to keep the summary and paging line fixed around the list: everything scrolls. A
     virtualized list keeps its own scroller (it measures it). */
  .popup[data-compact]:has(> .scroller:not(.virtual)) {
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  .popup[data-compact] > .scroller:not(.virtual) {
    flex: none;
    overflow: visible;
  }

  /* Without the Popover API (before Chrome 114, Firefox 125, Safari 17), the popup hangs under the
     box in the page, stacked by --link-account-picker-z-index, as ancestors allow. */
  @supports not selector(:popover-open) {
    .popup {
      position: absolute;
      inset-inline: 0;
      top: calc(100% + 4px);
      z-index: var(--_z-index);
    }
  }

  .scroller {
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  /* Above the list, not over it. A long error (no list then) scrolls within the popup. */
  .popup > .status,
  .popup > .notice {
    flex: none;
  }

  .popup > .status.error {
    flex: 0 1 auto;
    min-height: 0;
    overflow-y: auto;
  }

  /* The picker's sentences take their direction from their first letter: English on a right-to-left
     page keeps its full stop, ellipsis and quotes at its end, while the layout stays mirrored. */
  .status span,
  .notice,
  .footer > span,
  .validation-message > span {
    unicode-bidi: plaintext;
  }

  .status {
    display: flex;
    align-items: flex-start;
    gap: var(--_spacing);
    padding: calc(var(--_spacing) * 1.25) calc(var(--_spacing) * 1.5);
    color: var(--_muted);
  }

  .status.summary {
    flex-wrap: wrap;
    justify-content: space-between;
    padding-block: var(--_spacing);
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
    font-size: 0.875em;
  }

  .status strong {
    color: var(--_color);
    font-weight: 600;
  }

  .status-icon {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin-block-start: 0.05rem;
  }

  .status.error {
    color: var(--_color);
  }

  .status.error .status-icon {
    color: var(--_error);
  }

  .status-body {
    display: grid;
    gap: calc(var(--_spacing) * 0.5);
    min-width: 0;
  }

  .status-title {
    font-weight: 600;
  }

  .notice {
    margin: 0;
    padding: calc(var(--_spacing) * 0.75) calc(var(--_spacing) * 1.5);
    border-block-end: 1px solid var(--_border);
    background: light-dark(#fff7e0, #3a2f10);
    font-size: 0.875em;
  }

  .button {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    background: var(--_background);
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  .button:hover:not(:disabled, [aria-disabled='true']) {
    background: var(--_active);
  }

  .button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }

  .button:disabled,
  .button[aria-disabled='true'] {
    color: var(--_muted);
    cursor: not-allowed;
  }


  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_spacing);
    padding: var(--_spacing) calc(var(--_spacing) * 1.5);
    border-block-start: 1px solid var(--_border);
    color: var(--_muted);
    font-size: 0.875em;
  }

  .footer .error-text {
    color: var(--_error);
  }
`;
