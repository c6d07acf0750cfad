/**
 * Issue #19: the results follow the box while a scrolling ancestor scrolls, while content around it
 * moves it and while it changes size, and hide while no part of the box is in view (they come back
 * with it).
 */
import { expect } from '@open-wc/testing';
import { worker } from '../support/msw.js';
import { until } from '../support/wait.js';
import { control, expectSeenWhole, hosts, openResults, placed, popup, useMockEndpoint } from './hosts.js';

const visible = (element: Element) => element.checkVisibility({ visibilityProperty: true });

describe('<link-account-picker> results follow the box (issue #19)', () => {
  before(useMockEndpoint);
  after(() => worker.resetHandlers());

  it('stay against the box while the app shell’s main area scrolls', async () => {
    const { picker, container } = await hosts['the bottom of an app shell whose main area scrolls']();
    await openResults(picker);
    for (const by of [-30, 20, -40, 50]) {
      container.scrollBy(0, by);
      await placed(picker);
      expectSeenWhole(picker, `main scrolled by ${by}px`);
    }
  });

  it('hide while the box is scrolled out of the main area, and come back with it', async () => {
    const { picker, container } = await hosts['the bottom of an app shell whose main area scrolls']();
    await openResults(picker);
    const list = popup(picker);
    container.scrollTop = 0;
    await until(() => !visible(list), 'the results hide');
    const box = control(picker).getBoundingClientRect();
    expect(box.top, 'the box is below the main area').to.be.at.least(container.getBoundingClientRect().bottom);
    expect(list.matches(':popover-open'), 'still open, for when the box comes back').to.equal(true);
    container.scrollTop = container.scrollHeight;
    await until(() => visible(list), 'the results come back');
    await placed(picker);
    expectSeenWhole(picker, 'scrolled back');
  });

  it('hide while the page scrolls the box out of the window', async () => {
    const { picker } = await hosts['a section followed by a card with a higher z-index']();
    await openResults(picker);
    const list = popup(picker);
    try {
      window.scrollTo(0, control(picker).getBoundingClientRect().bottom + window.scrollY + 10);
      await until(() => !visible(list), 'the results hide');
    } finally {
      window.scrollTo(0, 0);
    }
    await until(() => visible(list), 'the results come back');
  });

  it('follow the box when content above it grows (no scroll, no resize)', async () => {
    const { picker, root } = await hosts['a right-to-left page']();
    await openResults(picker);
    const before = control(picker).getBoundingClientRect().top;
    const banner = document.createElement('div');
    banner.style.height = '90px';
    root.prepend(banner);
    await until(() => control(picker).getBoundingClientRect().top > before + 80 && Math.abs(popup(picker).getBoundingClientRect().top - control(picker).getBoundingClientRect().bottom - 4) < 1, 'the popup follows the box down');
    expectSeenWhole(picker, 'after a banner above');
  });

  it('keep the box’s width when the box resizes', async () => {
    const { picker, form } = await hosts['a card with overflow hidden, 170 px high']();
    await openResults(picker);
    form.style.width = '300px';
    await until(() => Math.abs(popup(picker).getBoundingClientRect().width - control(picker).getBoundingClientRect().width) < 1 && control(picker).getBoundingClientRect().width < 310, 'the popup narrows with the box');
    expectSeenWhole(picker, 'box narrowed');
  });
});
