/**
 * examples/server-recheck.mjs over real HTTP: the server re-checks eligibility on submitted ids with
 * link-account-picker/eligibility, refuses an ineligible or unknown one with its reason, and links
 * a linkable one.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Account, Site } from '../../src/rules/types.js';
// @ts-expect-error a plain-JS example, typed by its JSDoc only.
import { createLinkHandler } from '../../examples/server-recheck.mjs';

const NOW = new Date('2026-11-30T12:00:00Z');
const site: Site = { id: 'northwind', privateLabels: ['NWF'], includeUnlabeled: true };
const booked = { role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: '2026-10-01T09:00:00Z' };
const accounts: Account[] = [
  { id: 'acc-linkable', name: 'Harbor Point Logistics', portalSyncedAt: '2026-10-01T09:10:00Z', contracts: [{ id: 'c1', ...booked }] },
  { id: 'acc-terminated', name: 'Cedar Ridge Dental', portalSyncedAt: '2026-01-01T00:00:00Z', contracts: [{ id: 'c2', ...booked, status: 'terminated' }] },
  { id: 'acc-summit', name: 'Summit Peak Aviation', portalSyncedAt: '2026-10-01T09:10:00Z', contracts: [{ id: 'c3', ...booked, privateLabel: 'SUMMIT' }] },
];

describe('examples/server-recheck.mjs: the server keeps the last word', () => {
  let server: Server;
  let url: string;
  let links: [string, string[]][];

  before(async () => {
    const handler = createLinkHandler({
      loadSite: async (userId: string) => (userId === 'u-2041' ? site : undefined),
      loadAccounts: async (ids: string[]) => accounts.filter((a) => ids.includes(a.id)).map((a) => ({ ...a, linkedToUser: false })),
      link: async (userId: string, ids: string[]) => void links.push([userId, ids]),
      now: () => NOW,
    });
    server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/portal-users/u-2041/accounts`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    links = [];
  });

  /** Posts the form as a browser would: one accountIds field per selected account. */
  async function post(...ids: string[]) {
    const body = new URLSearchParams(ids.map((id) => ['accountIds', id]));
    const response = await fetch(url, { method: 'POST', body });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('links a linkable account', async () => {
    assert.deepEqual(await post('acc-linkable'), { status: 200, body: { linked: ['acc-linkable'] } });
    assert.deepEqual(links, [['u-2041', ['acc-linkable']]]);
  });

  it('refuses an ineligible id with its reason, and links nothing of the request', async () => {
    const { status, body } = await post('acc-linkable', 'acc-terminated', 'acc-summit');
    assert.equal(status, 422);
    assert.deepEqual(body.refused, [
      { id: 'acc-terminated', code: 'no-active-contract', reason: 'Not a customer or guarantor on any active (booked) contract.' },
      { id: 'acc-summit', code: 'label-mismatch', reason: "Its active contracts carry private labels this site doesn't include." },
    ]);
    assert.deepEqual(links, []);
  });

  it('refuses an id the picker never offered (a crafted request)', async () => {
    const { status, body } = await post('acc-does-not-exist');
    assert.equal(status, 422);
    assert.deepEqual(body.refused, [{ id: 'acc-does-not-exist', code: 'unknown-account', reason: 'No such account.' }]);
    assert.deepEqual(links, []);
  });

  it('refuses an empty selection', async () => {
    assert.equal((await post()).status, 400);
  });
});
