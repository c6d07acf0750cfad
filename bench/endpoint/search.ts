/**
 * `npm run bench:endpoint`: the reference data layer at a lender's scale. For each size (100k and 1M
 * accounts by default; `-- 100000` for one size), a fresh PGlite is loaded with generated accounts
 * (3 contracts each, made in SQL with generate_series), indexed, and searched through
 * `AccountSource` with a mix of query shapes and a 20-page cursor walk. Prints load and index time,
 * p50/p95 per shape against the goals, and the plan (EXPLAIN ANALYZE) of each shape's page query.
 * Figures only: it never fails on a goal (docs/performance.md keeps the latest run).
 *
 * Not `*.bench.ts`: `npm run bench` (scripts/bench.js) runs those, and a million rows take minutes.
 */
import { faker } from '@faker-js/faker/locale/en';
import { PLACES as MOCK_PLACES, SUFFIXES, TRADES } from '../../mocks/data.js';
import { openPGlite } from '../../scripts/endpoint/demo-database.js';
import { createSearchHandler } from '../../src/server/index.js';
import { createPostgresSource, schemaIndexesSql, schemaTablesSql, type SqlQuery } from '../../src/server/postgres/index.js';
import { normalizeStatement, pageStatement, type NormalizedQuery } from '../../src/server/postgres/search-sql.js';
import type { AccountSource, PagePosition, Site } from '../../src/server/types.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [100_000, 1_000_000];
const ROUNDS = 15;
const WALK_PAGES = 20;
const WALKS = 3;

/** Measured before this data layer (issue #20), PGlite 0.5.17, 1M accounts, lower(name) LIKE '%…%'. */
const BASELINE = {
  load: '38 s',
  indexes: '11 s',
  queries: '"summit peak aviation 12" 4 ms, "acc0004" 9 ms, "harbor point" 36 ms median (117 ms max), "an" 505 ms (sequential scan)',
};

type Shape = '2 characters' | 'a word' | 'a full name' | 'a number fragment' | 'nothing found';
const QUERIES: [Shape, string][] = [
  ['2 characters', 'an'],
  ['2 characters', 'ha'],
  ['2 characters', 'wi'],
  ['a word', 'harbor'],
  ['a word', 'logistics'],
  ['a word', 'excavating'],
  ['a full name', 'summit peak aviation'],
  ['a full name', 'harbor point logistics llc'],
  ['a number fragment', 'acc0004'],
  ['a number fragment', '0012345'],
  ['nothing found', 'zzqxv'],
  ['nothing found', 'quartzberg holdings'],
];
const GOAL_MS: Record<Shape, number> = {
  '2 characters': 100,
  'a word': 25,
  'a full name': 25,
  'a number fragment': 25,
  'nothing found': 25,
};
const WALK_GOAL_MS = 25;

// The demo's words (mocks/data.ts), with a few places the baseline's queries look for, and accents.
const PLACES = [...MOCK_PLACES, 'Harbor Point', 'Summit Peak', 'Lakeshore', 'Société Générale', 'Zürich', 'São Paulo'];
const NUMBER_PREFIXES = ['ACC', 'HPL', 'SPA', 'WFT', 'PWG', 'CRD', 'GFE', 'BHF', 'ICB', 'MVC', 'CLE', 'LSP', 'AIH', 'SLF', 'TCA', 'NWF', 'SCL', 'BWM', 'RBX', 'KTM'];

function surnames(count: number): string[] {
  faker.seed(20261205);
  const names = new Set<string>();
  // faker's list is finite: stop drawing once new names stop coming.
  for (let draws = 0; names.size < count && draws < count * 20; draws += 1) names.add(faker.person.lastName());
  return [...names];
}

/**
 * Accounts, contracts and parties, generated in the database: set-based, seeded, realistic names.
 * Foreign keys go unchecked during the load (`session_replication_role = replica`, as pg_dump's
 * `--disable-triggers` does): the rows are generated consistent, and checking them cost one trigger
 * and two index probes per party row, 3M of them at 1M accounts, most of the load's time.
 */
