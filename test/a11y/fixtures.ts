/** Response bodies for the accessibility tests. */
import { http, HttpResponse } from 'msw';
import type { Account } from '../../src/rules/types.js';
import { body, contract, iso } from '../support/data.js';
import { ENDPOINT } from '../support/msw.js';

/** `count` linkable accounts named "<prefix> 001", "<prefix> 002", … */
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

/** One page of `size` out of `all`, with a cursor to the next while there is one. */
export function pagedHandler(all: Account[], size: number) {
  return http.get(ENDPOINT, ({ request }) => {
    const cursor = Number(new URL(request.url).searchParams.get('cursor') ?? '0');
    const next = cursor + size;
    return HttpResponse.json(
      body(all.slice(cursor, next), { nextCursor: next < all.length ? String(next) : null, total: all.length }),
    );
  });
}
