/**
 * Issue #19 at 400 % zoom: a 320×256 CSS px window with the box at about 148–188 px, where 60 px
 * remain below it. The results open above, where there is more room, seen whole; the keyboard picks.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { needsViewport } from '../support/engine.js';
import type { Picker } from '../support/picker.js';
import { worker } from '../support/msw.js';
import { nextEvent } from '../support/wait.js';
import { chipIds, control, expectSeenWhole, openResults, picker, placed, popup, sideOf, useMockEndpoint } from './hosts.js';

needsViewport.describe('<link-account-picker> results at 400 % zoom (issue #19)', () => {
  const original = { width: window.innerWidth, height: window.innerHeight };
  before(useMockEndpoint);
  after(() => worker.resetHandlers());
  afterEach(() => setViewport(original));

  async function mountLow(): Promise<{ el: Picker; form: HTMLFormElement }> {
    await setViewport({ width: 320, height: 256 });
    const form = await fixture<HTMLFormElement>(html`<form style="margin: 0; padding: 116px 8px 0">${picker()}</form>`);
    const el = form.querySelector<Picker>('link-account-picker')!;
    await el.updateComplete;
    return { el, form };
  }

  it('opens above the box, where there is more room, seen whole', async () => {
    const { el } = await mountLow();
    const box = control(el).getBoundingClientRect();
    expect(box.top, 'the box starts near 148 px').to.be.within(140, 156);
    await openResults(el);
    expect(sideOf(el)).to.equal('top');
    expectSeenWhole(el, '400 % zoom');
  });

  it('opens below again once the page scrolls the box up, and stays against it', async () => {
    const { el } = await mountLow();
    document.body.style.paddingBottom = '600px';
    try {
      await openResults(el);
      window.scrollBy(0, 130);
      await placed(el);
      expect(sideOf(el)).to.equal('bottom');
      expectSeenWhole(el, '400 % zoom, scrolled');
    } finally {
      window.scrollTo(0, 0);
      document.body.style.paddingBottom = '';
    }
  });

  it('picks with the keyboard from the list above the box', async () => {
    const { el, form } = await mountLow();
    await openResults(el);
    await sendKeys({ press: 'ArrowDown' });
    const selected = nextEvent(el, 'account-select');
    await sendKeys({ press: 'Enter' });
    const { detail } = await selected;
    await el.updateComplete;
    expect(chipIds(el)).to.deep.equal([detail.account.id]);
    expect(new FormData(form).getAll('accountIds')).to.deep.equal([detail.account.id]);
    expect(popup(el).matches(':popover-open')).to.equal(false);
  });
});
