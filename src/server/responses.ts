/**
 * Every answer the handler gives, in the shape docs/endpoint.md documents: JSON, `no-store` (answers
 * depend on the clock and on the user), and errors as `{ "error": "<code>", "message": "<English>" }`.
 * Runtime-neutral: web-standard `Response` and `Headers` only.
 */

/** The `error` codes the handler answers with, one per situation a client or a log reader tells apart. */
export type SearchErrorCode =
  | 'missing-parameter'
  | 'invalid-parameter'
  | 'repeated-parameter'
  | 'invalid-cursor'
  | 'unauthenticated'
  | 'forbidden'
  | 'unknown-site'
  | 'method-not-allowed'
  | 'rate-limited'
  | 'client-closed-request'
  | 'timeout'
  | 'internal-error';

/** An error body. `parameter` names the query parameter a 400 is about (an extension of the documented shape). */
export interface SearchErrorBody {
  error: SearchErrorCode;
  message: string;
  parameter?: string;
}

/**
 * nginx's "client closed request": the answer to a request whose client went away. Nobody reads it;
 * it exists so that logs and metrics of the host's framework tell it from a success or a failure.
 */
export const CLIENT_CLOSED_REQUEST = 499;

/** What the handler tells a client when something failed on the server's side: never the cause. */
export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side while searching accounts. Try again in a moment.';

const BASE_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  // The body is data, never a page: a browser that opens the URL must not sniff it into HTML.
  'X-Content-Type-Options': 'nosniff',
} as const;

/**
 * A JSON answer. `head` keeps the status and headers and drops the body (a `HEAD` request). Extra
 * `headers` (Allow, Retry-After, a policy's WWW-Authenticate) never replace the JSON type or `no-store`.
 */
export function jsonResponse(status: number, body: unknown, head = false, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(body);
  const all = new Headers(headers);
  for (const [name, value] of Object.entries(BASE_HEADERS)) all.set(name, value);
  return new Response(head ? null : text, { status, headers: all });
}

/** An error answer in the documented shape. */
export function errorResponse(
  status: number,
  body: SearchErrorBody,
  head = false,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, body, head, headers);
}

/** A 400 about one query parameter, named in the message and in `parameter`. */
export function parameterError(error: SearchErrorCode, parameter: string, message: string, head = false): Response {
  return errorResponse(400, { error, message, parameter }, head);
}
