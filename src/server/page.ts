/**
 * What the data layer hands back, checked before any of it reaches a client: a site and a page of the
 * shape `types.ts` promises. A data layer that breaks it has a bug; the handler answers 500 and logs
 * which rule broke (`DataLayerError`), rather than sending the picker a body it would reject or a
 * page that silently ends the search.
 */
import type { Account, MatchCount, PagePosition, Site } from './types.js';

/** A data layer (or policy) answered something its type does not allow. The message is for the log only. */
export class DataLayerError extends Error {
  override name = 'DataLayerError';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The site as sent to the client: its four public fields only, whatever else the data layer's object holds. */
export function checkSite(site: unknown, requested: string): Site {
  if (!isObject(site)) throw new DataLayerError(`findSite("${requested}") returned ${site === undefined ? 'undefined' : typeof site}, not a site or null.`);
  if (!isNonEmptyString(site.id)) throw new DataLayerError(`findSite("${requested}") returned a site with no id.`);
  const labels = site.privateLabels;
  if (!Array.isArray(labels) || !labels.every((label) => typeof label === 'string')) {
    throw new DataLayerError(`findSite("${requested}") returned a site whose privateLabels is not a list of strings.`);
  }
  const checked: Site = { id: site.id, privateLabels: [...labels] };
  if (typeof site.name === 'string') checked.name = site.name;
  if (typeof site.includeUnlabeled === 'boolean') checked.includeUnlabeled = site.includeUnlabeled;
  return checked;
}

function checkCount(total: unknown): MatchCount | undefined {
  if (total === undefined) return undefined;
  if (!isObject(total) || !Number.isSafeInteger(total.count) || (total.count as number) < 0 || typeof total.exact !== 'boolean') {
    throw new DataLayerError('searchAccounts returned a total that is not { count: a whole number ≥ 0, exact: true | false }.');
  }
  return { count: total.count as number, exact: total.exact };
}

/**
 * The page, when it keeps the promises a client relies on: a list of accounts with ids and names,
 * no id twice, no more than `limit`, and an explicit `next` (null on the last page).
 */
export function checkPage(page: unknown, limit: number): { accounts: Account[]; next: PagePosition | null; total?: MatchCount } {
  if (!isObject(page)) throw new DataLayerError('searchAccounts returned no page object.');
  const { accounts, next } = page;
  if (!Array.isArray(accounts)) throw new DataLayerError('searchAccounts returned a page whose accounts is not a list.');
  if (accounts.length > limit) throw new DataLayerError(`searchAccounts returned ${accounts.length} accounts for a limit of ${limit}.`);
  const ids = new Set<string>();
  accounts.forEach((account: unknown, index) => {
    if (!isObject(account) || !isNonEmptyString(account.id) || !isNonEmptyString(account.name)) {
      throw new DataLayerError(`searchAccounts returned accounts[${index}] without a non-empty string id and name.`);
    }
    if (ids.has(account.id)) throw new DataLayerError(`searchAccounts returned the id "${account.id}" twice on one page.`);
    ids.add(account.id);
  });
  // `undefined` is no position: a data layer that forgot `next` would end every search at page one.
  if (next === undefined) throw new DataLayerError('searchAccounts returned a page with no next: give null on the last page.');
  const total = checkCount(page.total);
  return { accounts: accounts as Account[], next: next as PagePosition | null, ...(total ? { total } : {}) };
}
