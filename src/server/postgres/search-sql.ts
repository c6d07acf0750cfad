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

/** How well an account matches, best first; the first column of the sort order. */
export const Rank = {
  /** The account number, exactly ('hpl100245' for "HPL-100245"). */
  numberExact: 0,
  /** The start of the account number, when the query has a digit ('hpl100'). */
  numberPrefix: 1,
  /** The name starts with the whole query ('harbor point' in "Harbor Point Logistics"). */
  namePrefix: 2,
  /** Every word typed starts a word of the name ('point harb'). */
  nameWords: 3,
  /** Every word typed is somewhere in the name ('arbor'). */
  nameAnywhere: 4,
  /** Letters only that start the account number ('hpl'): more likely a name, so after names. */
  lettersNumberPrefix: 5,
  /** Digits somewhere in the account number ('100245' in 'hpl100245'). */
  numberAnywhere: 6,
} as const;
export const WORST_RANK = Rank.numberAnywhere;

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
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The conditions that decide whether an account matches at all, over `accounts a`. */
interface Conditions {
  nameMatch: string;
  numberPrefix: string;
  numberAnywhere: string;
  words: string[];
}

function matchConditions(query: NormalizedQuery, params: Params): Conditions {
  const words = query.words.slice(0, MAX_WORDS);
  // A word of 3+ characters matches anywhere in the name, a shorter one only at the start of a word:
  // trigrams can't serve '%an%' (a scan of every name, and half of them would match), but they do
  // serve '% an%', since the stored name begins with a space and so does each word.
  const anywhere = words.map((w) => `a.search_name LIKE ${params.add(w.length >= 3 ? `%${escapeLike(w)}%` : `% ${escapeLike(w)}%`)}`);
  const number = query.number;
  return {
    words,
    nameMatch: anywhere.length > 0 ? `(${anywhere.join(' AND ')})` : 'false',
    numberPrefix: number.length >= 2 ? `a.search_number LIKE ${params.add(`${escapeLike(number)}%`)}` : 'false',
    numberAnywhere: /\d/.test(number) && number.length >= 3 ? `a.search_number LIKE ${params.add(`%${escapeLike(number)}%`)}` : 'false',
  };
}

/** Any of the conditions: each is served by an index of its own (the planner ORs their bitmaps). */
function whereClause(c: Conditions): string {
  return [c.nameMatch, c.numberPrefix, c.numberAnywhere].filter((part) => part !== 'false').join(' OR ') || 'false';
}

/** How well a matching account matches (`Rank`), as a CASE over the same conditions. */
function rankExpression(query: NormalizedQuery, c: Conditions, params: Params): string {
  const number = query.number;
  const numberExact = number.length > 0 ? `a.search_number = ${params.add(number)}` : 'false';
  const phrasePrefix = c.words.length > 0 ? `a.search_name LIKE ${params.add(` ${escapeLike(c.words.join(' '))}%`)}` : 'false';
  const wordStarts = c.words.length > 0
    ? c.words.map((w) => `a.search_name LIKE ${params.add(`% ${escapeLike(w)}%`)}`).join(' AND ')
    : 'false';
  return `CASE
      WHEN ${numberExact} THEN ${Rank.numberExact}
      WHEN ${/\d/.test(number) ? c.numberPrefix : 'false'} THEN ${Rank.numberPrefix}
      WHEN ${c.nameMatch} AND ${phrasePrefix} THEN ${Rank.namePrefix}
      WHEN ${c.nameMatch} AND ${wordStarts} THEN ${Rank.nameWords}
      WHEN ${c.nameMatch} THEN ${Rank.nameAnywhere}
      WHEN ${c.numberPrefix} THEN ${Rank.lettersNumberPrefix}
      ELSE ${Rank.numberAnywhere}
    END`;
}

/**
 * One page of matches, best first, after `after` (keyset paging: the condition is on the sort key
 * itself, so rows inserted meanwhile can't shift a page, and no row that existed at the first page
 * is repeated or skipped). Asks for `limit + 1` rows: the extra one only says a next page exists.
 */
export function pageStatement(query: NormalizedQuery, options: { limit: number; after?: SortKey; user?: string }): Statement {
  const params = new Params();
  const conditions = matchConditions(query, params);
  const where = whereClause(conditions);
  const rank = rankExpression(query, conditions, params);
  const linked = options.user === undefined
    ? 'NULL::boolean'
    : `EXISTS (SELECT 1 FROM portal_user_links l WHERE l.user_id = ${params.add(options.user)} AND l.account_id = m.id)`;
  const after = options.after
    ? `WHERE (m.rank, m.search_name, m.id) > (${params.add(options.after.rank)}::int, ${params.add(options.after.name)}::text, ${params.add(options.after.id)}::text)`
    : '';
  const limit = params.add(options.limit + 1);
  return {
    text: `WITH matches AS (
  SELECT a.id, a.number, a.name, a.search_name, a.portal_sync_known, lap_iso(a.portal_synced_at) AS portal_synced_at,
    ${rank} AS rank
  FROM accounts a
  WHERE ${where}
)
SELECT m.id, m.number, m.name, m.search_name, m.rank, m.portal_sync_known, m.portal_synced_at,
  ${linked} AS linked_to_user
FROM matches m
${after}
ORDER BY m.rank, m.search_name, m.id
LIMIT ${limit}::int`,
    params: params.values,
  };
}

/**
 * How many accounts match, counting no further than `cap + 1` rows, so a search matching half the
 * table costs what one matching `cap` does: exact up to the cap, "more than" past it.
 */
export function countStatement(query: NormalizedQuery, cap: number): Statement {
  const params = new Params();
  const where = whereClause(matchConditions(query, params));
  return {
    text: `SELECT count(*)::int AS count FROM (SELECT 1 FROM accounts a WHERE ${where} LIMIT ${params.add(cap + 1)}::int) capped`,
    params: params.values,
  };
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
