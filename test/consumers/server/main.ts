// A Node server (NodeNext resolution, Node's types, no DOM lib): link-account-picker/server and
// /server/node type-check with the web globals Node itself declares.
import { createServer } from 'node:http';
import { createSearchHandler, type AccountSource, type SearchHandler } from 'link-account-picker/server';
import { toNodeListener } from 'link-account-picker/server/node';

const source: AccountSource = {
  findSite: async (id) => (id === 'northwind' ? { id, privateLabels: ['NWF'] } : null),
  searchAccounts: async ({ text, limit, after }) => ({ accounts: [{ id: `${text}-${limit}`, name: 'A', contracts: [] }], next: after ?? null, total: { count: 1, exact: true } }),
};
const handler: SearchHandler = createSearchHandler({
  source,
  cursorSecret: 'a-secret-of-at-least-thirty-two-bytes!!',
  policy: { authorize: (request, { site }) => (request.headers.has('authorization') && site ? { allow: true } : { allow: false, status: 401 }) },
});
createServer(toNodeListener(handler));

// @ts-expect-error a refusal's status is 401 or 403.
createSearchHandler({ source, cursorSecret: '', policy: { authorize: () => ({ allow: false, status: 500 }) } });
