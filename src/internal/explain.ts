/**
 * Turns a verdict into the words an admin reads: which group the account belongs to, a short summary
 * of its contracts, why it can't be linked and what to do about it. Pure: plain data and a locale in,
 * strings out, so every wording is unit-tested without a DOM and translated through `msg()`.
 */
import { msg, str } from '@lit/localize';
import type { Account, Eligibility, EligibilityCode } from '../rules/types.js';

/** The four groups the results are shown in, in display order. */
export type ResultGroup = 'linkable' | 'pending' | 'blocked' | 'linked';

export const GROUP_ORDER: readonly ResultGroup[] = ['linkable', 'pending', 'blocked', 'linked'];

export interface Explanation {
  group: ResultGroup;
  /** A two- or three-word status, e.g. "Private label not on this site". */
  status: string;
  /** The account's contracts in one line, e.g. "Customer on 2 active contracts". */
  summary: string;
  /** Why it can't be linked; '' when it can. */
  reason: string;
  /** What the admin can do next; '' when it can be linked. */
  nextStep: string;
}

export interface ExplainOptions {
  /** BCP 47 locale for numbers, lists and dates. */
  locale: string;
  /** The sync window the verdict was computed with. */
  syncWindowMinutes: number;
}

export function groupOf(code: EligibilityCode): ResultGroup {
  switch (code) {
    case 'linkable':
      return 'linkable';
    case 'pending-sync':
      return 'pending';
    case 'already-linked':
      return 'linked';
    default:
      return 'blocked';
  }
}

/** The heading of a group of results. */
export function groupLabel(group: ResultGroup): string {
  switch (group) {
    case 'linkable':
      return msg('Can be linked');
    case 'pending':
      return msg("Can't be linked yet");
    case 'blocked':
      return msg("Can't be linked");
    case 'linked':
      return msg('Already linked');
  }
}

/**
 * Intl formatters, made once per locale and options: constructing one costs far more than using it,
 * and every row of a result list formats several numbers, lists and dates.
 */
const formatters = new Map<string, unknown>();
function cached<T>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Whether `n` takes the singular in `locale` ("1 account", but also "21 счёт"). */
export function isOne(n: number, locale: string): boolean {
  return cached(`plural|${locale}`, () => new Intl.PluralRules(locale)).select(n) === 'one';
}

function list(items: string[], locale: string, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return cached(`list|${locale}|${type}`, () => new Intl.ListFormat(locale, { style: 'long', type })).format(items);
}

/** "Can be linked: 2, Already linked: 1": short items joined as a unit list. */
export function unitList(items: string[], locale: string): string {
  return cached(`unit-list|${locale}`, () => new Intl.ListFormat(locale, { type: 'unit' })).format(items);
}

