/**
 * Deterministic search responses for the browser benchmarks: n accounts whose verdicts cycle through
 * every code (mixed reasons), with realistic names, numbers and one to three contracts each.
 */
import type { Account, Contract, SearchResponse } from '../../src/rules/types.js';

export const AS_OF = '2026-01-25T12:00:00.000Z';
const asOf = Date.parse(AS_OF);
const MINUTE = 60_000;

const WORDS = ['Cedar', 'Ridge', 'Summit', 'Lakeview', 'Harbor', 'Granite', 'Prairie', 'Maple', 'Aurora', 'Bluewater', 'Northwind', 'Copper'];
const KINDS = ['Dental', 'Aviation', 'Imaging', 'Logistics', 'Farms', 'Clinic', 'Builders', 'Foods'];

function iso(offsetMinutes: number): string {
  return new Date(asOf + offsetMinutes * MINUTE).toISOString();
}

function contract(i: number, k: number, role: string, status: string, label: string | null, bookedAt: string | null): Contract {
  return { id: `c-${i}-${k}`, number: `LC-${String(100000 + i * 3 + k)}`, role, status, privateLabel: label, bookedAt };
}

/** One account per index; `i % 6` picks the verdict so every size has the same mix. */
export function account(i: number): Account {
  const name = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7 + 3) % WORDS.length]} ${KINDS[i % KINDS.length]} ${i}`;
  const base = { id: `acc-${i}`, number: `A-${String(i).padStart(6, '0')}`, name };
  switch (i % 6) {
    case 0: // linkable: synced after booking
      return { ...base, portalSyncedAt: iso(-60 * 24), contracts: [contract(i, 0, 'customer', 'booked', 'NWF', iso(-60 * 48))] };
    case 1: // already linked
      return { ...base, linkedToUser: true, portalSyncedAt: iso(-600), contracts: [contract(i, 0, 'customer', 'booked', 'NWF', iso(-6000))] };
    case 2: // no active contract
      return {
        ...base,
        contracts: [contract(i, 0, 'customer', 'terminated', 'NWF', iso(-90000)), contract(i, 1, 'vendor', 'booked', 'NWF', iso(-9000))],
      };
    case 3: // label mismatch
      return { ...base, contracts: [contract(i, 0, 'guarantor', 'booked', 'SUMMIT', iso(-9000))] };
    case 4: // pending sync: booked 4 minutes ago
      return { ...base, portalSyncedAt: null, contracts: [contract(i, 0, 'customer', 'booked', 'NWF-AG', iso(-4))] };
    default: // sync overdue: booked 2 hours ago, never synced
      return {
        ...base,
        portalSyncedAt: null,
        contracts: [contract(i, 0, 'customer', 'booked', null, iso(-120)), contract(i, 1, 'broker', 'pending', 'NWF', null)],
      };
  }
}

export function makeResponse(n: number, from = 0, nextCursor: string | null = null): SearchResponse {
  return {
    asOf: AS_OF,
    syncWindowMinutes: 15,
    site: { id: 'northwind', name: 'Northwind Equipment Finance', privateLabels: ['NWF', 'NWF-AG'], includeUnlabeled: true },
    accounts: Array.from({ length: n }, (_, k) => account(from + k)),
    nextCursor,
    total: n,
  };
}
