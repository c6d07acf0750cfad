/**
 * The eligibility rules (docs/endpoint.md, "The rules' inputs") as one pure function over plain data.
 *
 * It reads every account defensively because its input is whatever an endpoint or a host's
 * `searchAccounts` returned: wrong types are treated as the most truthful "unknown", never thrown on.
 * It walks the contracts once and allocates nothing but the result, because the picker evaluates
 * every account of every page (see bench/eligibility.bench.ts).
 */
import { isoText, parseTimestamp, toIso } from './timestamp.js';
import type {
  Account,
  Eligibility,
  EligibilityCode,
  EligibilityFacts,
  EvaluationContext,
  StatusCounts,
} from './types.js';

export const DEFAULT_SYNC_WINDOW_MINUTES = 15;

const MINUTE = 60_000;

/** The contract's *window*: a finite, non-negative number of minutes, else the default. */
export function syncWindowMinutes(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : DEFAULT_SYNC_WINDOW_MINUTES;
}

/**
 * The contract's *now*: the server's `asOf` plus the time elapsed locally since the response arrived,
 * or the client's clock when `asOf` is absent or invalid. `receivedAt` and `nowMs` must come from the
 * same clock; `performance.now()` is the better choice, as it cannot jump when the system clock is set.
 *
 * @param asOf the response's `asOf`
 * @param receivedAt when the response arrived, on the clock of `nowMs`
 * @param nowMs the current time on the same clock
 * @param clientNow the client's wall clock, used only when `asOf` is unusable (default `Date.now()`)
 */
export function serverNow(asOf: unknown, receivedAt: number, nowMs: number, clientNow: number = Date.now()): Date {
  const server = parseTimestamp(asOf);
  if (Number.isNaN(server)) return new Date(clientNow);
  const elapsed = nowMs - receivedAt;
  // A clock read out of order, or garbage, must not move the server's time backwards.
  return new Date(server + (elapsed > 0 ? elapsed : 0));
}

/** The site as the rules use it: lower-cased keys for matching, trimmed labels as written for facts. */
interface SiteView {
  keys: string[];
  labels: string[];
  includeUnlabeled: boolean;
  /** What the view was read from, to tell when the site has changed since. */
  source: unknown;
  sourceLabels: unknown[];
}

const NO_SITE: SiteView = { keys: [], labels: [], includeUnlabeled: false, source: undefined, sourceLabels: [] };

/**
 * Every account of a response is evaluated against the same site, so its view is kept per site
 * object. It is checked against the site on every call (a few identity comparisons), so a host that
 * edits the site in place still gets fresh verdicts.
 */
const siteViews = new WeakMap<object, SiteView>();

function readSite(site: unknown): SiteView {
  if (typeof site !== 'object' || site === null) return NO_SITE;
  const { privateLabels, includeUnlabeled } = site as { privateLabels?: unknown; includeUnlabeled?: unknown };
  const cached = siteViews.get(site);
  if (
    cached !== undefined &&
    cached.source === privateLabels &&
    cached.includeUnlabeled === (includeUnlabeled === true) &&
    sameItems(cached.sourceLabels, privateLabels)
  ) {
    return cached;
  }
  const keys: string[] = [];
  const labels: string[] = [];
  const sourceLabels = Array.isArray(privateLabels) ? [...(privateLabels as unknown[])] : [];
  for (const label of sourceLabels) {
    if (typeof label !== 'string') continue;
    const trimmed = label.trim();
    const key = trimmed.toLowerCase();
    // An empty site label would otherwise be a second spelling of "unlabeled".
    if (key === '' || keys.includes(key)) continue;
    keys.push(key);
    labels.push(trimmed);
  }
  const view = { keys, labels, includeUnlabeled: includeUnlabeled === true, source: privateLabels, sourceLabels };
  siteViews.set(site, view);
  return view;
}

function sameItems(copy: unknown[], list: unknown): boolean {
  if (!Array.isArray(list)) return copy.length === 0;
  if (list.length !== copy.length) return false;
  for (let i = 0; i < copy.length; i++) if (copy[i] !== list[i]) return false;
  return true;
}

/** Trimmed and lower-cased, or '' for anything that is not a string. Skips the work for clean data. */
function word(value: unknown): string {
  if (typeof value !== 'string') return '';
  if (value === 'customer' || value === 'guarantor' || value === 'booked') return value;
  return value.trim().toLowerCase();
}

/** Adds `value` (already trimmed) unless the list holds it in any letter case. */
function addDistinct(list: string[], value: string): void {
  // Lower-casing allocates, so it waits until an exact comparison has failed.
  for (const existing of list) if (existing === value || existing.toLowerCase() === value.toLowerCase()) return;
  list.push(value);
}

/**
 * The verdict for one account on one site: the first failing check in the contract's order, with
 * the facts behind it.
 *
 * Where the contract leaves room:
 * - A contract entry that is not a plain object (null, a string, an array) is ignored, not counted.
 * - A role, status or label that is not a string is unknown: the role does not count, the status is
 *   not active, and the label matches no site (it is not "no label": it may be any label).
 * - A whitespace-only label is empty, so it is "no label".
 * - A `syncWindowMinutes` that is not a finite number ≥ 0 is the default 15; 0 is allowed.
 * - An invalid `context.now` means the time is unknown: then a sync is never called overdue, and a
 *   future `bookedAt` is not moved back to now.
 * - With `portalSyncedAt: null` (never synced) and a relevant contract whose `bookedAt` is unknown,
 *   that unknown date counts as long ago (as the contract says), so the earliest relevant booking is
 *   long ago and its window has passed: `sync-overdue`, with no `expectedSyncBy` because it is not known.
 *   The earliest *known* date is still reported in `facts.earliestRelevantBookedAt`.
 * - `expectedSyncBy` uses the earliest relevant `bookedAt` after moving future dates back to now;
 *   `facts.earliestRelevantBookedAt` reports the date as the server sent it.
 */
