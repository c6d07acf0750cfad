/**
 * `link-account-picker/server/postgres`: the reference data layer for `createSearchHandler`, on
 * PostgreSQL or PGlite. Imports no driver: pass one through `fromPg` or `fromPGlite`.
 */
export { createPostgresSource, DEFAULT_COUNT_CAP, type PostgresSourceOptions } from './source.js';
export { fromPg, fromPGlite, type QueryableLike, type SqlQuery, type SqlRow } from './sql.js';
export { schemaIndexesSql, schemaSql, schemaTablesSql } from './schema.js';
export { seedAccounts, seedLinks, seedSites } from './seed.js';
export { InvalidPagePositionError } from './position.js';
