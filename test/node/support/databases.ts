/**
 * The databases the data-layer tests run on: PGlite in-process always, and a real PostgreSQL server
 * when TEST_DATABASE_URL names one (`bash scripts/ensure-postgres.sh start` prints such a URL; .ci/run
 * sets it). Each test file gets a database of its own on that server, created for it and dropped after,
 * so files running in parallel, or an earlier run's leftovers, can't collide. The URL's role must be
 * able to CREATE DATABASE and CREATE EXTENSION (pg_trgm, unaccent): the script's superuser can.
 */
import { describe, it } from 'node:test';

export interface TestDatabase {
  /** The suite's name, saying which engine it runs on. */
  name: string;
  /** Why this engine is skipped here, or false when it runs. */
  skip: string | false;
  /** A fresh, empty database for one test file: its URL, or undefined for PGlite. */
  create(): Promise<string | undefined>;
  /** Drops what create() made (after the file closed its connections). */
  drop(): Promise<void>;
}

const serverUrl = process.env.TEST_DATABASE_URL;

function pglite(): TestDatabase {
  return { name: 'on PGlite', skip: false, create: async () => undefined, drop: async () => {} };
}

function server(): TestDatabase {
  if (!serverUrl) {
    const skip = 'TEST_DATABASE_URL is not set (bash scripts/ensure-postgres.sh start prints one)';
    return { name: 'on a PostgreSQL server (skipped: TEST_DATABASE_URL is not set)', skip, create: async () => undefined, drop: async () => {} };
  }
  // Letters, digits and underscores only: the name is spliced into CREATE DATABASE (no parameters there).
  const database = `lap_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async <T>(work: (client: import('pg').Client) => Promise<T>): Promise<T> => {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const address = new URL(serverUrl);
  return {
    name: `on the PostgreSQL server at ${address.host}`,
    skip: false,
    async create() {
      await admin((client) => client.query(`CREATE DATABASE ${database}`));
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async drop() {
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    },
  };
}

/** PGlite, then the server (or its skipped placeholder). */
export const TEST_DATABASES: readonly TestDatabase[] = [pglite(), server()];

/**
 * `describe(target.name, body)` for each database; a skipped one is a single skipped test whose name
 * says why, so the runner counts it as skipped rather than passed.
 */
export function describeOnEachDatabase(body: (target: TestDatabase) => void): void {
  for (const target of TEST_DATABASES) {
    if (target.skip) it(target.name, { skip: target.skip }, () => {});
    else describe(target.name, () => body(target));
  }
}
