/**
 * Issue #19, dialogs and light dismiss: inside a modal dialog or a host's `popover="auto"`, Escape
 * closes the results first and the dialog (or popover) never sees it; a click in the results picks
 * and dismisses nothing of the host's; focus stays in the search box. A click outside the picker
 * still closes the results.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { clickOn, combobox, focusedName, options, type Picker } from '../support/picker.js';
import { worker } from '../support/msw.js';
import { nextEvent, until } from '../support/wait.js';
import { chipIds, hosts, openResults, picker, popup, useMockEndpoint } from './hosts.js';

const isOpen = (el: Picker) => popup(el).matches(':popover-open');

/** The first row that can be linked (below `y`, when given). */
function linkableRow(el: Picker, y = -Infinity): HTMLElement {
  const row = options(el).find((option) => {
    const box = option.getBoundingClientRect();
    return option.dataset.eligibility === 'linkable' && (box.top + box.bottom) / 2 > y;
  });
  if (!row) throw new Error('no linkable row');
  return row;
}

describe('<link-account-picker> results over dialogs and popovers (issue #19)', () => {
  before(useMockEndpoint);
  after(() => worker.resetHandlers());

  describe('in a modal dialog', () => {
    async function openInDialog(): Promise<{ el: Picker; dialog: HTMLDialogElement; events: string[] }> {
      const { picker: el, container } = await hosts['a modal dialog 180 px high']();
      const dialog = container as HTMLDialogElement;
      const events: string[] = [];
      dialog.addEventListener('cancel', () => events.push('cancel'));
      dialog.addEventListener('close', () => events.push('close'));
      await openResults(el);
      return { el, dialog, events };
    }

    it('Escape closes the results, not the dialog; a second Escape closes the dialog', async () => {
      const { el, dialog, events } = await openInDialog();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(isOpen(el), 'the results closed').to.equal(false);
      expect(dialog.open, 'the dialog is still open').to.equal(true);
      expect(events, 'the dialog saw nothing').to.deep.equal([]);
      expect(focusedName()).to.equal('link-account-picker > input#input');
      // The box still holds text: Escape on a closed list first clears it (the picker's), then the dialog's.
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'the dialog closes');
      expect(events).to.include('close');
    });

    it('a click on a result picks it; the dialog stays open and focus stays in the box', async () => {
      const { el, dialog, events } = await openInDialog();
      const row = linkableRow(el);
      const selected = nextEvent(el, 'account-select');
      await clickOn(row);
      const { detail } = await selected;
      await el.updateComplete;
      expect(detail.account.id).to.equal(row.dataset.accountId);
      expect(chipIds(el)).to.deep.equal([detail.account.id]);
      expect(dialog.open, 'the dialog is still open').to.equal(true);
      expect(events).to.deep.equal([]);
      expect(el.shadowRoot!.activeElement).to.equal(combobox(el));
    });
  });

  describe('in a host’s popover="auto"', () => {
    async function openInPopover(): Promise<{ el: Picker; host: HTMLElement }> {
      const root = await fixture<HTMLElement>(html`<div>
        <div id="host-popover" popover="auto" style="width: 460px; padding: 16px; inset: 40px auto auto 40px; margin: 0">
          <form>${picker()}</form>
        </div>
      </div>`);
      const host = root.querySelector<HTMLElement>('#host-popover')!;
      host.showPopover();
      const el = root.querySelector<Picker>('link-account-picker')!;
      await openResults(el);
      return { el, host };
    }

    it('a click on a result picks it and leaves the host popover open', async () => {
      const { el, host } = await openInPopover();
      // Outside the host popover's box: where a press would light-dismiss it, were the list not its own.
      const row = linkableRow(el, host.getBoundingClientRect().bottom);
      const selected = nextEvent(el, 'account-select');
      await clickOn(row);
      const { detail } = await selected;
      expect(detail.account.id).to.equal(row.dataset.accountId);
      expect(host.matches(':popover-open'), 'the host popover is still open').to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(combobox(el));
    });

    it('Escape closes the results, not the host popover', async () => {
      const { el, host } = await openInPopover();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(isOpen(el)).to.equal(false);
      expect(host.matches(':popover-open'), 'the host popover is still open').to.equal(true);
    });
  });

  it('a click outside the picker closes the results', async () => {
    const { picker: el } = await hosts['a card with overflow hidden, 170 px high']();
    await openResults(el);
    await sendMouse({ type: 'click', position: [window.innerWidth - 4, window.innerHeight - 4] });
    await until(() => !isOpen(el), 'the results close');
  });
});
