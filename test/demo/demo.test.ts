/**
 * The training demo as a trainer uses it: the real page (index.html) in an iframe, its own mock
 * worker, the real element. Each story account must show the situation the training guide promises.
 * Written against the contract's hooks only: role=combobox in the open shadow root, options with
 * data-account-id and data-eligibility.
 */
import { expect } from '@open-wc/testing';
import { STORY_ACCOUNTS, type StoryAccount } from '../../mocks/data.js';
import { needsFrameClicks } from '../support/engine.js';
import { clickOn, options, type Picker, typeText } from '../support/picker.js';
import { until } from '../support/wait.js';

let frame: HTMLIFrameElement;
let doc: Document;

/** The demo page's picker (an element of the iframe's own registry). */
function picker(): Picker {
  return doc.querySelector('link-account-picker') as Picker;
}

function optionFor(id: string): HTMLElement | undefined {
  return options(picker()).find((o) => o.dataset.accountId === id);
}

async function type(text: string): Promise<void> {
  // A freshly mounted picker (after switching user) renders its shadow root a moment later.
  await until(() => picker()?.shadowRoot?.querySelector('[role="combobox"]'), 'the picker rendered');
  typeText(picker(), text);
}

/** Searches and waits for the account's row, so a stale row from an earlier search can't pass. */
async function search(story: StoryAccount): Promise<HTMLElement> {
  await type(story.searchFor);
  await until(() => optionFor(story.id), `a row for ${story.name}`);
  return optionFor(story.id)!;
}

function choose(selector: string, value: string): void {
  const select = doc.querySelector<HTMLSelectElement>(selector)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('training demo (index.html)', function () {
  this.timeout(20000);

  before(async function () {
    // The demo page loads the whole mock data set and its modules through the test server's on-the-fly
    // TypeScript transform: on a loaded 2-core machine that once took more than 15 s.
    this.timeout(45000);
    // A fresh training session: no scenario or user left over from another run.
    sessionStorage.clear();
    frame = document.createElement('iframe');
    frame.style.width = '1200px';
    frame.style.height = '900px';
    frame.src = '/index.html';
    document.body.append(frame);
    await until(() => frame.contentDocument?.documentElement?.dataset.demoReady === 'true', 'the demo started', 40000);
    doc = frame.contentDocument!;
    choose('#latency', 'none');
  });

  after(() => {
    frame.remove();
    sessionStorage.clear();
  });

  it('edits Dana Whitfield on Northwind, with the picker in the form as a host embeds it', () => {
    expect(doc.querySelector<HTMLInputElement>('#user-email')!.value).to.equal('dana.whitfield@cedarridgedental.example');
    const element = picker();
    expect(element.closest('form')).to.equal(doc.querySelector('#user-form'));
    expect(element.getAttribute('endpoint')).to.equal('/api/accounts/search');
    expect(element.getAttribute('site')).to.equal('northwind');
    expect(element.getAttribute('user')).to.equal('usr-1001');
    expect(element.getAttribute('name')).to.equal('accountIds');
    expect(element.hasAttribute('multiple')).to.equal(true);
  });

  for (const story of Object.values(STORY_ACCOUNTS)) {
    it(`shows ${story.name} as ${story.expected}`, async () => {
      const option = await search(story);
      expect(option.dataset.eligibility).to.equal(story.expected);
      expect(option.getAttribute('aria-disabled')).to.equal(story.expected === 'linkable' ? 'false' : 'true');
    });
  }

  it('turns the pending account linkable after the trainer moves the clock 15 minutes', async () => {
    const pending = STORY_ACCOUNTS.pendingSync;
    expect((await search(pending)).dataset.eligibility).to.equal('pending-sync');
    doc.querySelector<HTMLButtonElement>('#clock-plus-15')!.click();
    await type(`${pending.searchFor} `);
    await until(() => optionFor(pending.id)?.dataset.eligibility === 'linkable', 'linkable after +15 min');
    // The broken one stays broken: no amount of waiting syncs it.
    expect((await search(STORY_ACCOUNTS.syncOverdue)).dataset.eligibility).to.equal('sync-overdue');
    doc.querySelector<HTMLButtonElement>('#clock-reset')!.click();
  });

  needsFrameClicks.it('adds a picked account to what the form submits and logs the events a host receives', async () => {
    const option = await search(STORY_ACCOUNTS.linkable);
    await clickOn(option);
    await until(() => doc.querySelector('#form-data')!.textContent!.includes(`accountIds=${STORY_ACCOUNTS.linkable.id}`), 'the id in FormData');
    const logged = [...doc.querySelectorAll<HTMLElement>('#event-log [data-event]')].map((e) => e.dataset.event);
    expect(logged).to.include.members(['search-complete', 'account-select', 'change']);
  });

  // In WebKit the click would not arrive, and the test would pass without proving anything.
  needsFrameClicks.it('never selects an account that cannot be linked', async () => {
    const before = picker().value;
    await clickOn(await search(STORY_ACCOUNTS.labelMismatch));
    expect(picker().value).to.deep.equal(before);
  });

  // Keeps the account the mouse picked two tests above.
  needsFrameClicks.it('shows a failure chosen in the training panel as a search error, keeping the selection', async () => {
    const selected = picker().value;
    expect(selected).to.include(STORY_ACCOUNTS.linkable.id);
    choose('#failure', 'service-unavailable');
    await type('granite falls');
    await until(() => doc.querySelector('#event-log [data-event="search-error"]'), 'a search-error logged');
    expect(doc.querySelector('#event-log [data-event="search-error"]')!.textContent).to.contain('503');
    expect(picker().value).to.deep.equal(selected);
    choose('#failure', 'none');
  });

  it('switches the user being edited: another site, nothing selected', async () => {
    choose('#demo-user', 'usr-1002');
    expect(picker().getAttribute('site')).to.equal('summit');
    expect(picker().value).to.deep.equal([]);
    // On Summit the same story accounts read differently.
    expect((await search(STORY_ACCOUNTS.labelMismatch)).dataset.eligibility).to.equal('already-linked');
    expect((await search(STORY_ACCOUNTS.unlabeled)).dataset.eligibility).to.equal('label-mismatch');
  });
});
