import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { msg, str } from '@lit/localize';
import type { Account } from '../../rules/types.js';
import { AccountDeselectEvent, AccountSelectEvent, changeEvent, type AccountResult } from '../events.js';
import { isOne } from '../explain.js';
import { currentLocale } from '../localization.js';

/** The part of `ElementInternals` the selection writes to. */
export type FormTarget = Pick<ElementInternals, 'setFormValue' | 'setValidity'>;

export interface SelectionOptions {
  multiple(): boolean;
  /** The form field name; nothing is submitted without one. */
  name(): string;
  required(): boolean;
  disabled(): boolean;
  /** An account the current results describe, by id. */
  lookup(id: string): AccountResult | undefined;
  /** Where the browser shows the validation message. */
  anchor(): HTMLElement | undefined;
}

/**
 * The selected ids and what the picker knows about them; select, deselect and toggle fire the events
 * they are named after, then `change`; each says once, in the live region, what it did. The form value
 * and validity are written when they change, not on every render.
 */
export class SelectionController implements ReactiveController {
  /** What the last pick or removal did, said once in the live region until the next change. */
  notice = '';

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #form: FormTarget;
  readonly #options: SelectionOptions;
  #ids: string[] = [];
  /** Accounts known for ids that were selected: picked, or seen in results (kept if the host re-selects them). */
  readonly #known = new Map<string, AccountResult>();
  /** What was last written to the form, to write only changes. */
  #written = '';

  constructor(host: ReactiveControllerHost & EventTarget, form: FormTarget, options: SelectionOptions) {
    this.#host = host;
    this.#form = form;
    this.#options = options;
    host.addController(this);
  }

  /** The selected ids: at most one unless multiple. */
  get ids(): readonly string[] {
    return this.#options.multiple() ? this.#ids : this.#ids.slice(0, 1);
  }

  /** All ids held, also the ones past the first while `multiple` is not (yet) set. */
  get held(): readonly string[] {
    return this.#ids;
  }

  /** Sets the ids as a host does: no events. Kept whole until the next update (a framework may set `multiple` next). */
  set(ids: unknown): void {
    const list = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string' && id !== '') : [];
    this.#ids = [...new Set(list)];
  }

  has(id: string): boolean {
    return this.#ids.includes(id);
  }

  /** What is known about a selected id: picked, or in the current results. */
  entry(id: string): AccountResult | undefined {
    return this.#known.get(id) ?? this.#options.lookup(id);
  }

  /** A selected account, or a stand-in with its id for one no search has described. */
  account(id: string): Account {
    return this.entry(id)?.account ?? { id, name: id, contracts: [] };
  }

  /** Remembers the selected accounts a search returned. */
  learn(results: readonly AccountResult[]): void {
    if (this.#ids.length === 0) return;
    for (const result of results) if (this.has(result.account.id)) this.#known.set(result.account.id, result);
  }

  /** Picks a linkable account: replaces the selection unless multiple. Returns whether it did. */
  select(result: AccountResult): boolean {
    const { account, eligibility } = result;
    if (this.#options.disabled() || this.has(account.id) || !eligibility.linkable) return false;
    const multiple = this.#options.multiple();
    const replaced = multiple ? [] : [...this.#ids];
    this.#known.set(account.id, result);
    this.#ids = multiple ? [...this.#ids, account.id] : [account.id];
    this.#changed();
    for (const id of replaced) this.#host.dispatchEvent(new AccountDeselectEvent({ account: this.account(id) }));
    this.#host.dispatchEvent(new AccountSelectEvent({ account, eligibility }));
    this.#host.dispatchEvent(changeEvent());
    this.notice = this.#countText(msg(str`${account.name} selected.`));
    return true;
  }

  /** Removes a selected account. Returns whether it did. */
  deselect(id: string): boolean {
    if (this.#options.disabled() || !this.has(id)) return false;
    const account = this.account(id);
    this.#ids = this.#ids.filter((selected) => selected !== id);
    this.#changed();
    this.#host.dispatchEvent(new AccountDeselectEvent({ account }));
    this.#host.dispatchEvent(changeEvent());
    this.notice = this.#countText(msg(str`${account.name} removed.`));
    return true;
  }

  /** A pick of a selected account removes it when multiple; returns 'selected', 'deselected' or 'none'. */
  toggle(result: AccountResult): 'selected' | 'deselected' | 'none' {
    if (this.has(result.account.id)) {
      return this.#options.multiple() && this.deselect(result.account.id) ? 'deselected' : 'none';
    }
    return this.select(result) ? 'selected' : 'none';
  }

  hostUpdate(): void {
    // Without multiple only the first id is kept, once the host's properties have all been set.
    if (!this.#options.multiple() && this.#ids.length > 1) this.#ids = this.#ids.slice(0, 1);
  }

  hostUpdated(): void {
    this.writeForm();
  }

  /** Writes the form value and validity, when something they depend on changed. */
  writeForm(): void {
    const disabled = this.#options.disabled();
    const name = this.#options.name();
    const required = this.#options.required() && this.#ids.length === 0;
    const message = required ? (this.#options.multiple() ? msg('Select at least one account.') : msg('Select an account.')) : '';
    const anchor = this.#options.anchor();
    const key = JSON.stringify([this.#ids, disabled, name, message, !!anchor]);
    if (key === this.#written) return;
    this.#written = key;
    const ids = disabled ? [] : this.#ids;
    if (name && ids.length > 0) {
      const data = new FormData();
      for (const id of ids) data.append(name, id);
      this.#form.setFormValue(data, JSON.stringify(this.#ids));
    } else {
      this.#form.setFormValue(null, JSON.stringify(this.#ids));
    }
    if (required) this.#form.setValidity({ valueMissing: true }, message, anchor);
    else this.#form.setValidity({});
  }

  #changed(): void {
    this.#host.requestUpdate();
    // Now, not at the next render: a host's change listener reads FormData and validity at once.
    this.writeForm();
  }

  /** "Acme selected. 2 accounts selected." */
  #countText(what: string): string {
    if (!this.#options.multiple()) return what;
    const n = this.#ids.length;
    return `${what} ${isOne(n, currentLocale()) ? msg('1 account selected.') : msg(str`${n} accounts selected.`)}`;
  }
}
