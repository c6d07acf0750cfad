/**
 * The server keeps the last word. The picker's verdicts guide the admin, but the form post that
 * follows (or any crafted request) can carry any account id: before linking, the host's server loads
 * each submitted account from its OWN data and runs the same rules on it, refusing an ineligible one
 * with its reason.
 *
 * A plain Node handler (node:http), for the form in the README:
 *   <form method="post" action="/portal-users/u-2041/accounts">
 *     <link-account-picker name="accountIds" multiple …></link-account-picker>
 *
 * Adapt the three callbacks to your data layer; the rules come from the package, with no DOM:
 *   import { evaluateAccount } from 'link-account-picker/eligibility';
 * Tested by test/node/server-recheck.test.ts.
 */
import { evaluateAccount } from 'link-account-picker/eligibility';

/** The rules' codes, in words for the API's callers (the picker words them for admins itself). */
const REASONS = {
  'already-linked': 'This account is already linked to the user.',
  'no-active-contract': 'Not a customer or guarantor on any active (booked) contract.',
  'label-mismatch': "Its active contracts carry private labels this site doesn't include.",
  'pending-sync': 'Booked recently and not yet synced to the portal: try again in a few minutes.',
  'sync-overdue': 'Booked long ago but still not synced to the portal: contact support.',
};

/**
 * @param {object} deps
 * @param {(userId: string) => Promise<import('link-account-picker/eligibility').Site | undefined>} deps.loadSite
 *   The portal site of the user being edited (its private labels), from your data.
 * @param {(ids: string[], userId: string) => Promise<import('link-account-picker/eligibility').Account[]>} deps.loadAccounts
 *   The accounts with their contracts, portalSyncedAt and linkedToUser (for that user), from your data:
 *   never from the request.
 * @param {(userId: string, ids: string[]) => Promise<void>} deps.link  Links them, all or none.
 * @param {() => Date} [deps.now]  Your server's clock.
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createLinkHandler({ loadSite, loadAccounts, link, now = () => new Date() }) {
  return async function handleLink(req, res) {
    const match = /^\/portal-users\/([^/]+)\/accounts$/.exec(new URL(req.url ?? '/', 'http://host').pathname);
    if (req.method !== 'POST' || !match) return send(res, 404, { error: 'not-found' });
    const userId = decodeURIComponent(match[1]);

    // What the form posted: one `accountIds` per selected account (the picker's `name`).
    const form = new URLSearchParams(await readBody(req));
    const ids = [...new Set(form.getAll('accountIds').map((id) => id.trim()).filter(Boolean))];
    if (ids.length === 0) return send(res, 400, { error: 'no-accounts', message: 'Select at least one account.' });

    const site = await loadSite(userId);
    if (!site) return send(res, 404, { error: 'unknown-user', message: `No portal user "${userId}".` });
    const accounts = new Map((await loadAccounts(ids, userId)).map((account) => [account.id, account]));

    const refused = [];
    for (const id of ids) {
      const account = accounts.get(id);
      if (!account) {
        refused.push({ id, code: 'unknown-account', reason: 'No such account.' });
        continue;
      }
      const verdict = evaluateAccount(account, { site, now: now() });
      if (!verdict.linkable) refused.push({ id, code: verdict.code, reason: REASONS[verdict.code] ?? verdict.code });
    }
    if (refused.length > 0) {
      return send(res, 422, { error: 'not-linkable', message: 'Some accounts cannot be linked; nothing was linked.', refused });
    }
    await link(userId, ids);
    return send(res, 200, { linked: ids });
  };
}

function send(res, status, body) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** The request body as text, refusing anything over 64 KB (a form of ids is far smaller). */
async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 65_536) throw new Error('Request body too large');
  }
  return body;
}
