/**
 * The search as SQL: which accounts match what the admin typed, how well, and in which order. Pure
 * (builds statement text and parameters; runs nothing), so the rules are readable in one place.
 *
 * The text is normalized by the database itself (`lap_search_name`, `lap_search_number` from the
 * schema) so a query and the stored keys can never be normalized differently; this module then turns
 * the normalized words into LIKE patterns. Every value travels as a parameter (`$n`); only the
 * number of word conditions changes the statement's text.
 */

/** The query as the database normalized it. */
export interface NormalizedQuery {
  /** Words of the name query, accents stripped, lower case ('societe', 'lumiere'). */
  words: string[];
  /** Letters and digits of the query, lower case ('acc0004'). */
  number: string;
}

/** Where a page starts: after this row of the sort order (rank, normalized name, id). */
export interface SortKey {
  rank: number;
  name: string;
  id: string;
}

/**
 * How well an account matches, best first: the first column of the sort order. Each rank is one
 * tier of the page query, ordered by the normalized name and id within it.
 */
export const Rank = {
  /** The account number, exactly ('hpl100245' for "HPL-100245"). */
  numberExact: 0,
  /** The start of the account number, when the query has a digit ('hpl100'). */
  numberPrefix: 1,
  /** The name starts with the whole query ('harbor point' in "Harbor Point Logistics"). */
  namePrefix: 2,
  /** Every word typed is in the name (a word under 3 characters: at the start of a word of it). */
  name: 3,
  /** Letters only that start the account number ('hpl': more likely a name, so after names), or digits inside it. */
  numberOther: 4,
} as const;
export const WORST_RANK = Rank.numberOther;

/**
 * At most this many words take part; more would only narrow the matches further while making the
 * statement longer (a pasted paragraph is not a name).
 */
export const MAX_WORDS = 8;

/** Statement text and its parameters. */
export interface Statement {
  text: string;
  params: unknown[];
}

/** Turns what the admin typed into normalized words and number, in the database. */
export function normalizeStatement(text: string): Statement {
  return {
    text: 'SELECT lap_search_name($1) AS name, lap_search_number($1) AS number',
    // Control characters can't matter to a name or number, and NUL can't even be sent as text.
    params: [text.replace(/\p{Cc}/gu, ' ')],
  };
}

/** Escapes LIKE's own characters so a query matches them literally (the escape character is `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** True when nothing searchable was typed (only punctuation, emoji…): no statement is needed. */
export function isEmptyQuery(query: NormalizedQuery): boolean {
  return query.words.length === 0 && query.number.length === 0;
}

/** Collects parameters and hands out their placeholders. */
class Params {
  readonly #values: unknown[] = [];
  /** A marker for the value (a private-use character no SQL here holds), numbered in `statement()`. */
  add(value: unknown): string {
    this.#values.push(value);
    return `\ue000${this.#values.length - 1}\ue000`;
  }

