/**
 * The one thing the reference data layer asks of a database driver: run one parameterized statement
 * and give its rows. Two thin adapters fit the usual drivers; both are duck-typed, so this package
 * never imports a driver (and no browser bundle can carry one).
 */

/** One row, by column name. */
export type SqlRow = Record<string, unknown>;

/**
 * Runs one statement with positional parameters (`$1`, `$2`…) and resolves with its rows. Values are
 * sent as parameters, never spliced into the text.
 */
export type SqlQuery = (sql: string, params: readonly unknown[]) => Promise<SqlRow[]>;

/** What both PGlite and node-postgres offer: `query(text, values)` resolving with `{ rows }`. */
export interface QueryableLike {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * An executor over an in-process PGlite database (`@electric-sql/pglite`), created with the `pg_trgm`
 * and `unaccent` extensions. PGlite runs one statement at a time and can't stop one that has
 * started: the data layer checks its `signal` before each statement instead.
 *
 * @example
 * ```ts
 * const db = await PGlite.create({ extensions: { pg_trgm, unaccent } });
 * await db.exec(schemaSql);
 * const source = createPostgresSource({ query: fromPGlite(db) });
 * ```
 */
export function fromPGlite(db: QueryableLike): SqlQuery {
  return rowsOf(db);
}

/**
 * An executor over node-postgres (`pg`): a `Pool` (the usual choice: each statement borrows a
 * connection) or one connected `Client`.
 *
 * @example
 * ```ts
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, statement_timeout: 5000 });
 * const source = createPostgresSource({ query: fromPg(pool) });
 * ```
 */
export function fromPg(poolOrClient: QueryableLike): SqlQuery {
  return rowsOf(poolOrClient);
}

// The two drivers answer alike for what the data layer reads (text, int, boolean: no timestamps or
// bigints cross this line, see lap_iso), so one adapter body serves both; two names keep the call
// sites saying which driver they use, and leave room for a driver-specific difference later.
function rowsOf(db: QueryableLike): SqlQuery {
  return async (sql, params) => (await db.query(sql, [...params])).rows as SqlRow[];
}
