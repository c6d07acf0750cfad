/**
 * React 19 talks to the picker with no wrapper: props become properties (objects and arrays intact),
 * `on<event-name>` props become listeners. This is what docs/frameworks.md promises React users.
 */
import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import '../../src/link-account-picker.js';
import type { AccountSelectEvent, LinkAccountPicker, SearchCompleteEvent } from '../../src/link-account-picker.js';
import { recordingSearch } from '../support/data.js';
import { clickOn, option, searchFor } from '../support/picker.js';
import { until } from '../support/wait.js';

describe('<link-account-picker> in React 19', () => {
  let container: HTMLElement;
  let root: Root;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
  });

  afterEach(() => {
    root.unmount();
    container.remove();
  });

  /** Renders the picker as a host app would: controlled `value`, listeners, object props. */
  function renderPicker(props: Record<string, unknown>): LinkAccountPicker {
    flushSync(() => root.render(createElement('link-account-picker', props)));
    return container.querySelector('link-account-picker')!;
  }

  it('sets attributes-as-properties, object and function properties, and value', () => {
    const fetchInit: RequestInit = { credentials: 'include', headers: { 'X-CSRF-Token': 't0k3n' } };
    const { search } = recordingSearch();
    const el = renderPicker({
      site: 'northwind',
      user: 'u-2041',
      label: 'Accounts to link',
      multiple: true,
      minChars: 3,
      fetchInit,
      searchAccounts: search,
      value: ['acc-1', 'acc-2'],
    });
    expect(el.site).to.equal('northwind');
    expect(el.user).to.equal('u-2041');
    expect(el.label).to.equal('Accounts to link');
    expect(el.multiple).to.equal(true);
    expect(el.minChars).to.equal(3);
    // The very objects, not "[object Object]" attributes.
    expect(el.fetchInit).to.equal(fetchInit);
    expect(el.searchAccounts).to.equal(search);
    expect(el.hasAttribute('fetchinit')).to.equal(false);
    expect(el.value).to.deep.equal(['acc-1', 'acc-2']);
  });

  it('renders results from searchAccounts and sends the host its events', async () => {
    const { search, requests } = recordingSearch();
    const selected: AccountSelectEvent[] = [];
    const completed: SearchCompleteEvent[] = [];
    const changes: string[][] = [];
    const props = {
      site: 'northwind',
      label: 'Accounts to link',
      multiple: true,
      debounce: 0,
      searchAccounts: search,
      value: [] as string[],
      'onaccount-select': (event: AccountSelectEvent) => selected.push(event),
      'onsearch-complete': (event: SearchCompleteEvent) => completed.push(event),
      onChange: (event: Event) => changes.push([...(event.currentTarget as LinkAccountPicker).value]),
    };
    const el = renderPicker(props);

    const rows = await searchFor(el, 'harbor', 3);
    expect(requests.at(-1)).to.include({ query: 'harbor', site: 'northwind' });
    expect(rows.map((r) => r.dataset.eligibility)).to.have.members(['linkable', 'label-mismatch', 'pending-sync']);
    await until(() => completed.length === 1, 'one search-complete');
    expect(completed[0]!.detail.results).to.have.length(3);

    // A row that can't be linked is reachable but never selects.
    await clickOn(option(el, 'acc-label'));
    expect(selected).to.have.length(0);

    await clickOn(option(el, 'acc-linkable'));
    expect(selected).to.have.length(1);
    expect(selected[0]!.detail.account.id).to.equal('acc-linkable');
    expect(selected[0]!.detail.eligibility.code).to.equal('linkable');
    expect(changes).to.deep.equal([['acc-linkable']]);

    // The host owns the state: rendering the new value back keeps the element in sync...
    renderPicker({ ...props, value: changes[0] });
    expect(el.value).to.deep.equal(['acc-linkable']);
    // ...and clearing it from React clears the picker without a change event (only the admin's edits fire).
    renderPicker({ ...props, value: [] });
    expect(el.value).to.deep.equal([]);
    expect(changes).to.have.length(1);
  });

  it('stops listening when React removes a handler or unmounts the picker', async () => {
    const selected: string[] = [];
    const { search } = recordingSearch();
    const base = { site: 'northwind', debounce: 0, searchAccounts: search };
    const el = renderPicker({ ...base, 'onaccount-select': (e: AccountSelectEvent) => selected.push(e.detail.account.id) });
    renderPicker(base);
    await searchFor(el, 'harbor', 3);
    await clickOn(option(el, 'acc-linkable'));
    expect(el.value).to.deep.equal(['acc-linkable']);
    expect(selected).to.deep.equal([]);

    flushSync(() => root.render(null));
    expect(el.isConnected).to.equal(false);
  });
});
