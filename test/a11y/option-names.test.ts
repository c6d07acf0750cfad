/**
 * What a screen reader hears for each option and group, read from Chromium's accessibility tree:
 * names without run-together words or shouted headings, reasons once (in the description), and the
 * verdict group on every row, virtualized or not.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Account } from '../../src/rules/types.js';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { type AXNode, axTree, findAll, nodes } from '../support/ax-tree.js';
import { accounts, body, contract, linkableAccounts } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { activeOption, shadow, squash, typeAndSettle } from '../support/picker.js';
import { until } from '../support/wait.js';
import { needsAxTree } from '../support/engine.js';

const GROUP_NAMES = ['Can be linked', "Can't be linked yet", "Can't be linked", 'Already linked'];

async function picker(): Promise<LinkAccountPicker> {
  const el = await fixture<LinkAccountPicker>(
    html`<link-account-picker endpoint=${ENDPOINT} site="nwf" label="Accounts to link" debounce="20"></link-account-picker>`,
  );
  await el.updateComplete;
  return el;
}

/** The verdict group an option is heard in: its group's name, or a group named in its description. */
function heardGroup(found: { node: AXNode; ancestors: AXNode[] }): string | undefined {
  const group = [...found.ancestors].reverse().find((node) => node.role === 'group');
  if (group?.name) return squash(group.name);
  const description = squash(found.node.description);
  // Longest first: "Can't be linked yet" before "Can't be linked".
  return [...GROUP_NAMES].sort((a, b) => b.length - a.length).find((name) => description.includes(name));
}

describe('a11y: option and group names', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  needsAxTree.describe('defect 4: an excluded account’s reason is read once, in the description', () => {
    it('the name holds what the row is called; verdict, reason and next step are only in the description', async () => {
      worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([accounts.linkable, accounts.label, accounts.pending, accounts.noActive]))));
      const el = await picker();
      await typeAndSettle(el, 'acme', 4);
      const tree = await axTree();
      for (const id of [accounts.label.id, accounts.pending.id, accounts.noActive.id]) {
        // The row shows the option and, beside it, why it can't be linked.
        const row = shadow(el).querySelector<HTMLElement>(`[role="option"][data-account-id="${id}"]`)!.closest('.row')!;
        const verdict = squash(row.querySelector('.verdict')!.textContent ?? '');
        const reason = squash(row.querySelector('[part~="reason"]')!.textContent ?? '');
        const nextStep = squash(row.querySelector('[part~="next-step"]')!.textContent ?? '');
        const accountName = Object.values(accounts).find((account) => account.id === id)!.name;
        const [option] = nodes(tree, 'option').filter((node) => node.name.includes(accountName));
        expect(option, `an option named ${accountName}`).to.not.equal(undefined);
        const name = squash(option!.name);
        const description = squash(option!.description);
        expect(name, 'the name does not repeat the reason').to.not.include(reason);
        expect(name, 'the name does not repeat the next step').to.not.include(nextStep);
        expect(name, 'the name does not repeat the verdict').to.not.include(verdict);
        expect(description).to.include(verdict);
        expect(description).to.include(reason);
        expect(description).to.include(nextStep);
      }
    });
  });

  needsAxTree.describe('defect 5: words stay apart between two highlights', () => {
    it('"harbor point" finds "Harbor Point Logistics", and the option is named with the space', async () => {
      const harbor: Account = {
        id: 'a-harbor',
        number: 'HBR000001',
        name: 'Harbor Point Logistics',
        portalSyncedAt: new Date(Date.now() - 86_400_000).toISOString(),
        contracts: [contract({ id: 'c-harbor' })],
      };
      worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([harbor]))));
      const el = await picker();
      await typeAndSettle(el, 'harbor point');
      expect(shadow(el).querySelectorAll('[role="option"] mark').length, 'two highlights').to.be.at.least(2);
      const [option] = nodes(await axTree(), 'option');
      expect(squash(option!.name)).to.match(/^Harbor Point Logistics\b/);
    });
  });

  needsAxTree.describe('defect 13: group names as written, without the count', () => {
    it('each group is named by its heading in sentence case, the count left out of the name', async () => {
      worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([accounts.linkable, accounts.pending, accounts.label, accounts.linked]))));
      const el = await picker();
      await typeAndSettle(el, 'acme', 4);
      const groups = nodes(await axTree(), 'group').filter((node) => node.name);
      expect(groups.map((node) => squash(node.name))).to.deep.equal(GROUP_NAMES);
    });
  });

  needsAxTree.describe('defect 12: a virtualized list keeps each row’s verdict group', () => {
    // The virtualizer's ResizeObserver may report a benign loop error while far rows are measured.
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });
    const blocked: Account[] = Array.from({ length: 30 }, (_, i) => ({
      ...accounts.label,
      id: `a-label-${i}`,
      number: `LBL${String(i).padStart(3, '0')}`,
      name: `Acme Summit ${String(i).padStart(3, '0')}`,
    }));

    it('rows at the top and at the end of a 260-row list are heard in their group', async () => {
      worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([...linkableAccounts(230), ...blocked]))));
      const el = await picker();
      await typeAndSettle(el, 'acme', 1);
      await until(() => shadow(el).querySelector('.listbox.virtual [role="option"]'), 'the list is virtualized', 8000);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;

      const top = findAll(await axTree(), (node) => node.role === 'option');
      expect(top.length).to.be.greaterThan(0);
      for (const found of top) expect(heardGroup(found), `${found.node.name}`).to.equal('Can be linked');

      await sendKeys({ press: 'End' });
      await until(() => activeOption(el)?.dataset.accountId === 'a-label-29', 'the last row is active', 8000);
      await el.updateComplete;
      const end = findAll(await axTree(), (node) => node.role === 'option' && node.name.includes('Acme Summit'));
      expect(end.length).to.be.greaterThan(0);
      for (const found of end) expect(heardGroup(found), `${found.node.name}`).to.equal("Can't be linked");
    });
  });
});
