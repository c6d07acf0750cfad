/**
 * The reference schema, as one SQL script (`schemaSql`); `schema.sql` beside this file is the same
 * text, for migration tools (a Node test keeps the two equal; `npm run schema:sql` rewrites the file).
 *
 * Idempotent (`IF NOT EXISTS`, `CREATE OR REPLACE`): running it again on a database that has it
 * changes nothing. Runs on PGlite (with its `pg_trgm` and `unaccent` extensions) and on PostgreSQL 14+ (SQL-standard
 * function bodies).
 */
export const schemaTablesSql = `-- link-account-picker: the reference search schema (PostgreSQL 14+, PGlite).
-- Sites and their private labels, accounts, contracts, who is party to which contract, and which
-- portal users are linked to which accounts: the facts the picker's rules read, nothing decided here.

CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (its dictionary could change), so it can't appear in an index or a
-- generated column. Naming the dictionary explicitly makes the result depend on the input alone,
-- which is what IMMUTABLE promises. If the unaccent extension lives in another schema than public,
-- change both "public." prefixes.
CREATE OR REPLACE FUNCTION lap_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN public.unaccent('public.unaccent'::regdictionary, value);

-- A name as it is searched: accents stripped, lower case, every run of punctuation or spaces one
-- space, and one leading space, so that ' ha' marks the start of a word for LIKE and for trigrams
-- alike ('Société Lumière & Fils' -> ' societe lumiere fils').
CREATE OR REPLACE FUNCTION lap_search_name(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN ' ' || btrim(regexp_replace(lower(lap_unaccent(value)), '[^[:alnum:]]+', ' ', 'g'));

-- A number as it is searched: letters and digits only, lower case ('ACC-0004' -> 'acc0004').
CREATE OR REPLACE FUNCTION lap_search_number(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  RETURN regexp_replace(lower(lap_unaccent(value)), '[^[:alnum:]]+', '', 'g');

-- Timestamps on the wire: ISO-8601 in UTC with milliseconds, whatever the session's TimeZone.
CREATE OR REPLACE FUNCTION lap_iso(value timestamptz) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE STRICT
  RETURN to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');

-- A portal site (a branded site): which contracts' private labels it shows.
CREATE TABLE IF NOT EXISTS sites (
  id text PRIMARY KEY,
  name text,
  -- The default site usually also shows contracts with no private label.
  include_unlabeled boolean NOT NULL DEFAULT false
);

CREATE TABLE IF NOT EXISTS site_private_labels (
  site_id text NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  private_label text NOT NULL,
  PRIMARY KEY (site_id, private_label)
);

-- A customer or guarantor as the servicing system knows it.
CREATE TABLE IF NOT EXISTS accounts (
  id text PRIMARY KEY,
  number text,
  name text NOT NULL,
  -- When the account reached the portal; NULL = never. Meaningful only when portal_sync_known:
  -- a host that doesn't track the sync sets it false, and the wire then leaves portalSyncedAt out
  -- so the picker infers the state from booking times.
  portal_synced_at timestamptz,
  portal_sync_known boolean NOT NULL DEFAULT true,
  -- The search keys, kept by the database itself. COLLATE "C": byte order, the same on every server
  -- whatever its locale, so a page's sort order (and the keyset after it) never depends on where
  -- the query runs, and a plain btree serves LIKE 'prefix%'.
  search_name text COLLATE "C" GENERATED ALWAYS AS (lap_search_name(name)) STORED,
  search_number text COLLATE "C" GENERATED ALWAYS AS (lap_search_number(number)) STORED
);

CREATE TABLE IF NOT EXISTS contracts (
  id text PRIMARY KEY,
  number text,
  -- 'booked', 'terminated', 'pending' or whatever else the servicing system says: stored as given,
  -- judged by the picker's rules (an unknown status is simply not active).
  status text NOT NULL,
  private_label text,
  booked_at timestamptz
);

-- Who is party to a contract, in which role: an account is customer, guarantor, vendor, broker...
-- on a contract, one role per contract; a contract has several parties.
CREATE TABLE IF NOT EXISTS contract_parties (
  contract_id text NOT NULL REFERENCES contracts (id) ON DELETE CASCADE,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  role text NOT NULL,
  PRIMARY KEY (account_id, contract_id)
);
CREATE INDEX IF NOT EXISTS contract_parties_contract ON contract_parties (contract_id);

-- Which accounts each portal user is linked to (the picker's already-linked verdict).
CREATE TABLE IF NOT EXISTS portal_user_links (
  user_id text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, account_id)
);
CREATE INDEX IF NOT EXISTS portal_user_links_account ON portal_user_links (account_id);
`;

/**
 * The search indexes alone. Part of `schemaSql`; apart, so a bulk load can run the tables first, load
 * the rows, and build the indexes once afterwards (several times faster than maintaining them per row).
 */
export const schemaIndexesSql = `-- Search indexes. Trigram GIN indexes serve LIKE '%harbor%' (3+ characters anywhere) and, thanks to
-- the leading space, LIKE '% ha%' (a word starting with 2 characters: trigrams '  h' and ' ha').
CREATE INDEX IF NOT EXISTS accounts_search_name_trgm ON accounts USING gin (search_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS accounts_search_number_trgm ON accounts USING gin (search_number gin_trgm_ops);
-- Exact and prefix number lookups ('hpl100245', 'hpl1%') and the name order of a page walk.
CREATE INDEX IF NOT EXISTS accounts_search_number_prefix ON accounts (search_number);
CREATE INDEX IF NOT EXISTS accounts_search_name_order ON accounts (search_name, id);
`;

/** Everything: extensions, functions, tables, search indexes. */
export const schemaSql = `${schemaTablesSql}\n${schemaIndexesSql}`;
