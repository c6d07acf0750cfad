/**
 * The element's shadow tree: the label, the box with its chips and the combobox, the popup, the help
 * text and validation message under the box, and the live region. Its parts (status line, listbox,
 * footer, chips) arrive already rendered.
 *
 * The popup stays in the shadow tree beside the box (so `aria-controls` and `aria-activedescendant`
 * resolve) but shows in the top layer as a manual popover, placed against the box by the placement
 * controller. Its status line sits above the scrolling list, never over it: a sticky line would cover
 * the active row.
 * `lang` marks the picker's own text with the language it speaks, and the label, the host's
 * placeholder and the help text with the page's: always, since Firefox does not carry the page's
 * `lang` into a shadow root.
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
  /** The language of the picker's own text (undefined when unknown). */
  lang: string | undefined;
  /** The language of the host's text (label, placeholder, help text): the page's, '' when it names none. */
  hostLang: string;
  /** The `help-text` attribute: the slot's fallback content. */
  helpText: string;
  /** Whether the help text (attribute or slot) has anything to show. */
  hasHelp: boolean;
  /** The min-characters hint: always in the combobox's description. */
  hint: string;
  /** The validation message, once the form has reported the picker invalid; '' otherwise. */
  invalidMessage: string;
  on: {
    focusOut(event: FocusEvent): void;
    controlClick(event: MouseEvent): void;
    input(event: InputEvent): void;
    keyDown(event: KeyboardEvent): void;
    focus(): void;
    popupPointerDown(event: PointerEvent): void;
    scroll(event: Event): void;
    helpSlotChange(event: Event): void;
  };
}

export function renderPicker(p: PickerTemplate): TemplateResult {
  return html`<div class="base" part="base" lang=${p.lang ?? nothing} @focusout=${p.on.focusOut}>
    ${p.label ? html`<label class="label" part="label" for="input" lang=${p.hostLang}>${p.label}</label>` : nothing}
    <div class="field">
      <div class="control ${p.disabled ? 'disabled' : ''}" part="control" @click=${p.on.controlClick}>
        ${icon('search', 'search-icon')} ${p.chips}
        <input
          id="input"
          class="input"
          part="input"
          type="text"
          role="combobox"
          lang=${p.placeholder ? p.hostLang : (p.lang ?? nothing)}
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
          aria-invalid=${p.invalidMessage ? 'true' : nothing}
          placeholder=${p.placeholder || msg('Name or account number')}
          .value=${p.text}
          ?disabled=${p.disabled}
          @input=${p.on.input}
          @keydown=${p.on.keyDown}
          @focus=${p.on.focus}
        />
        ${p.busy && !p.open ? html`<span class="spinner" part="spinner" aria-hidden="true"></span>` : nothing}
      </div>
      <div class="popup" part="popup" popover="manual" lang=${p.lang ?? nothing} ?hidden=${!p.open} @pointerdown=${p.on.popupPointerDown}>
        ${p.status} ${p.notice}
        <div class="scroller ${p.virtual ? 'virtual' : ''}" @scroll=${p.on.scroll}>${p.listbox}</div>
        ${p.footer}
      </div>
    </div>
    ${p.invalidMessage
      ? html`<div class="validation-message" part="validation-message" id="validation-message" lang=${p.lang ?? nothing}>
          ${icon('error', 'status-icon')}<span>${p.invalidMessage}</span>
        </div>`
      : nothing}
    <div class="help-text" part="help-text" id="help-text" lang=${p.hostLang} ?hidden=${!p.hasHelp}>
      <slot name="help-text" @slotchange=${p.on.helpSlotChange}>${p.helpText}</slot>
    </div>
    <span id="hint" lang=${p.lang ?? nothing} hidden>${p.hint}</span>
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" lang=${p.lang ?? nothing}>${p.announcement}</div>
  </div>`;
}
