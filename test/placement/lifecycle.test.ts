/**
 * Issue #19: the popover is shown and hidden with `open` and never throws on the way: a picker
 * removed while its results show, set open while disconnected, or opened and closed twice over. And
 * nothing keeps running for a closed popup.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { worker } from '../support/msw.js';
import { nextFrame, until } from '../support/wait.js';
import { openResults, picker, popup, useMockEndpoint } from './hosts.js';
import type { Picker } from '../support/picker.js';

describe('<link-account-picker> popover lifecycle (issue #19)', () => {
  before(useMockEndpoint);
  after(() => worker.resetHandlers());

  async function mounted(): Promise<{ el: Picker; form: HTMLFormElement }> {
    const form = await fixture<HTMLFormElement>(html`<form style="width: 400px">${picker()}</form>`);
    return { el: form.querySelector<Picker>('link-account-picker')!, form };
  }

  it('shows and hides the popover with open, however often it is set', async () => {
    const { el } = await mounted();
    for (const open of [true, true, false, false, true, false]) {
      el.open = open;
      await el.updateComplete;
      expect(popup(el).matches(':popover-open'), `open = ${open}`).to.equal(open);
    }
  });

  it('a picker removed while its results show, then put back, shows them again in the top layer', async () => {
    const { el, form } = await mounted();
    await openResults(el);
    el.remove();
    expect(popup(el).matches(':popover-open')).to.equal(false);
    el.open = true;
    await el.updateComplete;
    expect(popup(el).matches(':popover-open'), 'not shown while disconnected').to.equal(false);
    form.append(el);
    el.open = true;
    await until(() => popup(el).matches(':popover-open'), 'shown again once connected');
  });

  it('stops following the box once closed: no frame is asked for', async () => {
    const { el } = await mounted();
    await openResults(el);
    el.open = false;
    await el.updateComplete;
    const real = window.requestAnimationFrame;
    let asked = 0;
    window.requestAnimationFrame = (callback) => {
      asked += 1;
      return real.call(window, callback);
    };
    try {
      await new Promise<void>((resolve) => real.call(window, () => real.call(window, () => resolve())));
      expect(asked, 'frames asked for after closing').to.equal(0);
    } finally {
      window.requestAnimationFrame = real;
    }
    await nextFrame();
  });
});
