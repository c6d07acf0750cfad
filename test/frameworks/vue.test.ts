/**
 * Vue 3 with `compilerOptions.isCustomElement`: bound values become properties when the element has
 * them, `.prop` forces a property, `@event-name` listens. This is what docs/frameworks.md promises.
 * (The test server maps 'vue' to its browser build, which compiles templates at runtime.)
 */
import { expect } from '@open-wc/testing';
import { createApp, h, nextTick, ref, type App } from 'vue';
import '../../src/link-account-picker.js';
import type { AccountSelectEvent, LinkAccountPicker, SearchCompleteEvent } from '../../src/link-account-picker.js';
import { recordingSearch } from '../support/data.js';
import { clickOn, option, searchFor } from '../support/picker.js';
import { until } from '../support/wait.js';

describe('<link-account-picker> in Vue 3', () => {
  let container: HTMLElement;
  let app: App | undefined;
  let warnings: unknown[][];
  const originalWarn = console.warn;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });

  afterEach(() => {
    console.warn = originalWarn;
    app?.unmount();
    app = undefined;
    container.remove();
  });

  function picker(): LinkAccountPicker {
    return container.querySelector('link-account-picker')!;
  }

  it('binds properties and events from a template', async () => {
    const { search, requests } = recordingSearch();
    const fetchInit: RequestInit = { credentials: 'include' };
    const ids = ref<string[]>(['acc-preset']);
    const selected: AccountSelectEvent[] = [];
    const completed: SearchCompleteEvent[] = [];
    const changes: string[][] = [];

    app = createApp({
      template: `<link-account-picker
        site="northwind"
        label="Accounts to link"
        multiple
        :debounce="0"
        :value="ids"
        .fetchInit="fetchInit"
        :searchAccounts="search"
        @account-select="selected.push($event)"
        @search-complete="completed.push($event)"
        @change="onChange"
      ></link-account-picker>`,
      setup: () => ({
        ids,
        fetchInit,
        search,
        selected,
        completed,
        onChange(event: Event) {
          ids.value = [...(event.target as LinkAccountPicker).value];
          changes.push(ids.value);
        },
      }),
    });
    app.config.compilerOptions.isCustomElement = (tag) => tag === 'link-account-picker';
    app.mount(container);
    const el = picker();

    expect(el.site).to.equal('northwind');
    expect(el.multiple).to.equal(true);
    expect(el.debounce).to.equal(0);
    expect(el.fetchInit).to.equal(fetchInit);
    expect(el.searchAccounts).to.equal(search);
    expect(el.value).to.deep.equal(['acc-preset']);

    const rows = await searchFor(el, 'harbor', 3);
    expect(requests.at(-1)).to.include({ query: 'harbor', site: 'northwind' });
    expect(rows.map((r) => r.dataset.eligibility)).to.have.members(['linkable', 'label-mismatch', 'pending-sync']);
    await until(() => completed.length === 1, 'one search-complete');

    await clickOn(option(el, 'acc-pending'));
    expect(selected).to.have.length(0);
    await clickOn(option(el, 'acc-linkable'));
    expect(selected.map((e) => e.detail.account.id)).to.deep.equal(['acc-linkable']);
    expect(changes).to.deep.equal([['acc-preset', 'acc-linkable']]);

    // Vue state flows back in; setting it from the app is not an admin's change.
    ids.value = [];
    await nextTick();
    expect(el.value).to.deep.equal([]);
    expect(changes).to.have.length(1);

    // isCustomElement is set, so Vue never tried to resolve a component by that name.
    expect(warnings.flat().join(' ')).not.to.include('Failed to resolve component');
  });

  it('works from a render function: props become properties, onAccountSelect listens to account-select', async () => {
    const { search } = recordingSearch();
    const selected: string[] = [];
    app = createApp({
      render: () =>
        h('link-account-picker', {
          site: 'northwind',
          debounce: 0,
          searchAccounts: search,
          value: [],
          onAccountSelect: (event: AccountSelectEvent) => selected.push(event.detail.account.id),
        }),
    });
    app.mount(container);
    const el = picker();
    expect(el.searchAccounts).to.equal(search);
    await searchFor(el, 'harbor', 3);
    await clickOn(option(el, 'acc-linkable'));
    expect(selected).to.deep.equal(['acc-linkable']);
    expect(el.value).to.deep.equal(['acc-linkable']);
  });
});
