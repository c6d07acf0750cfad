import { expect } from '@open-wc/testing';
import type { Account } from '../../src/rules/types.js';
import '../../src/link-account-picker.js';
import { allElements } from '../support/dom.js';
import { clickOn, mount, options, type Picker, searchWith } from '../support/picker.js';
import { nextFrame } from '../support/wait.js';
import { NAUGHTY_STRINGS, PWNED } from './naughty-strings.js';

/**
 * Account and contract fields from a corpus of naughty strings and XSS payloads must show literally and
 * execute nothing: the picker renders data as text, never as markup, URLs or code.
 */

const ASOF = '2026-01-25T12:00:00Z';
const SITE = { id: 'northwind', name: 'Northwind', privateLabels: ['NWF'], includeUnlabeled: false };
const booked = (label: string | null, role = 'customer') => ({ id: 'c', role, status: 'booked', privateLabel: label, bookedAt: '2025-01-01T00:00:00Z' });

/** Elements the picker's templates never create: any of them in the tree means markup got through. */
const FOREIGN = 'script, img, iframe, object, embed, a, details, video, audio, source, math, meta, link, body, template, style, noscript, form, input:not([role="combobox"]), animate, foreignObject, b, i';

const pwned: string[] = [];
before(() => {
  (window as unknown as Record<string, unknown>)[PWNED] = (id: string) => pwned.push(id);
});

