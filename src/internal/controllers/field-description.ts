/**
 * What describes the search box to assistive technology, and when the picker shows itself invalid.
 *
 * The combobox's description is, in order: the validation message (once shown), the help text (the
 * `help-text` attribute or slot), the elements the host's own `aria-describedby` names, and the
 * min-characters hint. The host's elements live outside the shadow root, where an id reference can't
 * reach; element references can (`ariaDescribedByElements` may point into an ancestor tree), so the
 * whole description is set that way.
 *
 * The invalid state shows once the form has asked (a failed submit, `reportValidity()`,
 * `checkValidity()`: each fires `invalid` on the element) and lasts while the picker is invalid; a
 * form reset forgets it. Showing it from the first render would greet the admin with an error.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type DescribedElement = HTMLElement & { ariaDescribedByElements: Element[] | null };

export interface FieldHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly validity: ValidityState;
}

export class FieldDescriptionController implements ReactiveController {
  readonly #host: FieldHost;
  /** The form asked for validity and the picker failed it, since the last reset. */
  #reported = false;
  /** Whether elements are assigned to the `help-text` slot. */
  #slotted = false;

  constructor(host: FieldHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whether the invalid state shows (`aria-invalid`, the message under the box). */
  get invalidShown(): boolean {
    return this.#reported && !this.#host.validity.valid;
  }

  /** Whether the help-text slot holds something. */
  get slotted(): boolean {
    return this.#slotted;
  }

  /** The form was reset: the admin starts over, without an error shown. */
  reset(): void {
    this.#reported = false;
    this.#host.requestUpdate();
  }

  readonly handleSlotChange = (event: Event): void => {
    const slotted = (event.target as HTMLSlotElement).assignedNodes({ flatten: false }).some((node) => (node.textContent ?? '').trim() !== '');
    if (slotted === this.#slotted) return;
    this.#slotted = slotted;
    this.#host.requestUpdate();
  };

  hostConnected(): void {
    this.#host.addEventListener('invalid', this.#onInvalid);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('invalid', this.#onInvalid);
  }

  hostUpdated(): void {
    const root = this.#host.renderRoot;
    const box = root.querySelector<DescribedElement>('#input');
    if (!box) return;
    const own = (id: string) => root.querySelector<HTMLElement>(`#${id}`);
    const help = own('help-text');
    const described = [
      this.invalidShown ? own('validation-message') : null,
      help && !help.hidden ? help : null,
      ...this.#hostDescribedBy(),
      own('hint'),
    ].filter((node): node is HTMLElement => node !== null);
    const current = box.ariaDescribedByElements ?? [];
    if (current.length !== described.length || current.some((node, i) => node !== described[i])) {
      box.ariaDescribedByElements = described;
    }
  }

  readonly #onInvalid = (): void => {
    this.#reported = true;
    this.#host.requestUpdate();
  };

  /** The elements the host's `aria-describedby` names, in the host's own document or shadow root. */
  #hostDescribedBy(): HTMLElement[] {
    const ids = (this.#host.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (ids.length === 0) return [];
    const scope = this.#host.getRootNode() as Document | ShadowRoot;
    return ids.map((id) => scope.getElementById(id)).filter((node): node is HTMLElement => node !== null);
  }
}