export function evaluateAccount(account: Account, context: EvaluationContext): Eligibility {
  const data: Partial<Record<keyof Account, unknown>> =
    typeof account === 'object' && account !== null ? (account as Partial<Record<keyof Account, unknown>>) : {};
  const site = readSite(context?.site);
  const rawNow = context?.now as unknown;
  const now = rawNow instanceof Date ? rawNow.getTime() : NaN;
  const windowMs = syncWindowMinutes(context?.syncWindowMinutes) * MINUTE;

  // Present means a valid timestamp or null; an invalid one counts as absent (the host does not know).
  const rawSynced = data.portalSyncedAt;
  const syncedMs = rawSynced === null ? NaN : parseTimestamp(rawSynced);
  const explicit = rawSynced === null || !Number.isNaN(syncedMs);

  const roleContracts: StatusCounts = { booked: 0, terminated: 0, pending: 0, other: 0 };
  const otherRoles: string[] = [];
  const activeLabels: string[] = [];
  const relevantContractIds: string[] = [];
  let contractCount = 0;
  let otherRoleContracts = 0;
  let activeAsCustomer = 0;
  let activeAsGuarantor = 0;
  let activeUnlabeled = false;
  let relevant = 0;
  let anyUnknownBookedAt = false;
  let earliestBookedAt = Infinity;
  let earliestBookedAtText = '';

  const contracts = Array.isArray(data.contracts) ? (data.contracts as unknown[]) : [];
  for (let i = 0; i < contracts.length; i++) {
    const contract = contracts[i] as Record<string, unknown> | null | undefined;
    if (typeof contract !== 'object' || contract === null || Array.isArray(contract)) continue;
    contractCount++;

    const role = word(contract.role);
    if (role !== 'customer' && role !== 'guarantor') {
      otherRoleContracts++;
      const rawRole = contract.role;
      if (typeof rawRole === 'string' && role !== '') addDistinct(otherRoles, rawRole.trim());
      continue;
    }

    const status = word(contract.status);
    if (status !== 'booked') {
      if (status === 'terminated') roleContracts.terminated++;
      else if (status === 'pending') roleContracts.pending++;
      else roleContracts.other++;
      continue;
    }
    roleContracts.booked++;
    if (role === 'customer') activeAsCustomer++;
    else activeAsGuarantor++;

    const label = contract.privateLabel;
    let mapped: boolean;
    if (label === null || label === undefined) {
      activeUnlabeled = true;
      mapped = site.includeUnlabeled;
    } else if (typeof label === 'string') {
      const trimmed = label.trim();
      if (trimmed === '') {
        activeUnlabeled = true;
        mapped = site.includeUnlabeled;
      } else {
        addDistinct(activeLabels, trimmed);
        // Labels usually arrive spelled as the site spells them; lower-casing is for the rest.
        mapped = site.labels.includes(trimmed) || site.keys.includes(trimmed.toLowerCase());
      }
    } else {
      mapped = false;
    }
    if (!mapped) continue;

    relevant++;
    if (typeof contract.id === 'string') relevantContractIds.push(contract.id);
    const bookedAt = parseTimestamp(contract.bookedAt);
    if (Number.isNaN(bookedAt)) anyUnknownBookedAt = true;
    else if (bookedAt < earliestBookedAt) {
      earliestBookedAt = bookedAt;
      earliestBookedAtText = contract.bookedAt as string;
    }
  }

  const facts: EligibilityFacts = {
    contractCount,
    roleContracts,
    otherRoleContracts,
    otherRoles,
    activeAsCustomer,
    activeAsGuarantor,
    activeLabels,
    activeUnlabeled,
    siteLabels: site.labels.slice(),
    siteIncludesUnlabeled: site.includeUnlabeled,
    relevantContractIds,
    syncBasis: explicit ? 'explicit' : 'inferred',
  };
  if (earliestBookedAt !== Infinity) facts.earliestRelevantBookedAt = isoText(earliestBookedAtText, earliestBookedAt);
  if (explicit) facts.portalSyncedAt = rawSynced === null ? null : isoText(rawSynced as string, syncedMs);

  let code: EligibilityCode;
  let expectedSyncBy: number = NaN;
  if (data.linkedToUser === true) code = 'already-linked';
  else if (activeAsCustomer + activeAsGuarantor === 0) code = 'no-active-contract';
  else if (relevant === 0) code = 'label-mismatch';
  else {
    // Every sync condition is "for some relevant contract", and each is easiest to meet by the
    // earliest booking, so the earliest relevant bookedAt (future ones counting as now) decides.
    const booked = earliestBookedAt > now ? now : earliestBookedAt;
    if (explicit) {
      if (!Number.isNaN(syncedMs) && (anyUnknownBookedAt || syncedMs >= booked)) code = 'linkable';
      else if (anyUnknownBookedAt) code = 'sync-overdue';
      else {
        expectedSyncBy = booked + windowMs;
        code = now >= expectedSyncBy ? 'sync-overdue' : 'pending-sync';
      }
    } else if (anyUnknownBookedAt || booked + windowMs <= now) code = 'linkable';
    else {
      expectedSyncBy = booked + windowMs;
      code = 'pending-sync';
    }
  }

  const eligibility: Eligibility = { code, linkable: code === 'linkable', facts };
  const expected = toIso(expectedSyncBy);
  if (expected !== undefined) eligibility.expectedSyncBy = expected;
  return eligibility;
}
