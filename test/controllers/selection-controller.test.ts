import { expect } from '@open-wc/testing';
import { SelectionController, type FormTarget } from '../../src/internal/controllers/selection-controller.js';
import type { AccountResult } from '../../src/internal/events.js';
import { FakeHost } from './fakes.js';

function result(id: string, linkable = true): AccountResult {
  return {
    account: { id, name: `Name ${id}`, contracts: [] },
    eligibility: { code: linkable ? 'linkable' : 'no-active-contract', linkable } as AccountResult['eligibility'],
  };
}

class FakeForm implements FormTarget {
  values: (FormData | null)[] = [];
  validity: boolean[] = [];
  setFormValue(value: FormData | null): void {
    this.values.push(value);
  }
  setValidity(flags?: ValidityStateFlags): void {
    this.validity.push(!flags?.valueMissing);
  }
}

function setup(options: { multiple?: boolean; required?: boolean; name?: string; disabled?: boolean } = {}) {
  const host = new FakeHost();
  const form = new FakeForm();
  const events: string[] = [];
  for (const type of ['account-select', 'account-deselect', 'change']) {
    host.addEventListener(type, (event) => {
      const detail = (event as CustomEvent<{ account?: { id: string } }>).detail;
      events.push(detail?.account ? `${type}:${detail.account.id}` : type);
    });
  }
  const known = new Map([['seen', result('seen')]]);
  const selection = new SelectionController(host, form, {
    multiple: () => options.multiple ?? false,
    name: () => options.name ?? 'accounts',
    required: () => options.required ?? false,
    disabled: () => options.disabled ?? false,
    lookup: (id) => known.get(id),
    anchor: () => undefined,
  });
  return { host, form, events, selection };
}

describe('SelectionController', () => {
  it('select fires account-select then change, and says so', () => {
    const { selection, events, form } = setup();
    expect(selection.select(result('a'))).to.equal(true);
    expect(selection.ids).to.deep.equal(['a']);
    expect(events).to.deep.equal(['account-select:a', 'change']);
    expect(selection.notice).to.equal('Name a selected.');
    expect(form.values.at(-1)!.getAll('accounts')).to.deep.equal(['a']);
  });

  it('without multiple, a new pick replaces the old one: deselect, select, change', () => {
    const { selection, events } = setup();
    selection.select(result('a'));
    events.length = 0;
    selection.select(result('b'));
    expect(selection.ids).to.deep.equal(['b']);
    expect(events).to.deep.equal(['account-deselect:a', 'account-select:b', 'change']);
  });

  it('never selects an account that cannot be linked, nor while disabled', () => {
    expect(setup().selection.select(result('x', false))).to.equal(false);
    const disabled = setup({ disabled: true });
    expect(disabled.selection.select(result('a'))).to.equal(false);
    expect(disabled.events).to.deep.equal([]);
  });

  it('toggle deselects a selected account in multiple mode and counts what is selected', () => {
    const { selection, events } = setup({ multiple: true });
    expect(selection.toggle(result('a'))).to.equal('selected');
    expect(selection.toggle(result('b'))).to.equal('selected');
    expect(selection.notice).to.equal('Name b selected. 2 accounts selected.');
    expect(selection.toggle(result('a'))).to.equal('deselected');
    expect(selection.ids).to.deep.equal(['b']);
    expect(events.slice(-2)).to.deep.equal(['account-deselect:a', 'change']);
    expect(selection.notice).to.equal('Name a removed. 1 account selected.');
  });

  it('ids a host sets fire nothing; unknown ones are described by the results, by id', () => {
    const { selection, events } = setup({ multiple: true });
    selection.set(['seen', 'unseen', 'seen', '', 7]);
    expect(selection.ids).to.deep.equal(['seen', 'unseen']);
    expect(events).to.deep.equal([]);
    expect(selection.entry('seen')!.account.name).to.equal('Name seen');
    expect(selection.account('unseen')).to.deep.equal({ id: 'unseen', name: 'unseen', contracts: [] });
  });

  it('writes the form value and validity only when they change', () => {
    const { selection, form, host } = setup({ required: true });
    host.cycle();
    host.cycle();
    expect(form.values).to.have.length(1);
    expect(form.validity).to.deep.equal([false]);
    selection.select(result('a'));
    host.cycle();
    host.cycle();
    expect(form.values).to.have.length(2);
    expect(form.validity).to.deep.equal([false, true]);
  });

  it('keeps only the first id once an update runs without multiple', () => {
    const { selection, host } = setup();
    selection.set(['a', 'b']);
    expect(selection.held).to.deep.equal(['a', 'b']);
    host.cycle();
    expect(selection.held).to.deep.equal(['a']);
  });
});
