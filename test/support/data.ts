/**
 * Accounts and response bodies the tests search: one account per verdict matching "acme" (the element
 * tests), and three "harbor" accounts answered by a recording `searchAccounts` (the framework and
 * localization tests, which need no network).
 */
import type { Account, Contract, SearchRequest, SearchResponse } from '../../src/link-account-picker.js';

export const SITE = { id: 'nwf', name: 'Northwind Finance', privateLabels: ['NWF', 'NWF-EQ'], includeUnlabeled: true };

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The moment the test page loaded: every `iso()` offset counts from it. */
export const AS_OF = new Date();

export function iso(offsetMs: number, from: Date = AS_OF): string {
  return new Date(from.getTime() + offsetMs).toISOString();
}

export function contract(partial: Partial<Contract> = {}): Contract {
  return {
    id: partial.id ?? `c-${Math.random().toString(36).slice(2, 8)}`,
    number: '001-0123456-000',
    role: 'customer',
    status: 'booked',
    privateLabel: 'NWF',
    bookedAt: iso(-30 * DAY),
    ...partial,
  };
}

/** One account per verdict, all matching "acme". */
export const accounts = {
  linkable: {
    id: 'a-linkable',
    number: 'ACM000101',
    name: 'Acme Leasing Ltd',
    portalSyncedAt: iso(-20 * DAY),
    contracts: [contract({ id: 'c1' }), contract({ id: 'c2', role: 'Guarantor' })],
  },
  linked: {
    id: 'a-linked',
    number: 'ACM000102',
    name: 'Acme Holdings',
    linkedToUser: true,
    contracts: [contract({ id: 'c3' })],
  },
  noActive: {
    id: 'a-terminated',
    number: 'ACM000103',
    name: 'Acme Old Co',
    contracts: [
      contract({ id: 'c4', status: 'terminated' }),
      contract({ id: 'c5', status: 'pending' }),
      contract({ id: 'c6', role: 'Vendor' }),
    ],
  },
  label: {
    id: 'a-label',
    number: 'ACM000104',
    name: 'Acme Summit Partners',
    contracts: [contract({ id: 'c7', privateLabel: 'SUMMIT' })],
  },
  pending: {
    id: 'a-pending',
    number: 'ACM000105',
    name: 'Acme New Business',
    portalSyncedAt: null,
    contracts: [contract({ id: 'c8', bookedAt: iso(-3 * MINUTE) })],
  },
  overdue: {
    id: 'a-overdue',
    number: 'ACM000106',
    name: 'Ácme Stuck Inc',
    portalSyncedAt: null,
    contracts: [contract({ id: 'c9', bookedAt: iso(-3 * HOUR) })],
  },
} satisfies Record<string, Account>;

/** A search response for `SITE` listing `list` (which may hold malformed accounts on purpose). */
export function body(list: unknown[], extra: Partial<SearchResponse> = {}): SearchResponse {
  return { asOf: new Date().toISOString(), syncWindowMinutes: 15, site: SITE, accounts: list as Account[], ...extra };
}

/** Three accounts matching "harbor": one linkable, one under another site's label, one waiting for the sync. */
export function harborResponse(now = Date.now()): SearchResponse {
  const ago = (ms: number) => new Date(now - ms).toISOString();
  /** One booked contract, booked `bookedAgo` ms before `now`. */
  const booked = (id: string, role: string, privateLabel: string, bookedAgo: number): Contract => ({ id, role, status: 'booked', privateLabel, bookedAt: ago(bookedAgo) });
  return {
    asOf: new Date(now).toISOString(),
    syncWindowMinutes: 15,
    site: { id: 'northwind', name: 'Northwind Equipment Finance', privateLabels: ['NWF'], includeUnlabeled: true },
    accounts: [
      { id: 'acc-linkable', number: 'C4471902A', name: 'Harbor Freight Logistics LLC', portalSyncedAt: ago(48 * HOUR), contracts: [booked('ct-1', 'customer', 'NWF', 49 * HOUR)] },
      { id: 'acc-label', number: 'C9021334M', name: 'Harbor Point Quarry Co.', portalSyncedAt: ago(48 * HOUR), contracts: [booked('ct-2', 'customer', 'SUMMIT', 49 * HOUR)] },
      { id: 'acc-pending', name: 'Harbor Lights Dental', portalSyncedAt: null, contracts: [booked('ct-3', 'guarantor', 'NWF', 5 * MINUTE)] },
    ],
    nextCursor: null,
    total: 3,
  };
}

/** A `searchAccounts` answering `harborResponse()` that records what the picker asked for. */
export function recordingSearch(): { search: (request: SearchRequest) => Promise<SearchResponse>; requests: SearchRequest[] } {
  const requests: SearchRequest[] = [];
  return {
    requests,
    search: (request) => {
      requests.push(request);
      return Promise.resolve(harborResponse());
    },
  };
}

/** `count` linkable accounts named "<prefix> 001", "<prefix> 002", … (long lists, paging). */
export function linkableAccounts(count: number, prefix = 'Acme Branch'): Account[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      id: `${prefix.toLowerCase().replace(/\W+/g, '-')}-${n}`,
      number: `ACB${n}`,
      name: `${prefix} ${n}`,
      portalSyncedAt: iso(-20 * 24 * 3_600_000),
      contracts: [contract({ id: `c-${prefix}-${n}` })],
    };
  });
}