/** No payload ran, no foreign element or inline handler exists, in the picker or the page. */
async function assertInert(el: Picker): Promise<void> {
  // Handlers like onerror and onload would fire asynchronously: let a rendered frame pass. (A
  // payload that got through also shows as a foreign element or an inline handler, checked below.)
  await el.updateComplete;
  await nextFrame();
  expect(pwned, 'payloads executed').to.deep.equal([]);
  const inPicker = allElements(el.shadowRoot!);
  expect(inPicker.filter((e) => e.matches(FOREIGN)).map((e) => e.outerHTML.slice(0, 80))).to.deep.equal([]);
  const handlers = [...inPicker, ...allElements(document.body)].flatMap((e) =>
    [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.localName}[${a.name}]`),
  );
  expect(handlers, 'inline event handlers').to.deep.equal([]);
  expect(document.querySelectorAll('body > :not(div, script)').length, 'nodes added to the page').to.equal(0);
  for (const svg of el.shadowRoot!.querySelectorAll('svg')) {
    expect([...svg.querySelectorAll('*')].every((child) => child.localName === 'path'), 'svg content').to.equal(true);
  }
}

describe('hostile text in account and contract fields', () => {
  it('shows every naughty name and number literally and runs none of them', async () => {
    const el = await mount();
    // Chunks small enough that no virtualizer hides a row from the check.
    for (let start = 0; start < NAUGHTY_STRINGS.length; start += 40) {
      const chunk = NAUGHTY_STRINGS.slice(start, start + 40).filter((s) => s.value.trim() !== '');
      const accounts: Account[] = chunk.map((s, i) => ({
        id: `n${start + i}`,
        name: s.value,
        number: s.value,
        portalSyncedAt: '2025-06-01T00:00:00Z',
        contracts: [booked('NWF')],
      }));
      const outcome = await searchWith(el, `q${start}`, { asOf: ASOF, site: SITE, accounts });
      expect(outcome.kind).to.equal('complete');
      const rows = options(el);
      expect(rows.map((r) => r.dataset.accountId)).to.deep.equal(accounts.map((a) => a.id));
      for (const [i, row] of rows.entries()) {
        const value = chunk[i]!.value;
        const name = row.querySelector('.name') ?? row;
        // The exact string: not decoded, not re-encoded, not trimmed, not cut.
        expect(name.textContent, chunk[i]!.id).to.equal(value);
        expect(row.textContent, `${chunk[i]!.id} number`).to.include(value);
        expect(row.dataset.eligibility).to.equal('linkable');
      }
      await assertInert(el);
    }
  });

  it('keeps naughty ids exact in data-account-id and in the picked value', async () => {
    const el = await mount({ multiple: true });
    const chunk = NAUGHTY_STRINGS.filter((s) => s.value.trim() !== '').slice(0, 40);
    const accounts: Account[] = chunk.map((s, i) => ({ id: s.value, name: `Account ${i}`, portalSyncedAt: '2025-06-01T00:00:00Z', contracts: [booked('NWF')] }));
    await searchWith(el, 'ids', { asOf: ASOF, site: SITE, accounts });
    const rows = options(el);
    expect(rows.map((r) => r.dataset.accountId)).to.deep.equal(chunk.map((s) => s.value));
    const picked: string[] = [];
    el.addEventListener('account-select', (e) => picked.push(e.detail.account.id));
    for (const row of rows.slice(0, 10)) await clickOn(row);
    await el.updateComplete;
    expect(picked).to.deep.equal(chunk.slice(0, 10).map((s) => s.value));
    expect(el.value).to.deep.equal(chunk.slice(0, 10).map((s) => s.value));
    await assertInert(el);
  });

  it('shows naughty private labels and roles inside the reasons literally', async () => {
    const el = await mount();
    const chunk = NAUGHTY_STRINGS.filter((s) => s.value.trim() !== '' && s.value.length < 1000);
    for (let start = 0; start < chunk.length; start += 30) {
      const part = chunk.slice(start, start + 30);
      const accounts: Account[] = part.flatMap((s, i) => [
        { id: `l${start + i}`, name: `Label ${i}`, contracts: [booked(s.value)] },
        { id: `r${start + i}`, name: `Role ${i}`, contracts: [booked('NWF', s.value)] },
      ]);
      await searchWith(el, `labels${start}`, { asOf: ASOF, site: SITE, accounts });
      const byId = new Map(options(el).map((row) => [row.dataset.accountId, row]));
      for (const [i, s] of part.entries()) {
        const label = byId.get(`l${start + i}`)!;
        expect(label.dataset.eligibility).to.equal('label-mismatch');
        // The reason sits beside the option, in its row.
        expect(label.closest('.row')!.textContent, `label ${s.id}`).to.include(s.value.trim());
        const role = byId.get(`r${start + i}`)!;
        expect(role.dataset.eligibility).to.equal('no-active-contract');
      }
      await assertInert(el);
    }
  });

  it('shows a naughty site name and a naughty query literally in the status and the live region', async () => {
    const el = await mount();
    for (const s of NAUGHTY_STRINGS.filter((n) => n.executable)) {
      const outcome = await searchWith(el, s.value, {
        asOf: ASOF,
        site: { ...SITE, name: s.value },
        accounts: [{ id: 'one', name: s.value, portalSyncedAt: '2025-06-01T00:00:00Z', contracts: [booked('NWF')] }],
      });
      expect(outcome.kind).to.equal('complete');
      const live = el.shadowRoot!.querySelector('[role="status"]')!.textContent!;
      expect(live, `live region for ${s.id}`).to.include(s.value);
      // The highlighted name is still exactly the name.
      expect(options(el)[0]!.querySelector('.name')?.textContent ?? options(el)[0]!.textContent).to.include(s.value);
    }
    await assertInert(el);
    // And with no matches, the query is echoed literally in the "no matches" line.
    const payload = NAUGHTY_STRINGS.find((n) => n.id === 'img-onerror')!.value;
    await searchWith(el, payload, { asOf: ASOF, site: SITE, accounts: [] });
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.include(payload);
    await assertInert(el);
  });

  it('runs nothing when the admin picks a hostile account (chip, events)', async () => {
    const el = await mount();
    const hostile = NAUGHTY_STRINGS.find((n) => n.id === 'attr-breakout-tag')!.value;
    await searchWith(el, 'x', { asOf: ASOF, site: SITE, accounts: [{ id: hostile, name: hostile, number: hostile, portalSyncedAt: '2025-06-01T00:00:00Z', contracts: [booked('NWF')] }] });
    await clickOn(options(el)[0]!);
    await el.updateComplete;
    expect(el.value).to.deep.equal([hostile]);
    const chip = el.shadowRoot!.querySelector('[part~="chip"]');
    expect(chip?.textContent).to.include(hostile);
    await assertInert(el);
  });
});
