/**
 * The data the search endpoint returns (docs/endpoint.md) and the verdict the rules give.
 * Plain data only: these types are shared by the rules, the response parser, the element, the mocks
 * and any host that implements `searchAccounts`.
 */

/** A branded portal site: the private labels its partition is configured for. */
export interface Site {
  id: string;
  name?: string;
  privateLabels: string[];
  /** Whether contracts with no private label are visible on this site (usually the default site). */
  includeUnlabeled?: boolean;
}

export interface Contract {
  id: string;
  number?: string;
  /** 'customer' | 'guarantor' count for linking; other role types (vendor, broker, …) do not. */
  role: string;
  /** 'booked' is active; 'terminated', 'pending' and anything else are not. */
  status: string;
  privateLabel?: string | null;
  /** ISO-8601. */
  bookedAt?: string | null;
}

export interface Account {
  id: string;
  number?: string;
  name: string;
  /** When the account last reached the portal; null = never; absent = the host does not know. */
  portalSyncedAt?: string | null;
  /** Already linked to the user named by the `user` parameter. */
  linkedToUser?: boolean;
  contracts: Contract[];
}

export interface SearchResponse {
  /** Server time, ISO-8601. */
  asOf?: string;
  /** Default 15. */
  syncWindowMinutes?: number;
  site: Site;
  accounts: Account[];
  /** More results: request again with this cursor. */
  nextCursor?: string | null;
  /** All matches, when the server knows. */
  total?: number;
}

/** What a host's `searchAccounts` receives in place of the URL parameters. */
export interface SearchRequest {
  query: string;
  site: string;
  user?: string;
  limit: number;
  cursor?: string;
  signal: AbortSignal;
}

export type SearchAccounts = (request: SearchRequest) => Promise<SearchResponse>;

/** The first failing check, in the contract's order; `linkable` when all pass. */
export type EligibilityCode =
  | 'already-linked'
  | 'no-active-contract'
  | 'label-mismatch'
  | 'pending-sync'
  | 'sync-overdue'
  | 'linkable';

/** Counts of contracts by normalized status. */
export interface StatusCounts {
  /** booked = active */
  booked: number;
  terminated: number;
  /** pending = not yet booked */
  pending: number;
  /** any other or missing status */
  other: number;
}

/**
 * The facts behind a verdict, so a UI can explain it in plain words without re-deriving anything:
 * "2 contracts as Customer, both terminated", "active contracts are under SUMMIT; this site includes
 * NWF, NWF-EQ", "Guarantor on 1 active contract".
 */
export interface EligibilityFacts {
  /** Contract entries that were objects (others are ignored). */
  contractCount: number;
  /** Contracts where the role counts (customer or guarantor), by status. */
  roleContracts: StatusCounts;
  /** Contracts whose role does not count, and those roles as written (trimmed, distinct). */
  otherRoleContracts: number;
  otherRoles: string[];
  /** Active contracts where the role counts, by role. */
  activeAsCustomer: number;
  activeAsGuarantor: number;
  /** Distinct private labels (trimmed, as written) on active role-counting contracts. */
  activeLabels: string[];
  /** Whether any active role-counting contract has no private label. */
  activeUnlabeled: boolean;
  /** The site's labels (trimmed, as written) and whether it includes unlabeled contracts. */
  siteLabels: string[];
  siteIncludesUnlabeled: boolean;
  /** Ids of the relevant contracts: role counts, active, label mapped. */
  relevantContractIds: string[];
  /** Earliest valid bookedAt among relevant contracts, ISO-8601, when any is known. */
  earliestRelevantBookedAt?: string;
  /** How the sync state was decided: from portalSyncedAt, or inferred from time alone. */
  syncBasis: 'explicit' | 'inferred';
  /** The valid portalSyncedAt (ISO-8601), or null when the portal says never synced. */
  portalSyncedAt?: string | null;
}

export interface Eligibility {
  code: EligibilityCode;
  /** code === 'linkable' */
  linkable: boolean;
  /** ISO-8601; when code is pending-sync or sync-overdue and it is known. */
  expectedSyncBy?: string;
  facts: EligibilityFacts;
}

export interface EvaluationContext {
  site: Site;
  /** The server's clock (asOf plus the time elapsed since the response arrived), not the client's. */
  now: Date;
  /** Default 15. */
  syncWindowMinutes?: number;
}

/**
 * What a value turned out to be, in place of the type the contract promised: the JSON kinds, plus
 * what only a host's `searchAccounts` can hand over (`'nothing'` is `undefined`).
 */
export type ReceivedKind =
  | 'nothing'
  | 'null'
  | 'list'
  | 'object'
  | 'text'
  | 'number'
  | 'boolean'
  | 'bigint'
  | 'symbol'
  | 'function';

/**
 * Why a response body was rejected as a whole: the first failing check, in this order (so a body with
 * neither site nor accounts is `site-missing`). Plain data, no wording: a UI words it in its own
 * language, `ParseResult.message` words it in English for developers.
 *
 * - `not-object`: the body itself is not an object; `got` is what it was (never `'object'`).
 * - `site-missing` / `accounts-missing`: the field is absent (or `undefined`).
 * - `site-not-object`: `site` is present but not an object (a list counts as not an object).
 * - `site-id-missing`: `site` has no `id`.
 * - `site-id-invalid`: `site.id` is not a non-empty string; `got: 'text'` means it is blank.
 * - `accounts-not-list`: `accounts` is present but not a list.
 */
export type ResponseRejection =
  | { code: 'not-object'; got: ReceivedKind }
  | { code: 'site-missing' }
  | { code: 'site-not-object'; got: ReceivedKind }
  | { code: 'site-id-missing' }
  | { code: 'site-id-invalid'; got: ReceivedKind }
  | { code: 'accounts-missing' }
  | { code: 'accounts-not-list'; got: ReceivedKind };

/** One of `ResponseRejection`'s codes. */
export type ResponseRejectionCode = ResponseRejection['code'];

/** Why a response body was rejected as a whole, or which accounts were left out of it. */
export type ParseResult =
  | {
      ok: true;
      response: SearchResponse;
      /** Accounts left out as malformed (not an object, or no non-empty string id or name). */
      malformed: number;
      /**
       * One short line per distinct problem, in English for developers (the picker does not show them),
       * e.g. "accounts[3].name: expected a non-empty string".
       */
      problems: string[];
    }
  | {
      ok: false;
      /** Why, as data: switch on `reason.code` to word it for a person, in any language. */
      reason: ResponseRejection;
      /** The same reason in English, for developers (console, logs), e.g. "site is missing" or "accounts is not a list (got text)". */
      message: string;
    };
