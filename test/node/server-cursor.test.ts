/**
 * link-account-picker/server's cursors, through the handler: a search paged to its end over signed
 * cursors, and every cursor that is not this server's, for this search, recently (forged, truncated,
 * tampered, expired, another search's, random text) refused with 400 invalid-cursor, never a page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { createCursorSealer } from '../../src/server/cursor.js';
import { get, harness, type Answer } from './support/server-harness.js';

const SEARCH = { q: 'lake', site: 'northwind', limit: '10', user: 'usr-1001' };

function assertRefused(answer: Answer, says = /search again from the first page/): void {
  assert.equal(answer.status, 400, JSON.stringify(answer.body));
  assert.equal(answer.body.error, 'invalid-cursor');
  assert.equal(answer.body.parameter, 'cursor');
  assert.match(answer.body.message as string, says);
}

/** The first page's cursor of SEARCH, from a fresh harness (the same one runs the next request). */
async function firstCursor(h = harness()): Promise<{ h: ReturnType<typeof harness>; cursor: string }> {
  const first = await get(h.handler, SEARCH);
  assert.equal(typeof first.body.nextCursor, 'string');
  return { h, cursor: first.body.nextCursor as string };
}

describe('server cursors: paging a search to its end', () => {
  it('3 pages of 10, 10 and 8: no id twice, total 28 on each, nextCursor null on the last, the data layer handed back its own position', async () => {
    const h = harness();
    const ids: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null | undefined;
    let pages = 0;
    do {
      const answer = await get(h.handler, cursor ? { ...SEARCH, cursor } : SEARCH);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.total, 28);
      const accounts = answer.body.accounts as { id: string }[];
      sizes.push(accounts.length);
      ids.push(...accounts.map((a) => a.id));
      cursor = answer.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(sizes, [10, 10, 8]);
    assert.equal(cursor, null);
    assert.equal(new Set(ids).size, 28, 'no id repeated across pages');
    // What the data layer said its page ended at is what it got back: the cursor carried it untouched.
    assert.equal(h.source.queries[0]!.after, undefined);
    assert.equal((h.source.queries[1]!.after as { id: string }).id, ids[9]);
    assert.equal((h.source.queries[2]!.after as { id: string }).id, ids[19]);
  });

  it('a cursor is opaque: URL-safe, and it shows neither the query nor the user in plain text', async () => {
    const { cursor } = await firstCursor();
    assert.match(cursor, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    assert.doesNotMatch(cursor, /lake|usr-1001/);
  });

  it('a cursor still works within cursorTtlSeconds, and not after', async () => {
    const h = harness({ cursorTtlSeconds: 600 });
    const { cursor } = await firstCursor(h);
    h.clock.now = new Date(h.clock.now.getTime() + 600_000);
    assert.equal((await get(h.handler, { ...SEARCH, cursor })).status, 200);
    h.clock.now = new Date(h.clock.now.getTime() + 1000);
    assertRefused(await get(h.handler, { ...SEARCH, cursor }), /^cursor has expired: search again from the first page/);
  });
});

describe('server cursors: refused, never a wrong page', () => {
  for (const [what, change] of [
    ['q', { q: 'lakes' }],
    ['q, in case only', { q: 'LAKE' }],
    ['site', { site: 'summit' }],
    ['limit', { limit: '11' }],
    ['user', { user: 'usr-1002' }],
    ['user (left out)', { user: '' }],
  ] as const) {
    it(`another search's cursor (a different ${what}) → 400 naming the search's parameters`, async () => {
      const { h, cursor } = await firstCursor();
      const answer = await get(h.handler, { ...SEARCH, ...change, cursor });
      assertRefused(answer, /^cursor belongs to another search \(a different q, site, limit or user\): search again/);
      assert.equal(h.source.queries.length, 1, 'the data layer was asked only for the first page');
    });
  }

  it('a cursor whose limit was clamped is the clamped search\'s: asking again with the same limit works', async () => {
    const h = harness({ maxLimit: 10 });
    const first = await get(h.handler, { ...SEARCH, limit: '50' });
    const second = await get(h.handler, { ...SEARCH, limit: '50', cursor: first.body.nextCursor as string });
    assert.equal(second.status, 200);
  });

  it('signed with another secret (another deployment, or forged) → 400', async () => {
    const other = harness({ cursorSecret: 'another-secret-that-is-also-32-bytes-long!!' });
    const { cursor } = await firstCursor(other);
    const h = harness();
    assertRefused(await get(h.handler, { ...SEARCH, cursor }), /^cursor is not one this server gave/);
    assert.equal(h.source.queries.length, 0);
  });

  it('truncated anywhere → 400', async () => {
    const { h, cursor } = await firstCursor();
    for (let cut = 1; cut < cursor.length; cut += 7) assertRefused(await get(h.handler, { ...SEARCH, cursor: cursor.slice(0, cut) }));
  });

  it('any one character changed → 400 (payload or MAC)', async () => {
    const { h, cursor } = await firstCursor();
    for (let at = 0; at < cursor.length; at += 5) {
      if (cursor[at] === '.') continue;
      const swapped = cursor[at] === 'A' ? 'B' : 'A';
      assertRefused(await get(h.handler, { ...SEARCH, cursor: cursor.slice(0, at) + swapped + cursor.slice(at + 1) }));
    }
  });

  it('the MAC\'s last character changed only in the bits base64 leaves unused → 400 (one cursor, one spelling)', async () => {
    const { h, cursor } = await firstCursor();
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(cursor.at(-1)!);
    // 32 bytes in 43 characters: the last one carries 4 bits of MAC and 2 unused ones.
    for (let spare = 1; spare < 4; spare++) {
      const twin = cursor.slice(0, -1) + alphabet[(last & ~3) | ((last + spare) & 3)];
      assertRefused(await get(h.handler, { ...SEARCH, cursor: twin }));
    }
  });

  it('a payload edited to move further (or to another search) under the old MAC → 400', async () => {
    const { h, cursor } = await firstCursor();
    const [payload, mac] = cursor.split('.') as [string, string];
    const sealed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    for (const edit of [{ after: { score: 0, name: 'zzz', id: 'zzz' } }, { q: 'other' }, { iat: 9_999_999_999 }]) {
      const edited = Buffer.from(JSON.stringify({ ...sealed, ...edit })).toString('base64url');
      assertRefused(await get(h.handler, { ...SEARCH, cursor: `${edited}.${mac}` }), /^cursor is not one this server gave/);
    }
    assert.equal(h.source.queries.length, 1);
  });

  it('a cursor of a later format version, correctly signed, is refused', async () => {
    const now = () => new Date('2026-11-30T12:00:00Z');
    const sealer = createCursorSealer({ secret: 'a-test-secret-of-at-least-32-bytes-0123456789', ttlSeconds: 60, now, maxLength: 4096 });
    const search = { text: 'lake', site: 'northwind', limit: 10 };
    const good = await sealer.seal(search, { id: 'a' });
    assert.deepEqual(await sealer.open(good, search), { ok: true, after: { id: 'a' } });
    // A v2 payload signed with the same key, as seal() signs: only the version is wrong.
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('a-test-secret-of-at-least-32-bytes-0123456789'), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const payload = Buffer.from(JSON.stringify({ v: 2, q: 'lake', site: 'northwind', limit: 10, user: null, after: { id: 'a' }, iat: 1_796_040_000 })).toString('base64url');
    const mac = Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(payload))).toString('base64url');
    assert.deepEqual(await sealer.open(`${payload}.${mac}`, search), { ok: false, reason: 'malformed', message: 'cursor is not one this server gave: search again from the first page.' });
  });

  it('a data layer position too large for a cursor is an internal error, not a cursor the handler would refuse', async () => {
    const h = harness();
    h.source.override = async () => ({ accounts: [], next: { blob: 'x'.repeat(5000) } });
    const answer = await get(h.handler, SEARCH);
    assert.equal(answer.status, 500);
    assert.match(h.logged[0]!.message, /the search failed/);
    assert.match(String(h.logged[0]!.cause), /cursor of \d+ characters; the handler reads at most 4096/);
  });

  it('property: any string as cursor is never a 200 and never a 500', async () => {
    const h = harness();
    const { cursor: real } = await firstCursor(h);
    const [payload, mac] = real.split('.') as [string, string];
    const cursors = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.base64String({ maxLength: 400 }).map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
      fc.tuple(fc.base64String({ maxLength: 200 }), fc.base64String({ minLength: 40, maxLength: 48 })).map(([a, b]) => `${a}.${b}`.replace(/[+/=]/g, '_')),
      fc.string({ maxLength: 60 }).map((tail) => `${payload}.${mac}${tail}`),
      fc.string({ maxLength: 60 }).map((s) => `${payload}${s}.${mac}`),
      fc.nat({ max: real.length - 1 }).map((n) => real.slice(0, n) + real.slice(n + 1)),
    ).filter((s) => s !== real && s !== '');
    await fc.assert(
      fc.asyncProperty(cursors, async (cursor) => {
        const answer = await get(h.handler, { ...SEARCH, cursor });
        assert.equal(answer.status, 400, `${JSON.stringify(cursor)} → ${answer.status}`);
        assert.equal(answer.body.error, 'invalid-cursor');
      }),
      { numRuns: 300 },
    );
    assert.deepEqual(h.logged, []);
  });
});