  /**
   * The statement with its markers as `$1…$n`, numbered in order of use, and only the values it
   * uses: a condition built but left out (a tier a later page skips) must not leave a parameter
   * behind, since Postgres can't type one no statement mentions.
   */
  statement(text: string): Statement {
    const used = new Map<number, string>();
    const params: unknown[] = [];
    const sql = text.replace(/\ue000(\d+)\ue000/g, (_, index: string) => {
      const key = Number(index);
      let placeholder = used.get(key);
      if (!placeholder) {
        params.push(this.#values[key]);
        used.set(key, (placeholder = `$${params.length}`));
      }
      return placeholder;
    });
    return { text: sql, params };
  }
}

/** The conditions of one search, over `accounts a`; 'false' for one that can't hold. */
interface Conditions {
  nameMatch: string;
  numberPrefix: string;
  numberAnywhere: string;
  numberExact: string;
  phrasePrefix: string;
  hasDigit: boolean;
}

function matchConditions(query: NormalizedQuery, params: Params): Conditions {
  const words = query.words.slice(0, MAX_WORDS);
  // A word of 3+ characters matches anywhere in the name, a shorter one only at the start of a word:
  // trigrams can't serve '%an%' (a scan of every name, and half of them would match), but they do
  // serve '% an%', since the stored name begins with a space and so does each word.
  const anywhere = words.map((w) => `a.search_name LIKE ${params.add(w.length >= 3 ? `%${escapeLike(w)}%` : `% ${escapeLike(w)}%`)}`);
  const number = query.number;
  return {
    hasDigit: /\d/.test(number),
    nameMatch: anywhere.length > 0 ? `(${anywhere.join(' AND ')})` : 'false',
    numberPrefix: number.length >= 2 ? `a.search_number LIKE ${params.add(`${escapeLike(number)}%`)}` : 'false',
    numberAnywhere: /\d/.test(number) && number.length >= 3 ? `a.search_number LIKE ${params.add(`%${escapeLike(number)}%`)}` : 'false',
    numberExact: number.length > 0 ? `a.search_number = ${params.add(number)}` : 'false',
    phrasePrefix: words.length > 0 ? `a.search_name LIKE ${params.add(` ${escapeLike(words.join(' '))}%`)}` : 'false',
  };
}

/** Any of the conditions: each is served by an index of its own (the planner ORs their bitmaps). */
function whereClause(c: Conditions): string {
  return [c.nameMatch, c.numberPrefix, c.numberAnywhere].filter((part) => part !== 'false').join(' OR ') || 'false';
}

/**
 * Each rank's condition: what puts an account in this tier and in no better one. "Not" is written
 * `IS NOT TRUE`, since a missing number makes a comparison NULL, not false.
 */
function tierConditions(c: Conditions): string[] {
  const not = (condition: string): string => (condition === 'false' ? 'true' : `(${condition}) IS NOT TRUE`);
  const numberPrefix = c.hasDigit ? c.numberPrefix : 'false';
  const numberOther = [c.hasDigit ? 'false' : c.numberPrefix, c.numberAnywhere].filter((part) => part !== 'false').join(' OR ') || 'false';
  const tiers: [number, string[]][] = [
    [Rank.numberExact, [c.numberExact]],
    [Rank.numberPrefix, [numberPrefix, not(c.numberExact)]],
    [Rank.namePrefix, [c.nameMatch, c.phrasePrefix, not(c.numberExact), not(numberPrefix)]],
    [Rank.name, [c.nameMatch, not(c.phrasePrefix), not(c.numberExact), not(numberPrefix)]],
    [Rank.numberOther, [`(${numberOther})`, not(c.nameMatch), not(c.numberExact), not(numberPrefix)]],
  ];
  // In rank order: index = rank.
  return tiers.map(([, parts]) => (parts.some((part) => part === 'false' || part === '(false)') ? 'false' : parts.filter((p) => p !== 'true').join(' AND ')));
}

/**
 * One page of matches, best first, after `after` (keyset paging: the condition is on the sort key
 * itself, so rows inserted meanwhile can't shift a page, and no row that existed at the first page
 * is repeated or skipped). Asks for `limit + 1` rows: the extra one only says a next page exists.
 *
 * One sub-select per rank, each `ORDER BY search_name, id LIMIT n`, so the outer query merges at
 * most 5 × (limit + 1) rows whatever the number of matches.
 */
export function pageStatement(query: NormalizedQuery, options: { limit: number; after?: SortKey; user?: string }): Statement {
  const params = new Params();
  const conditions = matchConditions(query, params);
  const limit = params.add(options.limit + 1);
  const after = options.after;
  const afterKey = after ? `(a.search_name, a.id) > (${params.add(after.name)}::text COLLATE "C", ${params.add(after.id)}::text)` : '';
  const tiers = tierConditions(conditions)
    .map((condition, rank) => ({ condition, rank }))
    // Ranks before the position's are done; the position's own continues after its key.
    .filter(({ condition, rank }) => condition !== 'false' && (!after || rank >= after.rank))
    .map(({ condition, rank }) => {
      const where = `${condition}${after && rank === after.rank ? ` AND ${afterKey}` : ''}`;
      // The number and name-prefix tiers are bounded by an index range, so walking it in order is
      // safe. The other tiers can't be: left to itself the planner may walk the whole name index in
      // order, expecting a page of matches soon, and read every row when none come ("harbor": every
      // match starts with it, so all sit in the prefix tier and this tier is empty).
      if (rank < Rank.name) {
        return `(SELECT a.id, ${rank} AS rank FROM accounts a
    WHERE ${where}
    ORDER BY a.search_name, a.id LIMIT ${limit}::int)`;
      }
      return rank === Rank.name ? windowedTier(condition, rank, after && rank === after.rank ? afterKey : '', where, limit) : gatheredTier(where, rank, limit);
    });
  const linked = options.user === undefined
    ? 'NULL::boolean'
    : `EXISTS (SELECT 1 FROM portal_user_links l WHERE l.user_id = ${params.add(options.user)} AND l.account_id = a.id)`;
  const matches = tiers.length > 0 ? tiers.join('\n  UNION ALL\n  ') : 'SELECT NULL::text AS id, 0 AS rank WHERE false';
  return params.statement(`WITH page AS (
  ${matches}
)
SELECT a.id, a.number, a.name, a.search_name, p.rank, a.portal_sync_known, lap_iso(a.portal_synced_at) AS portal_synced_at,
  ${linked} AS linked_to_user
FROM page p
JOIN accounts a ON a.id = p.id
ORDER BY p.rank, a.search_name, a.id
LIMIT ${limit}::int`);
}

/**
 * How many entries of the name order a windowed tier reads before it gives up and gathers. A common
 * word ("logistics", ~3 % of names) fills a page within a few hundred entries; a rare one wouldn't
 * fill it in the whole index, and is cheap to gather.
 */
export const NAME_WINDOW = 2000;

/**
 * A tier gathered through the trigram indexes and sorted: cheap when its matches are few. Fenced
 * (OFFSET 0) so the planner can't turn it into an unbounded walk of the name index.
 */
function gatheredTier(where: string, rank: number, limit: string): string {
  return `(SELECT t.id, ${rank} AS rank FROM (SELECT a.id, a.search_name FROM accounts a WHERE ${where} OFFSET 0) t
    ORDER BY t.search_name, t.id LIMIT ${limit}::int)`;
}

/**
 * The name tier, for common words: reads the next NAME_WINDOW entries of the `(search_name, id)`
 * btree in order (after the page position) and keeps the window's matches when they fill the page.
 * Exact, since the window is a prefix of the order: its first matches are the tier's first matches.
 * When they don't fill it (a rare word, or the tier's end), the tier is gathered as before, so either
 * way the work is bounded: a window, or the few matches a rare word has. Both branches are gated by
 * the same uncorrelated count (an InitPlan, evaluated once), so exactly one of them returns rows. The
 * window stops at a page of matches, so a common word reads only the entries that hold its page
 * (~900 for a word in 3 % of names), and only a rare word reads all of it.
 */
function windowedTier(condition: string, rank: number, afterKey: string, where: string, limit: string): string {
  return `(WITH win AS MATERIALIZED (
      SELECT w.id, w.search_name FROM (
        SELECT a.id, a.search_name, (${condition}) AS hit FROM accounts a
        ${afterKey ? `WHERE ${afterKey}` : ''}
        ORDER BY a.search_name, a.id LIMIT ${NAME_WINDOW}) w
      WHERE w.hit ORDER BY w.search_name, w.id LIMIT ${limit}::int),
    filled AS (SELECT count(*) >= ${limit}::int AS yes FROM win)
    SELECT t.id, ${rank} AS rank FROM (
      SELECT win.id, win.search_name FROM win WHERE (SELECT yes FROM filled)
      UNION ALL
      SELECT a.id, a.search_name FROM accounts a WHERE ${where} AND NOT (SELECT yes FROM filled) OFFSET 0) t
    ORDER BY t.search_name, t.id LIMIT ${limit}::int)`;
}

/**
 * How many accounts match, counting no further than `cap + 1` rows, so a search matching half the
 * table costs what one matching `cap` does: exact up to the cap, "more than" past it.
 */
export function countStatement(query: NormalizedQuery, cap: number): Statement {
  const params = new Params();
  const where = whereClause(matchConditions(query, params));
  return params.statement(`SELECT count(*)::int AS count FROM (SELECT 1 FROM accounts a WHERE ${where} LIMIT ${params.add(cap + 1)}::int) capped`);
}

/** Every contract of the page's accounts, in one statement (no query per account). */
export function contractsStatement(accountIds: readonly string[]): Statement {
  return {
    text: `SELECT p.account_id, c.id, c.number, p.role, c.status, c.private_label, lap_iso(c.booked_at) AS booked_at
FROM contract_parties p
JOIN contracts c ON c.id = p.contract_id
WHERE p.account_id = ANY($1::text[])
ORDER BY p.account_id, c.booked_at NULLS LAST, c.id`,
    params: [[...accountIds]],
  };
}

/** A site with its private labels (as a JSON array text, which every driver hands over alike). */
export function siteStatement(id: string): Statement {
  return {
    text: `SELECT s.id, s.name, s.include_unlabeled,
  (SELECT coalesce(json_agg(l.private_label ORDER BY l.private_label), '[]'::json)::text
     FROM site_private_labels l WHERE l.site_id = s.id) AS private_labels
FROM sites s
WHERE s.id = $1`,
    params: [id],
  };
}
