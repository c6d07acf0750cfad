/**
 * `link-account-picker/server`: the search endpoint (docs/endpoint.md) as a web-standard handler over
 * the host's data layer and policy. Runs in Node ≥ 20, Deno, Bun and edge runtimes; never imports the
 * element, and no browser bundle imports it. `link-account-picker/server/node` serves it from `node:http`.
 */
export { createSearchHandler } from './handler.js';
export { MIN_SECRET_BYTES } from './cursor.js';
export type { SearchErrorBody, SearchErrorCode } from './responses.js';
export type {
  AccessDecision,
  Account,
  AccountPage,
  AccountQuery,
  AccountSource,
  Contract,
  MatchCount,
  PagePosition,
  SearchHandler,
  SearchHandlerOptions,
  SearchLogger,
  SearchPolicy,
  SearchResponse,
  Site,
} from './types.js';