/** A date and time in the admin's locale; the time alone (`timeOnly`) for a moment minutes away. */
export function formatWhen(iso: string, locale: string, timeOnly = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const format = cached(`when|${locale}|${timeOnly}`, () =>
    new Intl.DateTimeFormat(locale, timeOnly ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return format.format(date);
}

/**
 * "10 min 53 s": the time left, for the live countdown. A duration, not a clock: "10:53" next to "by
 * 2:58 AM" reads as a time of day. Hours drop the seconds ("1 h 5 min").
 */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return msg(str`${hours} h ${minutes} min`);
  if (minutes > 0) return msg(str`${minutes} min ${seconds} s`);
  return msg(str`${seconds} s`);
}

function contractsSummary(e: Eligibility, locale: string): string {
  const { activeAsCustomer: c, activeAsGuarantor: g, contractCount } = e.facts;
  // Both roles: the noun follows the first count, so it agrees with it ("1 active contract, guarantor on 3").
  if (c > 0 && g > 0) {
    return isOne(c, locale)
      ? msg(str`Customer on 1 active contract, guarantor on ${g}`)
      : msg(str`Customer on ${c} active contracts, guarantor on ${g}`);
  }
  if (c > 0) return isOne(c, locale) ? msg('Customer on 1 active contract') : msg(str`Customer on ${c} active contracts`);
  if (g > 0) {
    return isOne(g, locale) ? msg('Guarantor on 1 active contract') : msg(str`Guarantor on ${g} active contracts`);
  }
  if (contractCount === 0) return msg('No contracts');
  return isOne(contractCount, locale)
    ? msg('No active contracts (1 contract)')
    : msg(str`No active contracts (${contractCount} contracts)`);
}

/** "2 terminated, 1 not yet booked; 1 as Vendor": what the account holds instead of an active contract. */
function foundInstead(e: Eligibility, locale: string): string {
  const { roleContracts: rc, otherRoleContracts, otherRoles } = e.facts;
  const parts: string[] = [];
  if (rc.terminated > 0) {
    const n = rc.terminated;
    parts.push(isOne(n, locale) ? msg('1 terminated contract') : msg(str`${n} terminated contracts`));
  }
  if (rc.pending > 0) {
    const n = rc.pending;
    parts.push(isOne(n, locale) ? msg('1 contract not yet booked') : msg(str`${n} contracts not yet booked`));
  }
  if (rc.other > 0) {
    const n = rc.other;
    parts.push(isOne(n, locale) ? msg('1 contract in another status') : msg(str`${n} contracts in another status`));
  }
  if (otherRoleContracts > 0) {
    const n = otherRoleContracts;
    const roles = otherRoles.length > 0 ? list(otherRoles, locale) : msg('another role');
    parts.push(isOne(n, locale) ? msg(str`1 contract as ${roles}`) : msg(str`${n} contracts as ${roles}`));
  }
  return list(parts, locale);
}

function explainNoActiveContract(e: Eligibility, locale: string): Pick<Explanation, 'reason' | 'nextStep'> {
  const { roleContracts: rc, otherRoleContracts, contractCount } = e.facts;
  if (contractCount === 0) {
    return {
      reason: msg('It has no contracts at all.'),
      nextStep: msg(
        'Only a customer or guarantor on an active contract can be linked. Check the account in the servicing system.',
      ),
    };
  }
  const found = foundInstead(e, locale);
  const reason = msg(str`Not a customer or guarantor on any active contract. Found instead: ${found}.`);
  let nextStep: string;
  if (rc.pending > 0) {
    nextStep = msg('It can be linked once its contract is booked and has reached the portal.');
  } else if (rc.terminated > 0) {
    nextStep = msg('Terminated contracts give no portal access. Link an account that has a booked contract.');
  } else if (otherRoleContracts > 0) {
    nextStep = msg('Only customers and guarantors can be linked: search for the customer or guarantor of the contract.');
  } else {
    nextStep = msg('Check the status of its contracts in the servicing system.');
  }
  return { reason, nextStep };
}

function explainLabelMismatch(e: Eligibility, locale: string): Pick<Explanation, 'reason' | 'nextStep'> {
  const { activeLabels, activeUnlabeled, siteLabels, siteIncludesUnlabeled } = e.facts;
  const carried = [...activeLabels];
  if (activeUnlabeled) carried.push(msg('no label'));
  const carriedText = carried.length > 0 ? list(carried, locale) : msg('an unreadable label');
  let siteText: string;
  if (siteLabels.length > 0 && siteIncludesUnlabeled) {
    siteText = list([...siteLabels, msg('contracts with no label')], locale);
  } else if (siteLabels.length > 0) {
    siteText = list(siteLabels, locale);
  } else if (siteIncludesUnlabeled) {
    siteText = msg('only contracts with no label');
  } else {
    siteText = msg('no labels');
  }
  const reason = msg(str`Its active contracts carry ${carriedText}; this site includes ${siteText}.`);
  const nextStep =
    activeLabels.length > 0
      ? msg(
          str`Link it on a site configured for ${list(activeLabels, locale, 'disjunction')}, or ask to have that label mapped to this site.`,
        )
      : msg('Link it on a site that includes contracts with no private label.');
  return { reason, nextStep };
}

function explainPending(e: Eligibility, options: ExplainOptions): Pick<Explanation, 'reason' | 'nextStep'> {
  const minutes = options.syncWindowMinutes;
  const reason = msg(str`Booked recently and not in the portal yet: accounts reach it within ${minutes} minutes.`);
  const nextStep = e.expectedSyncBy
    ? msg(str`It should be linkable by ${formatWhen(e.expectedSyncBy, options.locale, true)}. The picker checks again by itself.`)
    : msg('It should be linkable within minutes. The picker checks again by itself.');
  return { reason, nextStep };
}

function explainOverdue(e: Eligibility, options: ExplainOptions): Pick<Explanation, 'reason' | 'nextStep'> {
  const minutes = options.syncWindowMinutes;
  const booked = e.facts.earliestRelevantBookedAt;
  const reason = booked
    ? msg(
        str`Booked on ${formatWhen(booked, options.locale)} but still not in the portal, long after the ${minutes}-minute sync.`,
      )
    : msg(str`Booked long ago but still not in the portal, long after the ${minutes}-minute sync.`);
  return {
    reason,
    nextStep: msg('Contact support: the sync from the servicing system may have stopped for this account.'),
  };
}

function statusOf(code: EligibilityCode): string {
  switch (code) {
    case 'linkable':
      return msg('Can be linked');
    case 'pending-sync':
      return msg('Syncing to the portal');
    case 'sync-overdue':
      return msg('Sync overdue');
    case 'no-active-contract':
      return msg('No active contract');
    case 'label-mismatch':
      return msg('Private label not on this site');
    case 'already-linked':
      return msg('Already linked');
  }
}

/** Everything the picker says about one account. */
export function explain(_account: Account, eligibility: Eligibility, options: ExplainOptions): Explanation {
  const group = groupOf(eligibility.code);
  const summary = contractsSummary(eligibility, options.locale);
  const status = statusOf(eligibility.code);
  let words: Pick<Explanation, 'reason' | 'nextStep'>;
  switch (eligibility.code) {
    case 'linkable':
      words = { reason: '', nextStep: '' };
      break;
    case 'already-linked':
      words = {
        reason: msg('This user can already see its contracts.'),
        nextStep: msg('Nothing to do.'),
      };
      break;
    case 'no-active-contract':
      words = explainNoActiveContract(eligibility, options.locale);
      break;
    case 'label-mismatch':
      words = explainLabelMismatch(eligibility, options.locale);
      break;
    case 'pending-sync':
      words = explainPending(eligibility, options);
      break;
    case 'sync-overdue':
      words = explainOverdue(eligibility, options);
      break;
  }
  return { group, status, summary, ...words };
}
