/**
 * The two driver adapters of link-account-picker/server/postgres, duck-typed: anything with
 * `query(text, values) → { rows }` (node-postgres' Pool or Client, PGlite) fits, and no driver is imported.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fromPg, fromPGlite } from '../../src/server/postgres/index.js';

describe('the Postgres adapters', () => {
  for (const [name, adapt] of [['fromPg', fromPg], ['fromPGlite', fromPGlite]] as const) {
    it(`${name} passes the text and a copy of the values, and resolves with the rows`, async () => {
      const calls: [string, unknown[] | undefined][] = [];
      const driver = {
        query: async (text: string, values?: unknown[]) => {
          calls.push([text, values]);
          return { rows: [{ id: 'a' }], rowCount: 1, fields: [] };
        },
      };
      const params = Object.freeze(['x', 1]);
      assert.deepEqual(await adapt(driver)('SELECT $1, $2', params), [{ id: 'a' }]);
      assert.deepEqual(calls, [['SELECT $1, $2', ['x', 1]]]);
      assert.notEqual(calls[0]![1], params, 'a driver may mutate its values array; ours stays as it was');
    });

    it(`${name} lets the driver's error through unchanged`, async () => {
      const failure = new Error('connection refused');
      await assert.rejects(adapt({ query: async () => Promise.reject(failure) })('SELECT 1', []), (e) => e === failure);
    });
  }

  it('the data layer imports no driver', () => {
    for (const file of ['index', 'sql', 'source', 'search-sql', 'schema', 'seed', 'position']) {
      const text = readFileSync(new URL(`../../src/server/postgres/${file}.ts`, import.meta.url), 'utf8');
      assert.doesNotMatch(text, /from ['"](pg|@electric-sql\/pglite)['"/]/, file);
    }
  });
});
