/**
 * Loading wire-shaped data (`Site`, `Account` with its contracts, user links) into the reference
 * schema: for demos, tests, and a first import. Each call is a handful of set-based INSERTs over
 * arrays (`unnest`), however many rows: no statement per row, and every value a parameter.
 */
import type { Account, Site } from '../types.js';
import type { SqlQuery } from './sql.js';

/** Adds or updates sites and replaces their private labels. */
export async function seedSites(query: SqlQuery, sites: readonly Site[]): Promise<void> {
  if (sites.length === 0) return;
  await query(
    `INSERT INTO sites (id, name, include_unlabeled)
SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[])
ON CONFLICT (id) DO UPDATE SET name = excluded.name, include_unlabeled = excluded.include_unlabeled`,
    [sites.map((s) => s.id), sites.map((s) => s.name ?? null), sites.map((s) => s.includeUnlabeled === true)],
  );
  await query('DELETE FROM site_private_labels WHERE site_id = ANY($1::text[])', [sites.map((s) => s.id)]);
  const pairs = sites.flatMap((s) => (Array.isArray(s.privateLabels) ? s.privateLabels : []).map((label) => [s.id, label] as const));
  if (pairs.length === 0) return;
  await query(
    `INSERT INTO site_private_labels (site_id, private_label)
SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [pairs.map(([site]) => site), pairs.map(([, label]) => label)],
  );
}

/**
 * Adds accounts with their contracts and roles. A contract shared by several accounts (a customer and
 * its guarantor) is stored once, with one party row per account. An invalid `portalSyncedAt` is
 * stored as unknown, as the picker would read it.
 */
export async function seedAccounts(query: SqlQuery, accounts: readonly Account[]): Promise<void> {
  if (accounts.length === 0) return;
  await query(
    `INSERT INTO accounts (id, number, name, portal_synced_at, portal_sync_known)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::boolean[])`,
    [
      accounts.map((a) => a.id),
      accounts.map((a) => a.number ?? null),
      accounts.map((a) => a.name),
      accounts.map((a) => (validTime(a.portalSyncedAt) ? a.portalSyncedAt : null)),
      accounts.map((a) => a.portalSyncedAt === null || validTime(a.portalSyncedAt)),
    ],
  );
  const parties = accounts.flatMap((a) => (Array.isArray(a.contracts) ? a.contracts : []).map((c) => ({ account: a.id, c })));
  if (parties.length === 0) return;
  await query(
    `INSERT INTO contracts (id, number, status, private_label, booked_at)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[])
ON CONFLICT (id) DO NOTHING`,
    [
      parties.map((p) => p.c.id),
      parties.map((p) => p.c.number ?? null),
      parties.map((p) => p.c.status),
      parties.map((p) => p.c.privateLabel ?? null),
      parties.map((p) => (validTime(p.c.bookedAt) ? p.c.bookedAt : null)),
    ],
  );
  await query(
    `INSERT INTO contract_parties (contract_id, account_id, role)
SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
    [parties.map((p) => p.c.id), parties.map((p) => p.account), parties.map((p) => p.c.role)],
  );
}

/** Links portal users to accounts: `user id → account ids`. */
export async function seedLinks(query: SqlQuery, links: ReadonlyMap<string, Iterable<string>>): Promise<void> {
  const pairs = [...links].flatMap(([user, ids]) => [...ids].map((id) => [user, id] as const));
  if (pairs.length === 0) return;
  await query(
    `INSERT INTO portal_user_links (user_id, account_id)
SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [pairs.map(([user]) => user), pairs.map(([, id]) => id)],
  );
}

function validTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}
