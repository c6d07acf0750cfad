/**
 * The host page's side of the demo: the user being edited, the picker inside the form, and what the
 * form would submit. Written the way an admin portal would embed the element, attributes and all.
 */
import { DEFAULT_SEED, DEMO_USERS, MOCK_SITES, type DemoUser } from '../mocks/data.js';
import { datasetFor } from '../mocks/handlers.js';
import { scenario } from '../mocks/scenario.js';

const USER_KEY = 'link-account-picker:demo-user';

/** The part of the element's API (CONTRACT.md §4) the demo uses. */
interface PickerElement extends HTMLElement {
  value: string[];
  fetchInit?: RequestInit;
}

export interface PickerHost {
  readonly user: DemoUser;
  readonly picker: PickerElement | null;
  /** Switches to editing another user: a new site, a new form, nothing selected. */
  setUser(id: string): void;
  /**
   * Makes the picker forget its cached answers, so a scenario change (a failure, a clock jump) shows
   * on the next search instead of a 30-second-old answer.
   */
  refresh(): void;
  /** Subscribes to "the form's data may have changed". */
  onFormDataChange(listener: (entries: [string, string][]) => void): void;
}

export interface PickerHostOptions {
  elementReady: boolean;
  /** Where the picker searches: the mock server's URL, a real endpoint, or none (an invalid choice). */
  endpoint?: string;
}

export function createPickerHost(form: HTMLFormElement, options: PickerHostOptions): PickerHost {
  const slot = form.querySelector<HTMLElement>('#picker-slot')!;
  const formData = document.querySelector<HTMLElement>('#form-data')!;
  const status = form.querySelector<HTMLElement>('#form-status')!;
  const listeners: ((entries: [string, string][]) => void)[] = [];
  let user: DemoUser = DEMO_USERS.find((u) => u.id === sessionStorage.getItem(USER_KEY)) ?? DEMO_USERS[0];
  let picker: PickerElement | null = null;
  let refreshes = 0;

  form.querySelector<HTMLElement>('#picker-missing')!.hidden = options.elementReady;

  function mount(): void {
    picker?.remove();
    const element = document.createElement('link-account-picker') as PickerElement;
    if (options.endpoint !== undefined) element.setAttribute('endpoint', options.endpoint);
    element.setAttribute('site', user.siteId);
    element.setAttribute('user', user.id);
    element.setAttribute('label', 'Accounts');
    element.setAttribute('name', 'accountIds');
    element.setAttribute('placeholder', 'Name, account number or contract number');
    element.setAttribute('aria-describedby', 'picker-intro');
    element.toggleAttribute('multiple', true);
    element.toggleAttribute('required', true);
    element.id = 'account-picker';
    slot.append(element);
    picker = element;
  }

  function showUser(): void {
    const site = MOCK_SITES.find((s) => s.id === user.siteId)!;
    form.querySelector<HTMLInputElement>('#user-email')!.value = user.email;
    form.querySelector<HTMLInputElement>('#user-site')!.value = `${site.name} (${site.id})`;
    form.querySelector<HTMLInputElement>('#user-site-id')!.value = site.id;
    const name = form.querySelector<HTMLInputElement>('#user-name')!;
    name.value = user.displayName.replace(/ \(.*\)$/, '');
    name.defaultValue = name.value;
    document.querySelector('#breadcrumb-user')!.textContent = user.email;

    const list = form.querySelector<HTMLUListElement>('#linked-accounts')!;
    const dataset = datasetFor(DEFAULT_SEED, scenario.get().anchor);
    const linked = [...(dataset.links.get(user.id) ?? [])].map((id) => dataset.byId.get(id)!.account);
    list.replaceChildren(
      ...(linked.length === 0
        ? [item('None yet: this user cannot see any contracts.', 'empty')]
        : linked.map((a) => item(`${a.name} · ${a.number ?? a.id}`))),
    );
  }

  function publishFormData(): void {
    const entries = [...new FormData(form).entries()].map(([k, v]): [string, string] => [k, String(v)]);
    formData.textContent = entries.map(([k, v]) => `${k}=${v}`).join('\n') || '(nothing)';
    for (const listener of listeners) listener(entries);
  }

  // The picker hands its new value to the form before it fires `change`, as native controls do.
  form.addEventListener('change', publishFormData);
  form.addEventListener('reset', () => {
    status.textContent = '';
    // Form-associated elements restore their value in formResetCallback, after the event.
    setTimeout(publishFormData);
  });
  form.addEventListener('submit', (event) => {
    // A training page saves nothing; it shows what a real save would send.
    event.preventDefault();
    const ids = new FormData(form).getAll('accountIds');
    status.textContent = `Saved (demo: nothing was sent). ${ids.length} account${ids.length === 1 ? '' : 's'} would be linked.`;
    publishFormData();
  });

  showUser();
  mount();
  publishFormData();

  return {
    get user() {
      return user;
    },
    get picker() {
      return picker;
    },
    setUser(id) {
      user = DEMO_USERS.find((u) => u.id === id) ?? user;
      sessionStorage.setItem(USER_KEY, user.id);
      status.textContent = '';
      showUser();
      mount();
      publishFormData();
    },
    refresh() {
      // New request options are the picker's signal that cached answers no longer apply (as when a
      // host's credentials change): it clears its cache and re-runs the shown search, keeping the
      // selection and its names. The header also lets a trainer spot the refresh in the network tab.
      if (picker) picker.fetchInit = { headers: { 'X-Training-Scenario': String((refreshes += 1)) } };
    },
    onFormDataChange(listener) {
      listeners.push(listener);
    },
  };
}

function item(text: string, className?: string): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = text;
  if (className) li.className = className;
  return li;
}
