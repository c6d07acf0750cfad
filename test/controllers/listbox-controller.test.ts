import { expect } from '@open-wc/testing';
import { ListboxController } from '../../src/internal/controllers/listbox-controller.js';
import { FIRST_FRAME_ROWS, VIRTUALIZE_ABOVE } from '../../src/internal/defaults.js';
import type { AccountResult } from '../../src/internal/events.js';
import { FakeHost, outcome } from './fakes.js';

function result(id: string, code: 'linkable' | 'already-linked' = 'linkable'): AccountResult {
  return {
    account: { id, name: id, contracts: [] },
    eligibility: { code, linkable: code === 'linkable', facts: { activeAsCustomer: 0, activeAsGuarantor: 0, contractCount: 0 } } as unknown as AccountResult['eligibility'],
  };
}

function setup() {
  const host = new FakeHost();
  const state = { current: true, picked: [] as number[], loads: 0 };
  const listbox = new ListboxController(host, {
    isCurrent: () => state.current,
    pick: (index) => state.picked.push(index),
    loadMore: () => (state.loads += 1),
  });
  return { host, state, listbox };
}

describe('ListboxController', () => {
  it('moves the active option through the options on screen, and reports reaching the end', () => {
    const { listbox } = setup();
    listbox.update(outcome([result('a'), result('b'), result('c')]), 'en');
    listbox.open = true;
    expect(listbox.move('next')).to.equal(false);
    expect(listbox.activeOption!.result.account.id).to.equal('a');
    expect(listbox.activeDescendant).to.equal('option-0');
    expect(listbox.move('last')).to.equal(true);
    listbox.move('previous');
    expect(listbox.activeIndex).to.equal(1);
    listbox.move('first');
    listbox.move('previous');
    expect(listbox.activeIndex).to.equal(2);
  });

  it('offers nothing while the results are not the current query’s: no options, no active one', () => {
    const { listbox, state } = setup();
    listbox.update(outcome([result('a'), result('b')]), 'en');
    listbox.open = true;
    listbox.move('next');
    state.current = false;
    expect(listbox.options).to.deep.equal([]);
    expect(listbox.expanded).to.equal(false);
    expect(listbox.activeOption).to.equal(undefined);
    expect(listbox.activeDescendant).to.equal(undefined);
    expect(listbox.move('next')).to.equal(false);
    expect(listbox.activate(0)).to.equal(undefined);
    listbox.update(listbox.view!.outcome, 'en');
    expect(listbox.activeIndex).to.equal(-1);
  });

  it('keeps the keyboard on the same account when the results regroup', () => {
    const { listbox } = setup();
    listbox.update(outcome([result('a'), result('b')]), 'en');
    listbox.move('last');
    expect(listbox.activeOption!.result.account.id).to.equal('b');
    // A new page brings a linkable account that sorts before 'b'.
    listbox.update(outcome([result('x', 'already-linked'), result('a'), result('b'), result('c')]), 'en');
    expect(listbox.activeOption!.result.account.id).to.equal('b');
    expect(listbox.view!.byId.get('c')!.account.id).to.equal('c');
  });

  it('decides in the update step whether a long list is cut while the virtualizer loads, and names only rendered rows', async () => {
    const { listbox, host } = setup();
    const many = Array.from({ length: VIRTUALIZE_ABOVE + 50 }, (_, i) => result(`r${i}`));
    const answer = outcome(many);
    listbox.update(answer, 'en');
    listbox.open = true;
    // A new answer's first frame: its first rows only, not yet virtualized; the rest is asked for after.
    expect(listbox.shownLimit).to.equal(FIRST_FRAME_ROWS);
    expect(listbox.virtualizer).to.equal(undefined);
    const asked = host.updates;
    await listbox.restPending;
    expect(host.updates, 'the rest asked for').to.equal(asked + 1);
    listbox.update(answer, 'en');
    // Before the virtualizer has arrived the first VIRTUALIZE_ABOVE rows render.
    if (!listbox.virtualizer) {
      expect(listbox.shownLimit).to.equal(VIRTUALIZE_ABOVE);
      listbox.move('last');
      expect(listbox.activeDescendant).to.equal(undefined);
    } else {
      listbox.setRenderedRange(0, 10);
      listbox.move('last');
      expect(listbox.activeDescendant).to.equal(undefined);
      const before = host.updates;
      listbox.setRenderedRange(240, 260);
      expect(host.updates).to.equal(before + 1);
      expect(listbox.activeDescendant).to.equal(`option-${many.length - 1}`);
    }
    listbox.update(outcome(many.slice(0, 3)), 'en');
    expect(listbox.shownLimit).to.equal(Infinity);
    expect(listbox.virtualizer).to.equal(undefined);
  });
});
