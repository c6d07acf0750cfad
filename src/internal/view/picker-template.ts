/**
 * The element's shadow tree: the label, the box with its chips and the combobox, the popup, and the
 * live region. Its parts (status line, listbox, footer, chips) arrive already rendered.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { icon } from './icons.js';

export interface PickerTemplate {
  label: string;
  placeholder: string;
  text: string;
  disabled: boolean;
  required: boolean;
  open: boolean;
  /** The combobox's aria-expanded: the popup shows options. */
  expanded: boolean;
  activeDescendant: string | undefined;
  /** A search, a further page or a re-check is loading. */
  busy: boolean;
  virtual: boolean;
  chips: TemplateResult | typeof nothing;
  status: TemplateResult;
  notice: TemplateResult | typeof nothing;
  listbox: TemplateResult;
  footer: TemplateResult | typeof nothing;
  /** What the live region says. */
  announcement: string;
  on: {
    focusOut(event: FocusEvent): void;
    controlClick(event: MouseEvent): void;
    input(event: InputEvent): void;
    keyDown(event: KeyboardEvent): void;
    focus(): void;
    popupPointerDown(event: PointerEvent): void;
    scroll(event: Event): void;
  };
}

export function renderPicker(p: PickerTemplate): TemplateResult {
  return html`<div class="base" part="base" @focusout=${p.on.focusOut}>
    ${p.label ? html`<label class="label" part="label" for="input">${p.label}</label>` : nothing}
    <div class="control ${p.disabled ? 'disabled' : ''}" part="control" @click=${p.on.controlClick}>
      ${icon('search', 'search-icon')} ${p.chips}
      <input
        id="input"
        class="input"
        part="input"
        type="text"
        role="combobox"
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        enterkeyhint="search"
        aria-label=${p.label ? nothing : msg('Search accounts')}
        aria-autocomplete="list"
        aria-controls="listbox"
        aria-expanded=${p.expanded ? 'true' : 'false'}
        aria-activedescendant=${p.activeDescendant ?? nothing}
        aria-required=${p.required ? 'true' : nothing}
        aria-busy=${p.busy ? 'true' : nothing}
        placeholder=${p.placeholder || msg('Name or account number')}
        .value=${p.text}
        ?disabled=${p.disabled}
        @input=${p.on.input}
        @keydown=${p.on.keyDown}
        @focus=${p.on.focus}
      />
      ${p.busy && !p.open ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : nothing}
    </div>
    <div class="popup" part="popup" ?hidden=${!p.open} @pointerdown=${p.on.popupPointerDown}>
      <div class="scroller ${p.virtual ? 'virtual' : ''}" @scroll=${p.on.scroll}>${p.status} ${p.notice} ${p.listbox}</div>
      ${p.footer}
    </div>
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${p.announcement}</div>
  </div>`;
}
