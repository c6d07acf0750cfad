/**
 * Issue #19: in every container of the report the results are seen whole (not clipped, not under
 * anything, inside the window, against the box with its width), stay against the box while the page
 * scrolls, and the keyboard picks from them.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chipIds, control, expectSeenWhole, hosts, openResults, placed, popup, useMockEndpoint, type HostName } from './hosts.js';
import { worker } from '../support/msw.js';
import { nextEvent, until } from '../support/wait.js';

describe('<link-account-picker> results in the host’s containers (issue #19)', () => {
  before(useMockEndpoint);
  after(() => worker.resetHandlers());

  for (const name of Object.keys(hosts) as HostName[]) {
    describe(`in ${name}`, () => {
      it('shows the results whole, against the box', async () => {
        const { picker } = await hosts[name]();
        await openResults(picker);
        expectSeenWhole(picker, name);
      });

      it('keeps them against the box while the page scrolls', async () => {
        const { picker } = await hosts[name]();
        await openResults(picker);
        const before = control(picker).getBoundingClientRect().top;
        window.scrollBy(0, 40);
        await placed(picker);
        // A fixed host (the dialog, the drawer, the app shell) stays put; the others move up.
        const moved = control(picker).getBoundingClientRect().top - before;
        expect([0, -40].some((d) => Math.abs(moved - d) < 1), `the box moved ${moved}px`).to.equal(true);
        expectSeenWhole(picker, `${name}, page scrolled`);
        window.scrollTo(0, 0);
      });

      it('picks with the keyboard: ArrowDown, Enter', async () => {
        const { picker, form } = await hosts[name]();
        await openResults(picker);
        await sendKeys({ press: 'ArrowDown' });
        const selected = nextEvent(picker, 'account-select');
        await sendKeys({ press: 'Enter' });
        const { detail } = await selected;
        await picker.updateComplete;
        expect(chipIds(picker)).to.deep.equal([detail.account.id]);
        expect(new FormData(form).getAll('accountIds')).to.deep.equal([detail.account.id]);
        await until(() => !popup(picker).matches(':popover-open'), 'the results close after a pick');
      });
    });
  }
});
