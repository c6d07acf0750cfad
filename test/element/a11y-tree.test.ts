/**
 * What a screen reader is actually given: Chromium's accessibility tree, not the DOM. axe checks rules;
 * this checks that the combobox, its listbox and each option reach assistive technology with the
 * right role, name, state and description, through the shadow root.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { axTreeWhen, findAll, nodes, type AXNode } from '../support/ax-tree.js';
import { accounts, body } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { combobox, search } from '../support/picker.js';
import { needsAxTree } from '../support/engine.js';

describe('<link-account-picker> accessibility tree', () => {
  before(startWorker);
  beforeEach(() =>
    worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([accounts.linkable, accounts.label, accounts.pending])))),
  );
  afterEach(() => worker.resetHandlers());

  async function open(): Promise<AXNode> {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker
      endpoint=${ENDPOINT}
      site="nwf"
      label="Accounts to link"
      debounce="0"
    ></link-account-picker>`);
    combobox(el).focus();
    await search(el, 'acme');
    return axTreeWhen(
      (tree) => nodes(tree, 'option').length === 3 && findAll(tree, (node) => node.role === 'combobox' && !!node.expanded && !!node.focused).length === 1,
      'the focused, expanded combobox and its three options',
    );
  }

  needsAxTree.it('exposes the search box as an expanded combobox named by its label', async () => {
    const tree = await open();
    const [box] = nodes(tree, 'combobox');
    expect(box, 'a combobox in the tree').to.not.equal(undefined);
    expect(box!.name).to.equal('Accounts to link');
    expect(box!.expanded).to.equal(true);
    expect(box!.focused).to.equal(true);
  });

  needsAxTree.it('exposes every account as an option; the ones that cannot be picked as disabled, with their reason', async () => {
    const tree = await open();
    expect(nodes(tree, 'listbox')).to.have.length(1);
    const options = nodes(tree, 'option');
    expect(options).to.have.length(3);

    const linkable = options.find((node) => node.name.includes(accounts.linkable.name))!;
    expect(linkable.disabled ?? false).to.equal(false);

    const mismatch = options.find((node) => node.name.includes(accounts.label.name))!;
    expect(mismatch.disabled).to.equal(true);
    expect(mismatch.description ?? '').to.match(/label/i);

    const pending = options.find((node) => node.name.includes(accounts.pending.name))!;
    expect(pending.disabled).to.equal(true);
    expect(pending.description ?? '').to.match(/sync/i);
  });
});
