/**
 * The reference data layer (src/server/postgres/) on a real database: PGlite in-process, and a real
 * PostgreSQL server when TEST_DATABASE_URL is set (test/node/support/databases.ts), each with the
 * reference schema, seeded with the demo's dataset (mocks/data.ts). One database per engine for the
 * whole file: starting PGlite takes seconds.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { STORY_ACCOUNTS, type StoryKey } from '../../mocks/data.js';
import { evaluateAccount } from '../../src/eligibility.js';
import {
  createPostgresSource,
  InvalidPagePositionError,
  schemaSql,
  seedAccounts,
  type SqlQuery,
} from '../../src/server/postgres/index.js';
import { escapeLike, NAME_WINDOW, pageStatement } from '../../src/server/postgres/search-sql.js';
import type { Account, AccountPage, AccountSource, PagePosition, Site } from '../../src/server/types.js';
import { openDemoDatabase, type DemoDatabase } from '../../scripts/endpoint/demo-database.js';
import { describeOnEachDatabase } from './support/databases.js';

describeOnEachDatabase((target) => {
  let db: DemoDatabase;
  let source: AccountSource;
  let northwind: Site;
  /** Every statement the source ran, in order (text and parameters). */
  let statements: { text: string; params: readonly unknown[] }[] = [];

  const signal = new AbortController().signal;

  /** Accounts the dataset lacks, for accents, punctuation and hostile names. */
  const EXTRA: Account[] = [
    { id: 'test-muller', number: 'ACC-0004', name: 'Müller Landtechnik GmbH', portalSyncedAt: null, contracts: [] },
    { id: 'test-obrien', number: 'OBR-7731', name: "O'Brien Hauling & Sons", contracts: [] },
    { id: 'test-percent', number: 'PCT_0100', name: '100% Organic_Farms', contracts: [] },
    { id: 'test-emoji', number: 'EMJ-0001', name: 'Tractor 🚜 Rentals', contracts: [] },
  ];

  before(async () => {
    db = await openDemoDatabase({ databaseUrl: await target.create() });
    await seedAccounts(db.query, EXTRA);
    const recording: SqlQuery = (text, params) => {
      statements.push({ text, params });
      return db.query(text, params);
    };
    source = createPostgresSource({ query: recording });
    northwind = (await source.findSite('northwind', signal))!;
  });
  after(async () => {
    await db.close();
    await target.drop();
  });

  function search(text: string, extra: { user?: string; limit?: number; after?: PagePosition; source?: AccountSource } = {}): Promise<AccountPage> {
    return (extra.source ?? source).searchAccounts({ text, site: northwind, user: extra.user, limit: extra.limit ?? 25, after: extra.after, signal });
  }

  /** Every page of a search, following `next`. */
  async function walk(text: string, limit: number): Promise<Account[]> {
    const all: Account[] = [];
    let after: PagePosition | undefined;
    for (let pages = 0; pages < 1000; pages += 1) {
      const page = await search(text, { limit, after });
      all.push(...page.accounts);
      if (page.next === null) return all;
      after = page.next;
    }
    throw new Error('more than 1000 pages');
  }

  const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);

  describe('the Postgres source: sites', () => {
    it('finds a site with its private labels and whether it shows unlabeled contracts', async () => {
      assert.deepEqual(northwind, { id: 'northwind', name: 'Northwind Equipment Finance', privateLabels: ['NWF', 'NWF-AG'], includeUnlabeled: true });
      assert.deepEqual(await source.findSite('bluewater', signal), { id: 'bluewater', name: 'Bluewater Medical Finance', privateLabels: ['BWMF'], includeUnlabeled: false });
    });

    it('answers null for an unknown site, whatever its id holds', async () => {
      for (const id of ['nope', "'; DROP TABLE sites; --", '%', '']) assert.equal(await source.findSite(id, signal), null);
      assert.ok(await source.findSite('northwind', signal));
    });
  });

  describe('the Postgres source: the facts behind every verdict', () => {
    const keys = Object.keys(STORY_ACCOUNTS) as StoryKey[];
    for (const key of keys) {
      const story = STORY_ACCOUNTS[key];
      it(`${story.name} (${key}) comes back with the facts that make it ${story.expected}`, async () => {
        const page = await search(story.searchFor, { user: 'usr-1001' });
        const found = page.accounts.find((a) => a.id === story.id);
        assert.ok(found, `"${story.searchFor}" did not find ${story.id}`);
        const stored = db.dataset.byId.get(story.id)!.account;
        // The same facts as the dataset: every contract with its role, status, label and booking time.
        assert.deepEqual(
          { ...found, contracts: [...found.contracts].sort(byId) },
          { ...stored, linkedToUser: key === 'alreadyLinked', contracts: [...stored.contracts].sort(byId) },
        );
        assert.equal(evaluateAccount(found, { site: northwind, now: new Date(), syncWindowMinutes: 15 }).code, story.expected);
      });
    }

    it('a sample of generated accounts comes back exactly as the dataset holds them', async () => {
      const sample = db.dataset.records.filter((_, i) => i % 97 === 20).map((r) => r.account);
      assert.ok(sample.length > 20);
      for (const stored of sample) {
        const page = await search(stored.number!, { limit: 1 });
        const found = page.accounts[0]!;
        assert.deepEqual({ ...found, contracts: [...found.contracts].sort(byId) }, { ...stored, contracts: [...stored.contracts].sort(byId) });
      }
    });

    it('sets linkedToUser for the user named, and leaves it out when none is', async () => {
      const linked = await search('Cedar Ridge Dental', { user: 'usr-1001' });
      assert.equal(linked.accounts.find((a) => a.id === STORY_ACCOUNTS.alreadyLinked.id)?.linkedToUser, true);
      const otherUser = await search('Cedar Ridge Dental', { user: 'usr-1004' });
      assert.equal(otherUser.accounts.find((a) => a.id === STORY_ACCOUNTS.alreadyLinked.id)?.linkedToUser, false);
      const noUser = await search('Cedar Ridge Dental');
      assert.equal('linkedToUser' in noUser.accounts[0]!, false);
    });

    it('leaves portalSyncedAt out when the sync is not tracked, and sends null when it never happened', async () => {
      const never = (await search('acc0004')).accounts[0]!;
      assert.equal(never.portalSyncedAt, null);
      const unknown = (await search("O'Brien")).accounts[0]!;
      assert.equal(unknown.id, 'test-obrien');
      assert.equal('portalSyncedAt' in unknown, false);
    });
  });

  describe('the Postgres source: matching and order', () => {
    it('matches names ignoring case and accents, both ways', async () => {
      for (const text of ['muller', 'MÜLLER', 'Müller landtechnik', 'landtech']) {
        assert.ok((await search(text)).accounts.some((a) => a.id === 'test-muller'), text);
      }
      for (const text of ['societe lumiere', 'SOCIÉTÉ', 'equipement fils']) {
        assert.ok((await search(text)).accounts.some((a) => a.id === STORY_ACCOUNTS.accentedName.id), text);
      }
    });

    it('matches numbers ignoring punctuation and case, an exact number first', async () => {
      for (const text of ['acc0004', 'ACC-0004', 'acc 0004', 'Acc.0004', 'acc-00']) {
        assert.equal((await search(text)).accounts[0]?.id, 'test-muller', text);
      }
      assert.equal((await search('HPL-100-245')).accounts[0]?.id, STORY_ACCOUNTS.linkable.id);
      assert.ok((await search('100245')).accounts.some((a) => a.id === STORY_ACCOUNTS.linkable.id), 'digits inside a number');
    });

    it('puts a name that starts with the query before one that only contains it, then orders by name and id', async () => {
      const page = await search('an', { limit: 100 });
      const names = page.accounts.map((a) => a.name.toLowerCase());
      const firstInner = names.findIndex((n) => !n.startsWith('an'));
      assert.ok(firstInner > 0, 'names starting with "an" come first');
      assert.ok(names.slice(firstInner).every((n) => !n.startsWith('an')));
      assert.deepEqual(names.slice(0, firstInner), [...names.slice(0, firstInner)].sort());
    });

    it('serves a 2-character query from word starts only, not from the middle of words', async () => {
      const page = await search('an', { limit: 100 });
      assert.ok(page.accounts.length > 0);
      for (const account of page.accounts) {
        const name = account.name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
        // A word of the name starts with "an", or the account number does (letters typed may be one).
        assert.ok(/(^|[^a-z0-9])an/.test(name) || account.number!.toLowerCase().startsWith('an'), account.name);
      }
      // What a substring match would have found too: plenty of names with "an" inside a word.
      assert.ok(db.dataset.records.filter((r) => /[a-z]an/.test(r.searchName)).length > 100);
    });

    it('requires every word typed', async () => {
      const page = await search('harbor point logistics');
      assert.deepEqual(page.accounts.map((a) => a.id), [STORY_ACCOUNTS.linkable.id]);
      assert.deepEqual((await search('harbor zzzq')).accounts, []);
    });
  });

  describe('the Postgres source: hostile text', () => {
    it('treats LIKE wildcards as text: "%" and "_" match nothing on their own', async () => {
      for (const text of ['%', '%%', '_', '__', '%_%', '\\', '\\%']) {
        assert.deepEqual(await search(text), { accounts: [], next: null, total: { count: 0, exact: true } }, JSON.stringify(text));
      }
      assert.equal((await search('100%')).accounts[0]?.id, 'test-percent');
    });

    it('escapes %, _ and \\ in every LIKE pattern it sends', () => {
      assert.equal(escapeLike('a%b_c\\d'), 'a\\%b\\_c\\\\d');
      const statement = pageStatement({ words: ['50%_off\\'], number: '5_%' }, { limit: 5 });
      const patterns = statement.params.filter((p): p is string => typeof p === 'string' && p.includes('off'));
      assert.ok(patterns.length > 0);
      for (const pattern of patterns) assert.ok(pattern.includes('50\\%\\_off\\\\'), pattern);
      assert.ok(!statement.text.includes('off'), 'the text never holds the query');
    });

    it('survives quotes, SQL, NUL, control characters, emoji and very long text, and keeps the data', async () => {
      const hostile = [
        "'", "''", '"', "'; DROP TABLE accounts; --", "harbor' OR '1'='1", 'harbor\u0000point', '\u0000',
        '\u0007\u001b[31m', '🚜', '🚜 rentals', '\ud800', 'a'.repeat(100_000), 'harbor '.repeat(200), '$1', '::text',
      ];
      for (const text of hostile) {
        const page = await search(text, { limit: 5 });
        assert.ok(Array.isArray(page.accounts), JSON.stringify(text.slice(0, 20)));
      }
      assert.deepEqual((await search('harbor\u0000point')).accounts.map((a) => a.id), [STORY_ACCOUNTS.linkable.id]);
      assert.deepEqual((await search('🚜 rentals')).accounts.map((a) => a.id), ['test-emoji']);
      assert.deepEqual((await search("o'brien")).accounts.map((a) => a.id), ['test-obrien']);
      const [{ count }] = (await db.query('SELECT count(*)::int AS count FROM accounts', [])) as [{ count: number }];
      assert.equal(count, db.dataset.records.length + EXTRA.length);
    });
  });

  describe('the Postgres source: paging', () => {
    it('walks every match exactly once, in the order of one big page', async () => {
      const whole = (await search('an', { limit: 1000 })).accounts.map((a) => a.id);
      const walked = (await walk('an', 3)).map((a) => a.id);
      assert.deepEqual(walked, whole);
    });

    it(`reads common words through a window of the name order (${NAME_WINDOW} entries), exactly as if it gathered them`, async () => {
      // More accounts than one window holds, first in the name order, a match every 50th: a window of
      // the name order fills a small page, and near the end of the matches it falls back to gathering.
      const filler: Account[] = Array.from({ length: NAME_WINDOW + 1000 }, (_, i) => {
        const n = String(i).padStart(5, '0');
        return { id: `test-window-${n}`, number: `WIN-${n}`, name: i % 50 === 0 ? `Aaaa ${n} Qvxine` : `Aaaa ${n} Pad`, contracts: [] };
      });
      await seedAccounts(db.query, filler);
      try {
        const whole = (await search('qvxine', { limit: 1000 })).accounts.map((a) => a.id);
        assert.equal(whole.length, filler.filter((a) => a.name.includes('Qvxine')).length);
        const walked = (await walk('qvxine', 5)).map((a) => a.id);
        assert.deepEqual(walked, whole);
  
        // The first page of 5 comes from the window alone: the gathering branch never runs.
        const statement = pageStatement({ words: ['qvxine'], number: '' }, { limit: 5 });
        const plan = (await db.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ${statement.text}`, statement.params))
          .map((row) => String(Object.values(row)[0]));
        // It reads the name order only as far as the page's matches: 6 matches, one entry in 50.
        const read = plan.map((line) => /Index (?:Only )?Scan using accounts_search_name_order .*\(actual rows=(\d+)/.exec(line)?.[1]).filter(Boolean).map(Number);
        assert.ok(Math.max(...read) >= 250 && Math.max(...read) < NAME_WINDOW, plan.join('\n'));
        const gather = plan.findIndex((line) => line.includes('One-Time Filter: (NOT'));
        const gatherScan = plan.slice(gather).find((line) => /Scan on accounts /.test(line));
        assert.match(gatherScan ?? '', /\(never executed\)/, plan.join('\n'));
      } finally {
        await db.query("DELETE FROM accounts WHERE id LIKE 'test-window-%'", []);
      }
    });

    it('neither repeats nor skips a row that existed at the first page while rows are inserted between pages', async () => {
      const before = (await search('ro', { limit: 1000 })).accounts.map((a) => a.id);
      assert.ok(before.length > 10);
      const seen: string[] = [];
      let after: PagePosition | undefined;
      let inserted = 0;
      for (let pages = 0; pages < 200; pages += 1) {
        const page = await search('ro', { limit: 4, after });
        seen.push(...page.accounts.map((a) => a.id));
        // New matches that sort before, among and after the rows already shown.
        inserted += 1;
        await seedAccounts(db.query, [
          { id: `test-insert-a${inserted}`, number: `INS-A${inserted}`, name: `Aaa Ro Insert ${inserted}`, contracts: [] },
          { id: `test-insert-m${inserted}`, number: `INS-M${inserted}`, name: `Robin Insert ${inserted}`, contracts: [] },
          { id: `test-insert-z${inserted}`, number: `INS-Z${inserted}`, name: `Zzz Ro Insert ${inserted}`, contracts: [] },
        ]);
        if (page.next === null) break;
        after = page.next;
      }
      assert.equal(new Set(seen).size, seen.length, 'no id twice');
      const missing = before.filter((id) => !seen.includes(id));
      assert.deepEqual(missing, [], 'every row of the first page\'s moment');
      await db.query("DELETE FROM accounts WHERE id LIKE 'test-insert-%'", []);
    });

    it('counts up to the cap, then says "at least", and carries the first page\'s count to the next', async () => {
      const capped = createPostgresSource({ query: db.query, countCap: 3 });
      const first = await search('an', { limit: 2, source: capped });
      assert.deepEqual(first.total, { count: 3, exact: false });
      const second = await search('an', { limit: 2, source: capped, after: first.next! });
      assert.deepEqual(second.total, { count: 3, exact: false });
      const exact = await search('harbor point', { limit: 2 });
      assert.deepEqual(exact.total, { count: 1, exact: true });
      assert.equal(exact.next, null);
    });

    it('fetches a page\'s contracts in one statement, whatever the page size', async () => {
      for (const limit of [1, 5, 10]) {
        statements = [];
        const page = await search('an', { limit });
        assert.equal(page.accounts.length, limit);
        // Normalize, page, count, contracts: four statements, never one per account.
        assert.equal(statements.length, 4, `limit ${limit}`);
        statements = [];
        await search('an', { limit, after: page.next! });
        assert.equal(statements.length, 3, 'later pages reuse the count');
      }
    });

    it('honours the limit, and refuses one that is not a positive integer', async () => {
      assert.equal((await search('an', { limit: 1 })).accounts.length, 1);
      for (const limit of [0, -1, 1.5, Number.NaN]) {
        await assert.rejects(search('an', { limit }), RangeError, String(limit));
      }
    });

    it('refuses a position it did not make, before any statement runs', async () => {
      const hostile: PagePosition[] = [
        'abc', 42, null as unknown as PagePosition, [], {}, { r: 2, n: 'x' }, { r: -1, n: 'x', i: 'y' }, { r: 99, n: 'x', i: 'y' },
        { r: 1.5, n: 'x', i: 'y' }, { r: 2, n: 5, i: 'y' }, { r: 2, n: 'x', i: ['y'] }, { r: 2, n: 'x\u0000', i: 'y' },
        { r: 2, n: 'x'.repeat(5000), i: 'y' }, { r: 2, n: 'x', i: 'y', t: [5] }, { r: 2, n: 'x', i: 'y', t: [-1, true] },
        { r: 2, n: 'x', i: 'y', t: [1, 'yes'] }, { r: "0); DROP TABLE accounts; --", n: 'x', i: 'y' },
      ];
      for (const position of hostile) {
        if (position === null) continue; // null means "first page"
        statements = [];
        await assert.rejects(search('an', { after: position }), InvalidPagePositionError, JSON.stringify(position));
        assert.equal(statements.length, 0);
      }
      // A well-formed position past every row: an empty last page.
      assert.deepEqual((await search('an', { after: { r: 4, n: '\uffff', i: '\uffff' } })).accounts, []);
    });
  });

  describe('the Postgres source: cancellation', () => {
    it('runs nothing once the signal is aborted', async () => {
      const controller = new AbortController();
      controller.abort(new Error('client gone'));
      statements = [];
      await assert.rejects(source.searchAccounts({ text: 'an', site: northwind, limit: 5, signal: controller.signal }), /client gone/);
      await assert.rejects(source.findSite('northwind', controller.signal), /client gone/);
      assert.equal(statements.length, 0);
    });

    it('stops before the next statement when aborted between two', async () => {
      const controller = new AbortController();
      let ran = 0;
      const aborting = createPostgresSource({
        query: async (text, params) => {
          ran += 1;
          const rows = await db.query(text, params);
          controller.abort(new Error('timed out'));
          return rows;
        },
      });
      await assert.rejects(aborting.searchAccounts({ text: 'an', site: northwind, limit: 5, signal: controller.signal }), /timed out/);
      assert.equal(ran, 1);
    });
  });

  describe('the Postgres schema', () => {
    it('ships schema.sql with the same text as schemaSql (npm run schema:sql rewrites it)', () => {
      assert.equal(readFileSync(new URL('../../src/server/postgres/schema.sql', import.meta.url), 'utf8'), schemaSql);
    });

    it('can run again on a database that has it, changing nothing', async () => {
      const [{ count: before }] = (await db.query('SELECT count(*)::int AS count FROM accounts', [])) as [{ count: number }];
      await db.exec(schemaSql);
      const [{ count: afterCount }] = (await db.query('SELECT count(*)::int AS count FROM accounts', [])) as [{ count: number }];
      assert.equal(afterCount, before);
    });
  });
});
