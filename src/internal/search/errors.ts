/**
 * Every failure the admin can read, in one place: the titles of the status line and the messages of
 * the `search-error` event, for the four kinds (network, http, timeout, invalid-response).
 */
import { msg, str } from '@lit/localize';
import type { ReceivedKind, ResponseRejection } from '../../rules/types.js';
import type { SearchErrorInfo } from '../events.js';

/** A failure already classified for the admin. */
export class SearchFailure extends Error {
  constructor(readonly info: SearchErrorInfo) {
    super(info.message);
    this.name = 'SearchFailure';
  }
}

/** The message for an HTTP failure, worded for what the admin can do about it. */
export function httpError(status: number, retryAfter?: number): SearchErrorInfo {
  let message: string;
  if (status === 401) {
    message = msg(str`Your session may have expired (HTTP ${status}). Sign in again, then retry.`);
  } else if (status === 403) {
    message = msg(str`You don't have permission to search accounts on this site (HTTP ${status}). Ask an administrator for access.`);
  } else if (status === 429) {
    message =
      retryAfter !== undefined && retryAfter > 0
        ? msg(str`Too many searches in a short time (HTTP 429). You can try again in ${retryAfter} seconds.`)
        : msg('Too many searches in a short time (HTTP 429). Wait a moment, then try again.');
  } else if (status === 404) {
    message = msg(str`The account search service was not found (HTTP ${status}). Check the picker's endpoint.`);
  } else if (status >= 500) {
    message = msg(str`The account search service had a problem (HTTP ${status}). Try again in a moment.`);
  } else {
    message = msg(str`The account search was refused (HTTP ${status}).`);
  }
  const info: SearchErrorInfo = { kind: 'http', status, message };
  if (retryAfter !== undefined) info.retryAfter = retryAfter;
  return info;
}

export function timeoutError(timeoutMs: number): SearchErrorInfo {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return {
    kind: 'timeout',
    message: msg(str`The search took longer than ${seconds} seconds and was stopped. Try again.`),
  };
}

export function networkError(detail?: string): SearchErrorInfo {
  return {
    kind: 'network',
    message: detail
      ? msg(str`Couldn't reach the account search service (${detail}). Check your connection and try again.`)
      : msg("Couldn't reach the account search service. Check your connection and try again."),
  };
}

/** An invalid response, with a sentence already worded (and localized) for the admin. */
export function invalidResponse(message: string): SearchErrorInfo {
  return { kind: 'invalid-response', message };
}

/** A host's answer that threw while read: its own text, which the picker cannot translate. */
export function unreadableAnswer(detail: string): SearchErrorInfo {
  return invalidResponse(msg(str`The server's answer could not be used: ${detail}.`));
}

/**
 * What arrived in place of the expected value, as a clause that stands on its own in parentheses
 * ("got a list"), so each language words it whole — "no se recibió nada" needs its own negation.
 * The English matches the parser's developer message, so both read the same.
 */
function received(kind: ReceivedKind): string {
  switch (kind) {
    case 'nothing':
      return msg('got nothing', { desc: 'What a server sent in place of a value: nothing (undefined).' });
    case 'null':
      return msg('got null', { desc: 'What a server sent in place of a value: the JSON value null.' });
    case 'list':
      return msg('got a list', { desc: 'What a server sent in place of a value: a list (JSON array).' });
    case 'object':
      return msg('got an object', { desc: 'What a server sent in place of a value: an object.' });
    case 'text':
      return msg('got text', { desc: 'What a server sent in place of a value: text (a string).' });
    case 'number':
      return msg('got a number', { desc: 'What a server sent in place of a value: a number.' });
    case 'boolean':
      return msg('got a boolean', { desc: 'What a server sent in place of a value: true or false.' });
    case 'bigint':
      return msg('got a bigint', { desc: 'What a server sent in place of a value: a JavaScript BigInt.' });
    case 'symbol':
      return msg('got a symbol', { desc: 'What a server sent in place of a value: a JavaScript Symbol.' });
    case 'function':
      return msg('got a function', { desc: 'What a server sent in place of a value: a JavaScript function.' });
  }
}

/**
 * Why the parser rejected the body, in the admin's language: one whole sentence per reason. Field
 * names (site, site.id, accounts) are the endpoint's, so they stay as written in every language. In
 * English the detail matches the parser's `message`.
 */
export function rejectionMessage(reason: ResponseRejection): string {
  switch (reason.code) {
    case 'not-object':
      return msg(str`The server's answer could not be used: the response is not an object (${received(reason.got)}).`);
    case 'site-missing':
      return msg("The server's answer could not be used: site is missing.");
    case 'site-not-object':
      return msg(str`The server's answer could not be used: site is not an object (${received(reason.got)}).`);
    case 'site-id-missing':
      return msg("The server's answer could not be used: site.id is missing.");
    case 'site-id-invalid':
      return msg("The server's answer could not be used: site.id is not a non-empty string.");
    case 'accounts-missing':
      return msg("The server's answer could not be used: accounts is missing.");
    case 'accounts-not-list':
      return msg(str`The server's answer could not be used: accounts is not a list (${received(reason.got)}).`);
  }
}

/** A host's `searchAccounts` rejected: an HTTP-like error when it carries a status, else a network one. */
export function hostError(error: unknown): SearchErrorInfo {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400) return httpError(status);
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  return networkError(detail || undefined);
}


/** The title of the status line above an error's message. */
export function errorTitle(error: SearchErrorInfo): string {
  switch (error.kind) {
    case 'network':
      return msg('No connection to the account search');
    case 'timeout':
      return msg('The search timed out');
    case 'invalid-response':
      return msg('The server sent an answer the picker cannot read');
    case 'http':
      // Each title says what happened, as its message does: a 401 is a sign-in to renew, not a missing
      // permission, and a 404 is a search that is not there, not one that refused.
      if (error.status === 401) return msg('Your session may have expired');
      if (error.status === 403) return msg('No permission to search accounts');
      if (error.status === 404) return msg('The account search was not found');
      if (error.status === 429) return msg('Too many searches');
      if (error.status !== undefined && error.status >= 500) return msg('The account search failed');
      return msg('The account search was refused');
  }
}

/** What the picker says when it has nowhere to search. */
export function noEndpointError(): SearchErrorInfo {
  return {
    kind: 'network',
    message: msg('The picker has nowhere to search: set its endpoint attribute or its searchAccounts property.'),
  };
}

/** What the picker says when its endpoint is not a URL. */
export function invalidEndpointError(endpoint: string): SearchErrorInfo {
  return {
    kind: 'network',
    message: msg(str`The picker's endpoint “${endpoint}” is not a valid URL: check its endpoint attribute.`),
  };
}

/** The body is not JSON. */
export function notJsonError(): SearchErrorInfo {
  return invalidResponse(msg("The server's answer could not be used: it is not JSON."));
}
