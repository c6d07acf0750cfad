import { LitElement, type PropertyDeclarations } from 'lit';

/**
 * What makes the picker a form control like a native one: `ElementInternals`, the `disabled`,
 * `required` and `name` attributes, the `form`/validity getters and methods, and the callbacks a form
 * or a fieldset calls. Material Web keeps the same in its form-associated mixin: the picker class then
 * holds only what its value means.
 */
export abstract class FormAssociatedElement extends LitElement {
  /** Takes part in forms: the selected ids are submitted under `name`. */
  static formAssociated = true;

  // Declared here rather than with decorators: the decorator helper each build would otherwise carry
  // costs more bytes than this object (and the drop-in then needs no lit/decorators.js).
  static override properties: PropertyDeclarations = {
    formDisabled: { state: true },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    name: {},
  };

  protected readonly internals: ElementInternals = this.attachInternals();

  /** Disabled by an ancestor `<fieldset disabled>`. */
  protected formDisabled = false;

  /** Disables the search box and the chips; a disabled picker submits nothing. */
  disabled = false;

  /** Makes the form invalid while nothing is selected. */
  required = false;

  /** Form field name: each selected id is submitted under it. */
  name = '';

  /** Disabled by its own attribute or by an ancestor `<fieldset disabled>`. */
  protected get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** The form this picker belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The picker's validity state, as for a native control. */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message the browser shows when the picker is invalid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the form validates this picker. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Follows an ancestor `<fieldset disabled>`. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    // Also called while Lit reflects our own `disabled` attribute, after render() has run: a change
    // made then would be dropped, so render again once that update is over.
    queueMicrotask(() => this.requestUpdate());
  }

  /** Restores the selection after a back/forward navigation or autofill. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const ids: unknown = JSON.parse(state);
      if (Array.isArray(ids)) this.restoreState(ids);
    } catch {
      // Not a state this picker wrote: keep the current value.
    }
  }

  /** Whether the picker has a valid selection; fires `invalid` when not, like a native control. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Like `checkValidity()`, and shows the browser's message at the search box. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Takes back a state the picker wrote with `setFormValue` (a list, still unchecked). */
  protected abstract restoreState(state: unknown[]): void;
}
