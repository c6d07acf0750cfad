/**
 * What the picker is doing or found, in one model: the visible status line renders it, and the live
 * region reads its `text`, so the two never disagree. Pure: state in, words out.
 */
import { msg, str } from '@lit/localize';
import type { SearchErrorInfo } from '../events.js';
import { groupLabel, isOne, unitList } from '../explain.js';
import { errorTitle } from '../search/errors.js';
import type { SearchState } from '../search/search-controller.js';
import type { GroupView } from './list-view.js';

export type StatusModel =
  | { kind: 'hint'; text: string }
  | { kind: 'loading'; text: string }
  | {
      kind: 'error';
      text: string;
      error: SearchErrorInfo;
      /** Seconds left before the server lets the picker search again (`Retry-After`); 0 when it may. */
      waitSeconds: number;
    }
  | { kind: 'empty'; text: string }
  | {
      kind: 'summary';
      text: string;
      /** All matches when the server says, else the ones loaded. */
      count: number;
      query: string;
      site: string;
      /** The results are being re-checked in the background. */
      refreshing: boolean;
    };

export interface StatusInput {
  /** The search box's text, trimmed. */
  typed: string;
  minLength: number;
  search: SearchState;
  /** The groups on screen for the typed query (empty while its answer is pending). */
  groups: readonly GroupView[];
  /** Whether the shown results are the typed query's. */
  current: boolean;
  /** Milliseconds before the server lets the picker search again (`Retry-After`); 0 when it may. */
  retryWaitMs: number;
  /** The site attribute, when the server names no site. */
  siteFallback: string;
  locale: string;
}

/** "2 accounts in the answer were malformed and are left out." */
export function malformedText(count: number, locale: string): string {
  return isOne(count, locale)
    ? msg('1 account in the answer was malformed and is left out.')
    : msg(str`${count} accounts in the answer were malformed and are left out.`);
}

/**
 * "The server (HTTP 429) asked to wait: you can search again in 5 seconds." Replaces the error's own
 * message while the wait runs, so the seconds it says are the ones counting down on the button.
 */
export function waitingText(error: SearchErrorInfo, seconds: number, locale: string): string {
  const { status } = error;
  if (status === undefined) {
    return isOne(seconds, locale)
      ? msg('The server asked to wait: you can search again in 1 second.')
      : msg(str`The server asked to wait: you can search again in ${seconds} seconds.`);
  }
  return isOne(seconds, locale)
    ? msg(str`The server (HTTP ${status}) asked to wait: you can search again in 1 second.`)
    : msg(str`The server (HTTP ${status}) asked to wait: you can search again in ${seconds} seconds.`);
}

export function statusModel(input: StatusInput): StatusModel {
  const { typed, minLength, search, groups, locale } = input;
  const { phase, outcome, error } = search;
  if (typed.length === 0) {
    return { kind: 'hint', text: msg(str`Type at least ${minLength} characters of an account name or number.`) };
  }
  if (typed.length < minLength) {
    return { kind: 'hint', text: msg(str`Keep typing: searching starts at ${minLength} characters.`) };
  }
  if (phase === 'error' && error) {
    const waitSeconds = Math.ceil(input.retryWaitMs / 1000);
    // Said once, with the server's whole wait: the live region must not tick with the countdown.
    const text =
      waitSeconds > 0 && error.retryAfter
        ? `${errorTitle(error)}. ${waitingText(error, error.retryAfter, locale)}`
        : error.message;
    return { kind: 'error', text, error, waitSeconds };
  }
  if (phase !== 'complete' || !outcome || !input.current) {
    return { kind: 'loading', text: msg(str`Searching for “${typed}”…`) };
  }
  const site = outcome.site.name || outcome.site.id || input.siteFallback;
  const query = outcome.query;
  if (outcome.results.length === 0) {
    return {
      kind: 'empty',
      text: msg(str`No accounts match “${query}” on ${site}. Check the spelling, or search by account number.`),
    };
  }
  const shown = outcome.results.length;
  const count = outcome.total !== undefined && outcome.total > shown ? outcome.total : shown;
  const found = isOne(count, locale)
    ? msg(str`1 account matches “${query}” on ${site}.`)
    : msg(str`${count} accounts match “${query}” on ${site}.`);
  const counts = groups.map((group) => `${groupLabel(group.group)}: ${group.options.length}`);
  const parts = [found, unitList(counts, locale) + '.'];
  if (outcome.total !== undefined && outcome.total > shown) {
    parts.push(msg(str`Showing ${shown} of ${outcome.total}.`));
  } else if (outcome.nextCursor) {
    parts.push(msg('More results can be loaded.'));
  }
  if (outcome.malformed > 0) parts.push(malformedText(outcome.malformed, locale));
  return { kind: 'summary', text: parts.join(' '), count, query, site, refreshing: search.refreshing };
}
