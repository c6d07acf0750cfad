import { css } from 'lit';

/**
 * Public tokens (`--link-account-picker-*`) are read once on :host into private `--_*` variables, so
 * a host overrides any of them from outside without fighting specificity, and the rules below never
 * read a public name directly. Defaults use `light-dark()`, which follows the `color-scheme` the element
 * inherits: a page that declares `color-scheme: light dark` gets the dark look when the admin prefers
 * it, and a light-only page never gets a dark widget (nor a label it can't read on its background).
 * The label takes the page's own text colour, as it sits on the page.
 * No rule depends on a `style` attribute: a strict CSP (style-src-attr 'none') stays satisfied.
 */
/** The host, its tokens, the label and the bordered box with the chips and the search box. */
export const controlStyles = css`
  :host {
    --_font-family: var(--link-account-picker-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--link-account-picker-font-size, 0.9375rem);
    --_radius: var(--link-account-picker-radius, 0.5rem);
    --_spacing: var(--link-account-picker-spacing, 0.5rem);
    --_color: var(--link-account-picker-color, light-dark(#1b1f24, #e6e9ee));
    --_muted: var(--link-account-picker-muted-color, light-dark(#59626f, #a3adbb));
    --_background: var(--link-account-picker-background, light-dark(#ffffff, #1c2128));
    --_surface: var(--link-account-picker-surface, light-dark(#f5f7fa, #252c35));
    --_border: var(--link-account-picker-border-color, light-dark(#b8c0cc, #4a5462));
    --_accent: var(--link-account-picker-accent-color, light-dark(#0b5cd5, #6ea8ff));
    --_focus-ring: var(--link-account-picker-focus-ring, 0 0 0 3px light-dark(rgb(11 92 213 / 0.35), rgb(110 168 255 / 0.45)));
    --_active: var(--link-account-picker-active-background, light-dark(#e8f0fd, #23344f));
    --_highlight: var(--link-account-picker-highlight-background, light-dark(#fff1a8, #5c4d00));
    --_linkable: var(--link-account-picker-linkable-color, light-dark(#147a3d, #4cc37a));
    --_pending: var(--link-account-picker-pending-color, light-dark(#945c00, #f0b43c));
    --_blocked: var(--link-account-picker-blocked-color, light-dark(#b42318, #ff7b72));
    --_linked: var(--link-account-picker-linked-color, light-dark(#5b47c4, #a898ff));
    --_error: var(--link-account-picker-error-color, light-dark(#b42318, #ff7b72));
    --_shadow: var(--link-account-picker-popup-shadow, 0 12px 32px rgb(15 23 42 / 0.18), 0 2px 6px rgb(15 23 42 / 0.12));
    /* Half the viewport at most (never under 8rem): at 400 % zoom the search box stays on screen. */
    --_popup-max-height: var(--link-account-picker-popup-max-height, min(26rem, max(8rem, 50dvh)));
    --_z-index: var(--link-account-picker-z-index, 1000);

    display: block;
    position: relative;
    box-sizing: border-box;
    min-width: 0;
    max-width: 100%;
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.4;
    text-align: start;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    font-weight: 400;
    font-style: normal;
  }

  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .label {
    display: block;
    margin-block-end: calc(var(--_spacing) * 0.5);
    font-weight: 600;
    color: var(--link-account-picker-label-color, inherit);
  }

  /* The box and the popup that hangs from it. */
  .field {
    position: relative;
  }

  .control {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_spacing) * 0.5);
    min-height: 2.5rem;
    padding: calc(var(--_spacing) * 0.375) var(--_spacing);
    background: var(--_background);
    color: var(--_color);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: text;
    transition: border-color 120ms, box-shadow 120ms;
  }

  .control:focus-within {
    border-color: var(--_accent);
    box-shadow: var(--_focus-ring);
  }

  .help-text,
  .validation-message {
    margin-block-start: calc(var(--_spacing) * 0.5);
    font-size: 0.875em;
  }

  .help-text {
    color: var(--_muted);
  }

  .validation-message {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_spacing) * 0.5);
    color: var(--_error);
    font-weight: 600;
  }

  .validation-message .status-icon {
    width: 1.125rem;
    height: 1.125rem;
  }

  .control.disabled {
    opacity: 0.6;
    cursor: not-allowed;
    background: var(--_surface);
  }

  .search-icon {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    color: var(--_muted);
  }

  .chips {
    display: contents;
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    /* Room for the search icon and the gap beside it, so a long chip never leaves the icon alone on
       its line (1.1em of the box's font is 1.1em / 0.875 of the chip's). */
    max-width: calc(100% - 1.1em / 0.875 - var(--_spacing) * 0.5);
    min-width: 0;
    padding-block: 0.125rem;
    padding-inline: 0.5rem 0.125rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-inline-start: 3px solid var(--_linkable);
    border-radius: calc(var(--_radius) * 0.75);
    font-size: 0.875em;
  }

  .chip.unknown {
    border-inline-start: 3px dashed var(--_muted);
  }

  .chip-text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .chip-number,
  .number {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .chip-remove {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 1.5rem;
    height: 1.5rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    font: inherit;
    cursor: pointer;
  }

  .chip-remove:hover {
    background: var(--_active);
    color: var(--_color);
  }

  .chip-remove:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  .chip-remove:disabled {
    cursor: not-allowed;
  }

  .chip-remove svg {
    width: 0.875rem;
    height: 0.875rem;
  }

  .input {
    flex: 1 1 8rem;
    min-width: 6rem;
    min-height: 1.75rem;
    padding: 0;
    border: 0;
    outline: none;
    background: transparent;
    color: inherit;
    font: inherit;
  }

  .input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  /* The browser gives a disabled input the arrow cursor, not the disabled box's one. */
  .input:disabled {
    cursor: not-allowed;
  }

  .spinner {
    flex: none;
    width: 1rem;
    height: 1rem;
    border: 2px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: spin 700ms linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
`;
