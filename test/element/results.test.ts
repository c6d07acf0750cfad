import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import type { Account } from '../../src/rules/types.js';
import '../../src/link-account-picker.js';
import { accounts, body, contract } from '../support/data.js';
import { ENDPOINT, startWorker, worker } from '../support/msw.js';
import { button, clickOn, combobox, liveText, mountAt, option, options, press, referencedText, search, shadow, statusText, typeText } from '../support/picker.js';
import { nextEvent, nextFrame, until } from '../support/wait.js';

const MINUTE = 60_000;

function picker(): Promise<LinkAccountPicker> {
  return mountAt(ENDPOINT);
}

function description(el: LinkAccountPicker, id: string): string {
  return referencedText(el, option(el, id).getAttribute('aria-describedby'));
}

function accessibleName(el: LinkAccountPicker, id: string): string {
  return referencedText(el, option(el, id).getAttribute('aria-labelledby'));
}

describe('<link-account-picker> results', () => {
  before(startWorker);
  afterEach(() => worker.resetHandlers());

  describe('every account, grouped, with its reason and next step', () => {
    let el: LinkAccountPicker;
    beforeEach(async () => {
      worker.use(http.get(ENDPOINT, () => HttpResponse.json(body(Object.values(accounts)))));
      el = await picker();
      await search(el, 'acme');
    });

    it('groups in order: can be linked · can\'t be linked yet · can\'t be linked · already linked', () => {
      const groups = [...shadow(el).querySelectorAll('[role="group"]')].map((group) =>
        referencedText(el, group.getAttribute('aria-labelledby')),
      );
      // Named by the heading alone: the count beside it is not part of the name (the summary says it).
      expect(groups).to.deep.equal(['Can be linked', "Can't be linked yet", "Can't be linked", 'Already linked']);
      expect(options(el).map((row) => row.dataset.eligibility)).to.deep.equal([
        'linkable',
        'pending-sync',
        'no-active-contract',
        'label-mismatch',
        'sync-overdue',
        'already-linked',
      ]);
    });

    it('puts data-account-id and data-eligibility on every option', () => {
      for (const account of Object.values(accounts)) {
        expect(option(el, account.id).getAttribute('data-account-id')).to.equal(account.id);
      }
      expect(option(el, 'a-label').dataset.eligibility).to.equal('label-mismatch');
    });

    it('names each option by name, number and contracts summary', () => {
      expect(accessibleName(el, 'a-linkable')).to.equal('Acme Leasing Ltd ACM000101 Customer on 1 active contract, guarantor on 1');
      // What the option shows is its name (label in name); the reason beside it is read once, as the description.
      expect(accessibleName(el, 'a-linked')).to.equal('Acme Holdings ACM000102 Customer on 1 active contract');
      expect(description(el, 'a-linked')).to.equal('Already linked. This user can already see its contracts. Nothing to do.');
      expect(option(el, 'a-label').closest('.row')!.textContent).to.include('Its active contracts carry SUMMIT');
    });

    it('linkable: enabled, no reason', () => {
      const row = option(el, 'a-linkable');
      expect(row.getAttribute('aria-disabled')).to.equal('false');
      expect(row.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('no active contract: what was found instead, and the next step', () => {
      expect(option(el, 'a-terminated').getAttribute('aria-disabled')).to.equal('true');
      expect(description(el, 'a-terminated')).to.equal(
        'No active contract. Not a customer or guarantor on any active contract. Found instead: 1 terminated contract, 1 contract not yet booked, and 1 contract as Vendor. It can be linked once its contract is booked and has reached the portal.',
      );
    });

    it('label mismatch: the labels the contracts carry and the site includes', () => {
      expect(description(el, 'a-label')).to.equal(
        'Private label not on this site. Its active contracts carry SUMMIT; this site includes NWF, NWF-EQ, and contracts with no label. Link it on a site configured for SUMMIT, or ask to have that label mapped to this site.',
      );
    });

    it('pending sync: when it should become linkable, with a live countdown', async () => {
      expect(description(el, 'a-pending')).to.match(
        /^Syncing to the portal\. Booked recently and not in the portal yet: accounts reach it within 15 minutes\. It should be linkable by .+\. The picker checks again by itself\.$/,
      );
      const countdown = option(el, 'a-pending').closest('.row')!.querySelector('[part~="countdown"]')!;
      // Part of the description, which is read on demand: the ticks are never announced.
      expect(countdown.closest('[aria-hidden="true"]')).to.not.equal(null);
      const first = countdown.textContent!.replace(/\s+/g, ' ').trim();
      expect(first).to.match(/^Linkable in 1[12] min \d\d? s$/);
      await until(() => countdown.textContent!.replace(/\s+/g, ' ').trim() !== first, 'countdown ticks');
    });

    it('sync overdue: booked long ago, contact support', () => {
      expect(description(el, 'a-overdue')).to.match(
        /^Sync overdue\. Booked on .+ but still not in the portal, long after the 15-minute sync\. Contact support: the sync from the servicing system may have stopped for this account\.$/,
      );
    });

    it('already linked', () => {
      expect(option(el, 'a-linked').getAttribute('aria-disabled')).to.equal('true');
      expect(description(el, 'a-linked')).to.equal(
        'Already linked. This user can already see its contracts. Nothing to do.',
      );
    });

    it('highlights the matched part of names, ignoring accents', () => {
      const marks = (id: string) => [...option(el, id).querySelectorAll('mark')].map((m) => m.textContent);
      expect(marks('a-linkable')).to.deep.equal(['Acme']);
      expect(marks('a-overdue')).to.deep.equal(['Ácme']);
    });

    it('summarizes the results for the site in the status line and the live region', () => {
      expect(statusText(el)).to.equal('6 accounts match “acme” on Northwind Finance');
      expect(liveText(el)).to.equal(
        "6 accounts match “acme” on Northwind Finance. Can be linked: 1, Can't be linked yet: 1, Can't be linked: 3, Already linked: 1.",
      );
    });
  });

  it('highlights numbers ignoring punctuation', async () => {
    const numbered: Account = { id: 'n1', number: '001-0123456-000', name: 'Numbered', contracts: [contract()] };
    worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([numbered]))));
    const el = await picker();
    await search(el, '0010123');
    expect([...option(el, 'n1').querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['001-0123']);
  });

  it('no matches: says what was searched and for which site', async () => {
    worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([]))));
    const el = await picker();
    const complete = nextEvent(el, 'search-complete');
    await search(el, 'zebra');
    expect((await complete).detail.results).to.deep.equal([]);
    const text = 'No accounts match “zebra” on Northwind Finance. Check the spelling, or search by account number.';
    expect(statusText(el)).to.equal(text);
    expect(liveText(el)).to.equal(text);
    expect(shadow(el).querySelector('input')!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('uses the server clock (asOf), not the client\'s', async () => {
    // The server is an hour behind the client: by its clock this booking is 3 minutes old.
    const serverTime = Date.now() - 60 * MINUTE;
    const account: Account = {
      id: 'clock',
      name: 'Acme Clock',
      portalSyncedAt: null,
      contracts: [contract({ bookedAt: new Date(serverTime - 3 * MINUTE).toISOString() })],
    };
    worker.use(http.get(ENDPOINT, () => HttpResponse.json(body([account], { asOf: new Date(serverTime).toISOString() }))));
    const el = await picker();
    await search(el, 'acme');
    expect(option(el, 'clock').dataset.eligibility).to.equal('pending-sync');
    expect(option(el, 'clock').closest('.row')!.querySelector('[part~="countdown"]')!.textContent).to.match(/Linkable in (12 min 0 s|11 min 5\d s)/);
  });

  it('re-checks by itself when the expected sync time passes, keeping the selection', async () => {
    let calls = 0;
    const bookedAt = new Date(Date.now() - 15 * MINUTE + 1000).toISOString();
    worker.use(
      http.get(ENDPOINT, () => {
        calls++;
        const pending: Account = { id: 'soon', name: 'Acme Soon', portalSyncedAt: null, contracts: [contract({ bookedAt })] };
        const synced: Account = { ...pending, portalSyncedAt: new Date().toISOString() };
        return HttpResponse.json(body([accounts.linkable, calls === 1 ? pending : synced]));
      }),
    );
    const el = await picker();
    await search(el, 'acme');
    await clickOn(option(el, 'a-linkable'));
    typeText(el, 'acme');
    await el.updateComplete;
    expect(option(el, 'soon').dataset.eligibility).to.equal('pending-sync');
    const completes: number[] = [];
    el.addEventListener('search-complete', (e) => completes.push(e.detail.results.length));
    await until(() => option(el, 'soon').dataset.eligibility === 'linkable', 're-checked', 8000);
    expect(calls).to.equal(2);
    expect(completes).to.deep.equal([2]);
    expect(el.value).to.deep.equal(['a-linkable']);
  });

  describe('paging', () => {
    const page = (from: number, count: number): Account[] =>
      Array.from({ length: count }, (_, i) => ({
        id: `p${from + i}`,
        number: `ACM${String(from + i).padStart(6, '0')}`,
        name: `Acme Page ${from + i}`,
        contracts: [contract()],
      }));

    function serve(pages: number, perPage = 10) {
      const cursors: (string | null)[] = [];
      worker.use(
        http.get(ENDPOINT, ({ request }) => {
          const url = new URL(request.url);
          const cursor = url.searchParams.get('cursor');
          cursors.push(cursor);
          const index = cursor ? Number(cursor.slice(1)) : 0;
          return HttpResponse.json(
            body(page(index * perPage, perPage), {
              nextCursor: index + 1 < pages ? `c${index + 1}` : null,
              total: pages * perPage,
            }),
          );
        }),
      );
      return cursors;
    }

    it('shows the total and loads more with the control; search-complete carries all results so far', async () => {
      const cursors = serve(3);
      const el = await picker();
      await search(el, 'acme');
      expect(options(el)).to.have.length(10);
      expect(statusText(el)).to.equal('30 accounts match “acme” on Northwind Finance');
      const footer = shadow(el).querySelector('[part~="footer"]')!;
      expect(footer.textContent).to.include('Showing 10 of 30');
      const complete = nextEvent(el, 'search-complete');
      await clickOn(button(el, 'load-more')!);
      const { detail } = await complete;
      expect(cursors).to.deep.equal([null, 'c1']);
      expect(detail.results).to.have.length(20);
      expect(detail.nextCursor).to.equal('c2');
      expect(detail.total).to.equal(30);
      await el.updateComplete;
      expect(options(el)).to.have.length(20);
    });

    it('loads the next page when the admin scrolls to the end', async () => {
      const cursors = serve(2);
      const el = await picker();
      await search(el, 'acme');
      const scroller = shadow(el).querySelector<HTMLElement>('.scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
      await until(() => options(el).length === 20, 'second page loaded');
      expect(cursors).to.deep.equal([null, 'c1']);
      expect(shadow(el).querySelector('[part~="load-more"]')).to.equal(null);
    });

    it('sends the cursor to searchAccounts', async () => {
      const el = await picker();
      const cursors: (string | undefined)[] = [];
      el.searchAccounts = async ({ cursor }) => {
        cursors.push(cursor);
        return body(page(cursor ? 5 : 0, 5), { nextCursor: cursor ? null : 'next' });
      };
      await search(el, 'acme');
      await clickOn(button(el, 'load-more')!);
      await until(() => options(el).length === 10, 'the second page shown');
      expect(cursors).to.deep.equal([undefined, 'next']);
    });

    it('a failed further page keeps the results and says so', async () => {
      let calls = 0;
      worker.use(
        http.get(ENDPOINT, () => {
          calls++;
          return calls === 1
            ? HttpResponse.json(body(page(0, 5), { nextCursor: 'c1' }))
            : new HttpResponse(null, { status: 502 });
        }),
      );
      const el = await picker();
      await search(el, 'acme');
      const failed = nextEvent(el, 'search-error');
      await clickOn(button(el, 'load-more')!);
      expect((await failed).detail.error.status).to.equal(502);
      await el.updateComplete;
      expect(options(el)).to.have.length(5);
      expect(shadow(el).querySelector('[part~="footer"]')!.textContent).to.include('HTTP 502');
    });

    it('keeps the keyboard on the same account when a new page lands inside its group', async () => {
      const el = await picker();
      const blocked = (i: number): Account => ({ id: `b${i}`, name: `Acme Blocked ${i}`, contracts: [] });
      el.searchAccounts = async ({ cursor }) =>
        body(cursor ? page(10, 3) : [...page(0, 2), blocked(0), blocked(1)], { nextCursor: cursor ? null : 'n' });
      await search(el, 'acme');
      const box = combobox(el);
      // End acts on the list once an option is active (before, it moves the caret).
      await press('ArrowDown');
      await press('End');
      await until(() => options(el).length === 7, 'next page loaded by End');
      const activeId = () => el.shadowRoot!.getElementById(box.getAttribute('aria-activedescendant')!)!.dataset.accountId;
      expect(activeId()).to.equal('b1');
      expect(options(el).map((o) => o.dataset.accountId)).to.deep.equal(['p0', 'p1', 'p10', 'p11', 'p12', 'b0', 'b1']);
    });

    it('does not repeat an account that appears on two pages', async () => {
      const el = await picker();
      el.searchAccounts = async ({ cursor }) => body(cursor ? page(3, 5) : page(0, 5), { nextCursor: cursor ? null : 'n' });
      await search(el, 'acme');
      await clickOn(button(el, 'load-more')!);
      await until(() => options(el).length === 8, 'the second page shown');
      await el.updateComplete;
      await nextFrame();
      expect(options(el)).to.have.length(8);
    });
  });
});
