/**
 * The reference data layer's `PagePosition`: where the next page starts (the sort key of the last row
 * shown) and the count taken on the first page, so later pages don't count again.
 *
 * The handler signs positions into cursors, so one that arrives here came from this data layer; it is
 * still read defensively (a cursor from an older version, a bug), and anything else is refused with
 * `InvalidPagePositionError` rather than turned into SQL.
 */
import type { MatchCount, PagePosition } from '../types.js';
import { WORST_RANK, type SortKey } from './search-sql.js';

/** Longer strings than this never come from a row of ours: a normalized name or an id is far shorter. */
const MAX_KEY_LENGTH = 2000;

/** A position this data layer did not make (or made in a shape it no longer reads). */
export class InvalidPagePositionError extends Error {
  constructor(detail: string) {
    super(`Not a page position of the Postgres account source: ${detail}`);
    this.name = 'InvalidPagePositionError';
  }
}

export interface PositionState {
  after: SortKey;
  total?: MatchCount;
}

/** Plain JSON, short keys: it travels inside every cursor. */
export function encodePosition(state: PositionState): PagePosition {
  const position: { [key: string]: PagePosition } = { r: state.after.rank, n: state.after.name, i: state.after.id };
  if (state.total) position.t = [state.total.count, state.total.exact];
  return position;
}

export function decodePosition(position: PagePosition): PositionState {
  if (typeof position !== 'object' || position === null || Array.isArray(position)) {
    throw new InvalidPagePositionError('not an object');
  }
  const { r, n, i, t } = position;
  if (typeof r !== 'number' || !Number.isInteger(r) || r < 0 || r > WORST_RANK) throw new InvalidPagePositionError('bad rank');
  if (!isKey(n)) throw new InvalidPagePositionError('bad name');
  if (!isKey(i)) throw new InvalidPagePositionError('bad id');
  const state: PositionState = { after: { rank: r, name: n, id: i } };
  if (t !== undefined) {
    if (!Array.isArray(t) || t.length !== 2) throw new InvalidPagePositionError('bad total');
    const [count, exact] = t;
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0 || typeof exact !== 'boolean') {
      throw new InvalidPagePositionError('bad total');
    }
    state.total = { count, exact };
  }
  return state;
}

function isKey(value: PagePosition | undefined): value is string {
  // NUL can't be sent to Postgres as text; no stored key holds one.
  return typeof value === 'string' && value.length <= MAX_KEY_LENGTH && !value.includes('\u0000');
}
