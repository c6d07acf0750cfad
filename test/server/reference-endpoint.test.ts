/**
 * The real element against the reference endpoint (createSearchHandler + the Postgres data layer on
 * PGlite, seeded with the demo's dataset), with no MSW in the page: real keystrokes, real HTTP, real
 * SQL. The endpoint runs in the test runner (test/server/reference-endpoint-plugin.js), behind the
 * test server's own origin.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { STORY_ACCOUNTS } from '../../mocks/data.js';
import '../../src/link-account-picker.js';
import type { SearchErrorInfo } from '../../src/link-account-picker.js';
import { button, clickOn, options, shadow, typeInBox, type Picker } from '../support/picker.js';
import { nextEvent, until } from '../support/wait.js';

const ENDPOINT = '/reference-endpoint/api/accounts/search';

async function mountPicker(limit = 25): Promise<Picker> {
  return fixture<Picker>(html`<link-account-picker
    endpoint=${ENDPOINT}
    site="northwind"
    user="usr-1001"
    label="Accounts"
    limit=${limit}
    debounce="0"
  ></link-account-picker>`);
}

function eligibilityOf(el: Picker, id: string): string | undefined {
  return options(el).find((o) => o.dataset.accountId === id)?.dataset.eligibility;
}

async function clearAndType(el: Picker, text: string): Promise<void> {
  const box = shadow(el).querySelector<HTMLInputElement>('[role="combobox"]')!;
  box.select();
  await typeInBox(el, text);
}

describe('<link-account-picker> against the reference endpoint (Postgres on PGlite, no MSW)', function () {
  this.timeout(30000);

  before(async function () {
    // The first request starts PGlite and seeds it: seconds, tens of them on a loaded machine.
    this.timeout(150000);
    const warm = await fetch(`${ENDPOINT}?q=harbor&site=northwind`);
    expect(warm.status).to.equal(200);
    // Answered by the reference endpoint, not a mock: this page never starts MSW (a worker another test
    // file of the run registered may control it, but passes through what its page never asked to mock).
    expect(warm.headers.get('x-reference-endpoint'), 'answered by the reference endpoint').to.match(/^http:\/\/127\.0\.0\.1:\d+\//);
  });

  it('shows each story account with the verdict its facts in the database give', async () => {
    const el = await mountPicker();
    const stories = [
      STORY_ACCOUNTS.linkable, STORY_ACCOUNTS.alreadyLinked, STORY_ACCOUNTS.terminatedOnly, STORY_ACCOUNTS.otherRolesOnly,
      STORY_ACCOUNTS.labelMismatch, STORY_ACCOUNTS.pendingSync, STORY_ACCOUNTS.syncOverdue, STORY_ACCOUNTS.accentedName,
    ];
    for (const story of stories) {
      await clearAndType(el, story.searchFor);
      await until(() => eligibilityOf(el, story.id), `${story.name} shown for "${story.searchFor}"`, 10000);
      expect(eligibilityOf(el, story.id), story.name).to.equal(story.expected);
    }
  });

  it('finds an accented name typed without accents, and a number typed without punctuation', async () => {
    const el = await mountPicker();
    await clearAndType(el, 'societe lumiere');
    await until(() => eligibilityOf(el, STORY_ACCOUNTS.accentedName.id), 'Société Lumière found');
    await clearAndType(el, 'hpl-100245');
    await until(() => options(el)[0]?.dataset.accountId === STORY_ACCOUNTS.linkable.id, 'the exact number first');
  });

  it('loads more pages through the endpoint\'s cursors, each account once', async () => {
    const el = await mountPicker(5);
    await typeInBox(el, 'an');
    await until(() => options(el).length === 5 && button(el, 'load-more'), 'the first page of 5, with Load more');
    const complete = nextEvent(el, 'search-complete');
    await clickOn(button(el, 'load-more')!);
    const { detail } = await complete;
    expect(detail.results.length).to.equal(10);
    await until(() => options(el).length === 10, 'the second page shown');
    const ids = options(el).map((o) => o.dataset.accountId);
    expect(new Set(ids).size, 'no account twice').to.equal(ids.length);
    for (const o of options(el)) expect(o.dataset.eligibility).to.be.oneOf(['linkable', 'already-linked', 'no-active-contract', 'label-mismatch', 'pending-sync', 'sync-overdue']);
  });

  it('shows the endpoint\'s 400 for a forged cursor as the picker\'s error, keeping the first page', async () => {
    const el = await mountPicker(5);
    await typeInBox(el, 'an');
    await until(() => options(el).length === 5 && button(el, 'load-more'), 'the first page of 5');
    // The next request's cursor is tampered with on its way out; the endpoint must refuse it.
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const cursor = url.searchParams.get('cursor');
      if (cursor) url.searchParams.set('cursor', `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`);
      return realFetch(url, init);
    };
    try {
      const failed = nextEvent(el, 'search-error');
      await clickOn(button(el, 'load-more')!);
      const { error } = (await failed).detail as { error: SearchErrorInfo };
      expect(error).to.include({ kind: 'http', status: 400 });
      await until(() => shadow(el).querySelector('[part~="footer"]')?.textContent?.includes(error.message), 'the error under the results');
      expect(options(el).length, 'the first page stays').to.equal(5);
    } finally {
      window.fetch = realFetch;
    }
  });
});
