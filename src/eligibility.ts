/**
 * `link-account-picker/eligibility`: the picker's rules and response reader as plain functions, for
 * hosts and backends that want the same verdicts without the element (no DOM, no Lit).
 *
 * @example
 * ```ts
 * import { parseSearchResponse, evaluateAccount, serverNow } from 'link-account-picker/eligibility';
 *
 * const receivedAt = performance.now();
 * const parsed = parseSearchResponse(await response.json());
 * if (!parsed.ok) throw new Error(parsed.message);
 * const { site, asOf, syncWindowMinutes, accounts } = parsed.response;
 * const now = serverNow(asOf, receivedAt, performance.now());
 * for (const account of accounts) {
 *   const { code, expectedSyncBy } = evaluateAccount(account, { site, now, syncWindowMinutes });
 *   console.log(account.name, code, expectedSyncBy ?? '');
 * }
 * ```
 */
export { evaluateAccount, serverNow, syncWindowMinutes, DEFAULT_SYNC_WINDOW_MINUTES } from './rules/evaluate-account.js';
export { parseSearchResponse } from './rules/parse-response.js';
export type * from './rules/types.js';
