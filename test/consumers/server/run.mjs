// Runs the packed server entry (dist/server/) in plain Node: one search, one page, one refusal.
import { createSearchHandler } from 'link-account-picker/server';
import { toNodeListener } from 'link-account-picker/server/node';

const handler = createSearchHandler({
  source: {
    findSite: async (id) => (id === 'northwind' ? { id, privateLabels: ['NWF'] } : null),
    searchAccounts: async () => ({ accounts: [{ id: 'a1', name: 'Harbor', contracts: [] }], next: { id: 'a1' }, total: { count: 2, exact: true } }),
  },
  cursorSecret: 'a-secret-of-at-least-thirty-two-bytes!!',
});
const ok = await handler(new Request('http://localhost/search?q=harbor&site=northwind'));
const body = await ok.json();
const refused = await handler(new Request('http://localhost/search?q=harbor'));
if (ok.status !== 200 || body.accounts[0].id !== 'a1' || typeof body.nextCursor !== 'string' || refused.status !== 400 || typeof toNodeListener !== 'function') {
  console.error('server entry: unexpected answer', ok.status, body, refused.status);
  process.exit(1);
}