async function load(query: SqlQuery, count: number): Promise<void> {
  await query('SET session_replication_role = replica', []);
  try {
    await insertRows(query, count);
  } finally {
    await query('SET session_replication_role = DEFAULT', []);
  }
}

async function insertRows(query: SqlQuery, count: number): Promise<void> {
  await query('SELECT setseed(0.42)', []);
  await query(
    `INSERT INTO accounts (id, number, name, portal_synced_at)
SELECT 'acct-' || lpad(i::text, 7, '0'),
  ($4::text[])[1 + (i % array_length($4::text[], 1))] || '-' || lpad(((i::bigint * 7919) % 10000000)::text, 7, '0'),
  CASE WHEN random() < 0.6
    THEN ($1::text[])[1 + floor(random() * array_length($1::text[], 1))::int]
    ELSE ($2::text[])[1 + floor(random() * array_length($2::text[], 1))::int] END
  || ' ' || ($3::text[])[1 + floor(random() * array_length($3::text[], 1))::int]
  || ' ' || ($5::text[])[1 + floor(random() * array_length($5::text[], 1))::int],
  now() - (random() * interval '3 years')
FROM generate_series(1, $6::int) AS i`,
    [surnames(1000), PLACES, TRADES, NUMBER_PREFIXES, SUFFIXES, count],
  );
  await query(
    `INSERT INTO contracts (id, number, status, private_label, booked_at)
SELECT 'ctr-' || i || '-' || k,
  lpad((1 + k)::text, 3, '0') || '-' || lpad(((i::bigint * 3 + k) * 7919317 % 10000000)::text, 7, '0') || '-000',
  (ARRAY['booked', 'booked', 'terminated', 'pending'])[1 + floor(random() * 4)::int],
  (ARRAY['NWF', 'NWF-AG', 'SUMMIT', 'BWMF', NULL, 'CASCADE'])[1 + floor(random() * 6)::int],
  now() - (random() * interval '8 years')
FROM generate_series(1, $1::int) AS i, generate_series(1, 3) AS k`,
    [count],
  );
  await query(
    `INSERT INTO contract_parties (contract_id, account_id, role)
SELECT 'ctr-' || i || '-' || k, 'acct-' || lpad(i::text, 7, '0'),
  (ARRAY['customer', 'customer', 'customer', 'guarantor', 'vendor'])[1 + floor(random() * 5)::int]
FROM generate_series(1, $1::int) AS i, generate_series(1, 3) AS k`,
    [count],
  );
  await query(`INSERT INTO sites (id, name, include_unlabeled) VALUES ('northwind', 'Northwind Equipment Finance', true)`, []);
  await query(`INSERT INTO site_private_labels VALUES ('northwind', 'NWF'), ('northwind', 'NWF-AG')`, []);
  await query(`INSERT INTO portal_user_links SELECT 'usr-1001', id FROM accounts WHERE id LIKE 'acct-00000%'`, []);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (value: number): string => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
const verdict = (p95: number, goal: number): string => (p95 <= goal ? 'MET' : `MISSED BY ${ms(p95 - goal)}`);

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** The plan of a shape's first page: which index serves it, in a few lines. */
async function plan(query: SqlQuery, text: string): Promise<string[]> {
  const [row] = await query(normalizeStatement(text).text, normalizeStatement(text).params);
  const terms: NormalizedQuery = { words: String(row?.name ?? '').split(' ').filter(Boolean), number: String(row?.number ?? '') };
  const statement = pageStatement(terms, { limit: 25, user: 'usr-1001' });
  const rows = await query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement.text}`, statement.params);
  return rows
    .map((r) => String(Object.values(r)[0]))
    .filter((line) => /Scan|Sort|Limit|BitmapOr|Rows Removed/.test(line) && !/SubPlan|InitPlan/.test(line));
}

async function benchSize(count: number): Promise<void> {
  console.log(`\n## ${count.toLocaleString('en')} accounts, ${(count * 3).toLocaleString('en')} contracts (PGlite)\n`);
  const db = await openPGlite();
  await db.exec(schemaTablesSql);
  const loadMs = await timed(() => load(db.query, count));
  const [{ surnames: distinct }] = (await db.query("SELECT count(DISTINCT split_part(name, ' ', 1))::int AS surnames FROM accounts", [])) as [{ surnames: number }];
  const indexMs = await timed(async () => {
    await db.exec(schemaIndexesSql);
    await db.query('ANALYZE', []);
  });
  console.log(`load ${(loadMs / 1000).toFixed(1)} s, indexes + ANALYZE ${(indexMs / 1000).toFixed(1)} s (${distinct} distinct first words in names)`);

  const source: AccountSource = createPostgresSource({ query: db.query });
  const signal = new AbortController().signal;
  const site = (await source.findSite('northwind', signal)) as Site;
  const search = (text: string, after?: PagePosition) => source.searchAccounts({ text, site, user: 'usr-1001', limit: 25, after, signal });

  // The same searches through the handler in-process (parameters, cursor sealing, JSON): its own cost.
  const handler = createSearchHandler({ source, cursorSecret: 'bench-secret-bench-secret-bench-secret!' });
  const viaHandler = async (text: string) => {
    const response = await handler(new Request(`http://bench.test/search?q=${encodeURIComponent(text)}&site=northwind&user=usr-1001&limit=25`));
    if (response.status !== 200) throw new Error(`handler answered ${response.status}`);
    await response.text();
  };

  console.log('\n| shape | query | matches | p50 | p95 | goal (p95) | through the handler: p50 / p95 |\n|---|---|---|---|---|---|---|');
  for (const [shape, text] of QUERIES) {
    const first = await search(text); // warm-up, and the count
    const times: number[] = [];
    const handlerTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      times.push(await timed(() => search(text)));
      handlerTimes.push(await timed(() => viaHandler(text)));
    }
    const total = first.total ? `${first.total.exact ? '' : '≥ '}${first.total.count}` : '?';
    const p95 = percentile(times, 95);
    console.log(`| ${shape} | "${text}" | ${total} | ${ms(percentile(times, 50))} | ${ms(p95)} | ≤ ${GOAL_MS[shape]} ms: ${verdict(p95, GOAL_MS[shape])} | ${ms(percentile(handlerTimes, 50))} / ${ms(percentile(handlerTimes, 95))} |`);
  }

  for (const text of ['logistics', 'an']) {
    const pageTimes: number[] = [];
    for (let walk = 0; walk < WALKS; walk += 1) {
      let after: PagePosition | undefined;
      for (let page = 0; page < WALK_PAGES; page += 1) {
        let next: PagePosition | null = null;
        pageTimes.push(await timed(async () => ({ next } = await search(text, after))));
        if (next === null) break;
        after = next;
      }
    }
    const p95 = percentile(pageTimes, 95);
    console.log(`\ncursor walk, ${WALK_PAGES} pages of 25, "${text}" (${WALKS} walks): p50 ${ms(percentile(pageTimes, 50))}, p95 ${ms(p95)}, max ${ms(Math.max(...pageTimes))} — goal ≤ ${WALK_GOAL_MS} ms per page: ${verdict(p95, WALK_GOAL_MS)}`);
  }

  console.log('\nPlans of the first page (EXPLAIN ANALYZE):');
  for (const [shape, text] of QUERIES.filter((_, i) => i % 3 === 0 || QUERIES[i]![0] === 'a number fragment')) {
    console.log(`\n${shape}, "${text}":`);
    for (const line of await plan(db.query, text)) console.log(`    ${line.trim()}`);
  }
  await db.close();
}

console.log('# Reference search endpoint on PGlite: load, indexes, search latency');
console.log(`\nBaseline (before this data layer, 1M accounts): load ${BASELINE.load}, indexes ${BASELINE.indexes}; ${BASELINE.queries}.`);
for (const size of SIZES) await benchSize(size);
