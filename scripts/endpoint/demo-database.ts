/**
 * The demo's mock world (mocks/data.ts) in a database: PGlite in-process by default, or the
 * PostgreSQL server at `databaseUrl`, with the reference schema and every site, account, contract
 * and link of the dataset. For `npm run endpoint`, the Node tests and the browser tests' endpoint.
 *
 * The mock accounts' times are relative to an anchor; creating the dataset with `anchor: now` turns
 * them into timestamps at seed time, so "booked 4 minutes ago" is true when the endpoint starts.
 */
import { createDataset, type DatasetOptions, type MockDataset } from '../../mocks/data.js';
import { fromPg, fromPGlite, type SqlQuery } from '../../src/server/postgres/sql.js';
import { schemaSql } from '../../src/server/postgres/schema.js';
import { seedAccounts, seedLinks, seedSites } from '../../src/server/postgres/seed.js';

export interface DemoDatabase {
  query: SqlQuery;
  /** Runs a script of several statements, no parameters (the schema). */
  exec(sql: string): Promise<unknown>;
  dataset: MockDataset;
  /** 'PGlite (in-process)' or the server's address without credentials. */
  description: string;
  close(): Promise<void>;
}

/** A fresh PGlite with the two extensions the schema needs. */
export async function openPGlite(): Promise<{ query: SqlQuery; exec(sql: string): Promise<unknown>; close(): Promise<void> }> {
  const [{ PGlite }, { pg_trgm }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  const db = await PGlite.create({ extensions: { pg_trgm, unaccent } });
  return { query: fromPGlite(db), exec: (sql) => db.exec(sql), close: () => db.close() };
}

export async function openDemoDatabase(options: DatasetOptions & { databaseUrl?: string } = {}): Promise<DemoDatabase> {
  const dataset = createDataset({ anchor: Date.now(), ...options });
  let query: SqlQuery;
  let exec: (sql: string) => Promise<unknown>;
  let close: () => Promise<void>;
  let description: string;
  if (options.databaseUrl) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4 });
    // A server database may hold an earlier run's rows: start from the dataset alone.
    await pool.query(schemaSql);
    await pool.query('TRUNCATE portal_user_links, contract_parties, contracts, accounts, site_private_labels, sites');
    query = fromPg(pool);
    exec = (sql) => pool.query(sql);
    close = () => pool.end();
    const url = new URL(options.databaseUrl);
    description = `PostgreSQL at ${url.host}${url.pathname}`;
  } else {
    const db = await openPGlite();
    await db.exec(schemaSql);
    query = db.query;
    exec = db.exec;
    close = db.close;
    description = 'PGlite (in-process)';
  }
  await seedSites(query, dataset.sites);
  await seedAccounts(query, dataset.records.map((r) => r.account));
  await seedLinks(query, dataset.links);
  await query('ANALYZE', []);
  return { query, exec, dataset, description, close };
}
