/**
 * What the polite live region says over time, recorded from the first keystroke to the settled state:
 * one summary per settled search, never a message per keystroke, feedback when Enter can't link, and
 * a Retry-After wait said in words (once), while the visible text counts down with the button.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { accounts, body, contract } from '../support/data.js';
import { recordLiveRegion } from '../support/live-region.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { activeOption, clickOn, combobox, options, shadow, squash, typeAndSettle } from '../support/picker.js';
import { until } from '../support/wait.js';

const meadowlark = {
  id: 'a-meadowlark',
  number: 'MDW000001',
  name: 'Meadowlark Farms',
  portalSyncedAt: new Date(Date.now() - 86_400_000).toISOString(),
  contracts: [contract({ id: 'c-meadow' })],
};

async function picker(debounce = 250): Promise<LinkAccountPicker> {
  const el = await fixture<LinkAccountPicker>(
    html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts to link" debounce=${debounce}></link-account-picker>`,
  );
  await el.updateComplete;
  return el;
}

/** Types one key at a time, each a separate keystroke, as a person does. */
async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({ press: key });
}

describe('a11y: live region', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  describe('defect 3: quiet while typing, one summary when the search settles', () => {
    it('typing "Meadowlark" announces the one result summary and nothing per keystroke', async () => {
      worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([meadowlark]))));
      const el = await picker();
      await clickOn(combobox(el));
      await el.updateComplete;
      const live = recordLiveRegion(el);
      await typeKeys('Meadowlark');
      await until(() => live.texts.some((text) => /match/.test(text)), 'the summary is announced');
      await el.updateComplete;
      const said = live.stop();
      expect(said).to.have.length(1, `said: ${JSON.stringify(said)}`);
      expect(said[0]).to.match(/^1 account matches “Meadowlark” on Northwind Finance\./);
    });

    it('a search slower than a second says "Searching…" once, then the summary', async () => {
      worker.use(
        http.get(ENDPOINT, async () => {
          await delay(2500);
          return HttpResponse.json(body([meadowlark]));
        }),
      );
      const el = await picker();
      await clickOn(combobox(el));
      await el.updateComplete;
      const live = recordLiveRegion(el);
      await typeKeys('Meadowlark');
      await until(() => live.texts.some((text) => /match/.test(text)), 'the summary is announced', 8000);
      const said = live.stop();
      expect(said).to.have.length(2, `said: ${JSON.stringify(said)}`);
      expect(said[0]).to.equal('Searching for “Meadowlark”…');
      expect(said[1]).to.match(/^1 account matches “Meadowlark”/);
    });
  });

  describe('defect 14: Enter on an account that cannot be linked says why', () => {
    it('the live region says the account cannot be linked, and why', async () => {
      worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([accounts.linkable, accounts.label]))));
      const el = await picker(20);
      await typeAndSettle(el, 'acme', 2);
      while (activeOption(el)?.dataset.accountId !== accounts.label.id) await sendKeys({ press: 'ArrowDown' });
      const reason = squash(activeOption(el)!.closest('.row')!.querySelector('[part~="reason"]')!.textContent ?? '');
      const live = recordLiveRegion(el);
      await sendKeys({ press: 'Enter' });
      await until(
        () => live.texts.some((text) => text.includes(accounts.label.name) && /can.t be linked/i.test(text) && text.includes(reason)),
        `no feedback; said: ${JSON.stringify(live.texts)}`,
      );
      expect(el.value).to.deep.equal([]);
      expect(options(el).length).to.equal(2);
    });
  });

  describe('defect 16: a Retry-After wait says "waiting" and counts down in the text and the button', () => {
    it('while the wait runs, the status says waiting, never "Searching for", and its seconds follow the button', async function () {
      // A 3-second wait, on a machine that may be busy with other test pages.
      this.timeout(25_000);
      // Limited until the test has seen the wait: a search for a prefix typed on the way may be the
      // first to get the 429, or be superseded before its answer is shown.
      let limited = true;
      worker.use(
        http.get(ENDPOINT, () =>
          limited
            ? new HttpResponse(null, { status: 429, headers: { 'Retry-After': '3' } })
            : HttpResponse.json(body([accounts.linkable])),
        ),
      );
      const el = await picker(20);
      await clickOn(combobox(el));
      const live = recordLiveRegion(el);
      await typeKeys('acme');
      await until(() => shadow(el).querySelector('[part~="retry"]'), 'the 429 is shown', 8000);
      limited = false;

      // The visible status line and its button, at every change until the results arrive.
      const frames: { status: string; button: string }[] = [];
      const popup = shadow(el).querySelector('[part~="popup"]')!;
      const take = () => {
        const button = shadow(el).querySelector('[part~="retry"]');
        if (!button) return;
        const status = squash(shadow(el).querySelector('[part~="status"]')?.textContent ?? '').replace(squash(button.textContent ?? ''), '');
        const frame = { status, button: squash(button.textContent ?? '') };
        const last = frames[frames.length - 1];
        if (!last || last.status !== frame.status || last.button !== frame.button) frames.push(frame);
      };
      take();
      const observer = new MutationObserver(take);
      observer.observe(popup, { subtree: true, childList: true, characterData: true });
      // A new query typed during the wait is held until the wait is over.
      await sendKeys({ press: 'x' });
      await until(() => options(el).length === 1, 'the held search runs after the wait', 8000);
      observer.disconnect();
      const said = live.stop();

      const seconds = (text: string) => (/(\d+)\s*(?:s\b|sec)/.exec(text) ?? [])[1];
      // The frames of the wait: the button counts down.
      const waiting = frames.filter((frame) => seconds(frame.button) !== undefined);
      expect(waiting.length, `the button counts down: ${JSON.stringify(frames)}`).to.be.greaterThan(1);
      for (const frame of waiting) {
        expect(frame.status, 'the status says it is waiting').to.match(/wait/i);
        expect(frame.status).to.not.match(/Searching for/);
        expect(seconds(frame.status), `text and button agree: ${JSON.stringify(frame)}`).to.equal(seconds(frame.button));
      }
      const counted = new Set(waiting.map((frame) => seconds(frame.status)));
      expect(counted.size, `the text counts down: ${JSON.stringify(frames)}`).to.be.greaterThan(1);

      const afterError = said.slice(said.findIndex((text) => /429|too many/i.test(text)));
      expect(afterError.some((text) => /Searching for/.test(text)), `said: ${JSON.stringify(said)}`).to.equal(false);
      expect(afterError.some((text) => /wait/i.test(text)), `said: ${JSON.stringify(said)}`).to.equal(true);
      // Said once and then the result, not a message per tick.
      expect(afterError.length, `said: ${JSON.stringify(said)}`).to.be.at.most(3);
      expect(afterError[afterError.length - 1]).to.match(/1 account matches “acmex”/);
    });
  });
});
