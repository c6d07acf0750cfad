/**
 * fast-check arbitraries for search response bodies: valid ones, malformed accounts, and junk of every
 * shape (wrong types, missing fields, huge strings, deep nesting, non-JSON text). Shared by the parser
 * fuzz tests and the element-level fuzz and race tests.
 */
import fc from 'fast-check';
import type { Account, Contract, SearchResponse } from '../../src/rules/types.js';

export const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Strings that stress a renderer or validator without being valid-looking. */
export const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u202E', '<script>', '${x}', '{{x}}', '__proto__', 'constructor', 'NaN'),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
);

const label = fc.constantFrom('NWF', 'nwf ', 'SUMMIT', 'BWMF', 'CASCADE', '', null, undefined);

export const validContract: fc.Arbitrary<Contract> = fc.record(
  {
    id: fc.string({ minLength: 1, maxLength: 12 }),
    number: fc.string({ maxLength: 12 }),
    role: fc.constantFrom('customer', 'Guarantor ', 'vendor', 'broker', ''),
    status: fc.constantFrom('booked', ' BOOKED', 'terminated', 'pending', 'weird'),
    privateLabel: label,
    bookedAt: fc.oneof(isoDate, fc.constant(null)),
  },
  { requiredKeys: ['id', 'role', 'status'] },
) as fc.Arbitrary<Contract>;

/** A valid account with the given id (ids are assigned by the caller so they stay unique). */
export const validAccountWithoutId = fc.record(
  {
    number: fc.string({ maxLength: 12 }),
    name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
    portalSyncedAt: fc.oneof(isoDate, fc.constant(null)),
    linkedToUser: fc.boolean(),
    contracts: fc.array(validContract, { maxLength: 4 }),
  },
  { requiredKeys: ['name', 'contracts'] },
);

/** Entries the contract calls malformed: not an object, or no non-empty string id or name. */
export const malformedAccount: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, 0, 1, true, 'account', [], [1, 2]),
  fc.record({ name: fc.string({ minLength: 1 }) }),
  fc.record({ id: fc.string({ minLength: 1 }) }),
  fc.record({ id: fc.constantFrom('', '   ', 42, null, {}, []), name: fc.constant('No id') }),
  fc.record({ id: fc.constant('bad-name'), name: fc.constantFrom('', '\t\n', 7, null, false, ['x']) }),
);

/** Non-object bodies, including what a JSON parser would give for non-JSON text read as text. */
export const nonObjectBody = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, NaN, '', '<html>502 Bad Gateway</html>', '{"site":', []),
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.array(fc.anything(), { maxLength: 4 }),
);

/** Builds a body from accounts, with ids made unique and a fixed, valid site. */
export function bodyOf(accounts: unknown[], extra: Partial<SearchResponse> = {}): Record<string, unknown> {
  return {
    asOf: '2026-01-25T12:00:00Z',
    syncWindowMinutes: 15,
    site: { id: 'northwind', name: 'Northwind', privateLabels: ['NWF', 'NWF-AG'], includeUnlabeled: true },
    accounts,
    nextCursor: null,
    ...extra,
  };
}

/** `depth` levels of nested arrays and objects, built iteratively (no recursion limit in the builder). */
export function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
}

/** A list of valid accounts and malformed entries, shuffled, with each valid account's position. */
export const mixedAccounts = fc
  .tuple(fc.array(validAccountWithoutId, { maxLength: 15 }), fc.array(malformedAccount, { maxLength: 8 }), fc.nat())
  .map(([valid, malformed, seed]) => {
    const accounts: Account[] = valid.map((a, i) => ({ id: `acc-${i}`, ...a }) as Account);
    const entries: { entry: unknown; valid: boolean }[] = [
      ...accounts.map((entry) => ({ entry, valid: true })),
      ...malformed.map((entry) => ({ entry, valid: false })),
    ];
    // A seeded Fisher–Yates, so the shrinker can still reduce the inputs.
    let s = seed || 1;
    for (let i = entries.length - 1; i > 0; i -= 1) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      const j = s % (i + 1);
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return entries;
  });

/** Any value in a slot: right-ish types, wrong types, huge strings, deep nesting. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true, withDate: true, withSparseArray: true }) },
  { weight: 2, arbitrary: nastyString },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3000 }).map(deeplyNested) },
  { weight: 1, arbitrary: isoDate },
);

const BODY_KEYS = ['asOf', 'syncWindowMinutes', 'site', 'accounts', 'nextCursor', 'total'] as const;
const SITE_KEYS = ['id', 'name', 'privateLabels', 'includeUnlabeled'] as const;
const ACCOUNT_KEYS = ['id', 'number', 'name', 'portalSyncedAt', 'linkedToUser', 'contracts'] as const;
const CONTRACT_KEYS = ['id', 'number', 'role', 'status', 'privateLabel', 'bookedAt'] as const;

type Mutation = { kind: 'set' | 'delete'; at: 'body' | 'site' | 'account' | 'contract'; key: string; index: number; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  ...(
    [
      ['body', BODY_KEYS],
      ['site', SITE_KEYS],
      ['account', ACCOUNT_KEYS],
      ['contract', CONTRACT_KEYS],
    ] as const
  ).map(([at, keys]) =>
    fc.record({
      kind: fc.constantFrom('set' as const, 'delete' as const),
      at: fc.constant(at),
      key: fc.constantFrom(...keys),
      index: fc.nat(),
      value: anyValue,
    }),
  ),
);

/**
 * A valid body with 1–6 random fields replaced by junk or deleted: wrong types and missing fields at
 * every level of the shape.
 */
export const corruptedBody = fc
  .tuple(fc.array(validAccountWithoutId, { minLength: 1, maxLength: 8 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([accounts, mutations]) => {
    const body = bodyOf(accounts.map((a, i) => ({ id: `acc-${i}`, ...a })));
    for (const m of mutations) {
      let target: Record<string, unknown> | undefined;
      if (m.at === 'body') target = body;
      else if (m.at === 'site') target = asRecord(body.site);
      else {
        const list = Array.isArray(body.accounts) ? body.accounts : [];
        const account = asRecord(list[m.index % Math.max(1, list.length)]);
        if (m.at === 'account') target = account;
        else {
          const contracts = account && Array.isArray(account.contracts) ? account.contracts : [];
          target = asRecord(contracts[m.index % Math.max(1, contracts.length)]);
        }
      }
      if (!target) continue;
      if (m.kind === 'delete') delete target[m.key];
      else target[m.key] = m.value;
    }
    return body;
  });

function asRecord(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}
