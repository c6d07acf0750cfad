// `npm run schema:sql`: writes src/server/postgres/schema.sql from schemaSql (schema.ts is the source),
// for migration tools that take a .sql file. test/node/postgres-schema.test.ts fails when they differ.
import { writeFileSync } from 'node:fs';
import { schemaSql } from '../src/server/postgres/schema.js';

writeFileSync(new URL('../src/server/postgres/schema.sql', import.meta.url), schemaSql);
console.log('Wrote src/server/postgres/schema.sql');
