/**
 * `link-account-picker/server/node`: serves a `SearchHandler` (or any web-standard handler that reads
 * no request body) from Node's `http`/`https` servers and frameworks built on them (Express, Fastify's
 * raw routes, Koa through `ctx.req`/`ctx.res`). Kept apart from the handler so that only this module
 * touches `node:` APIs.
 */
/// <reference types="node" preserve="true" />
// (The package's declarations are built with no ambient types; this entry's need Node's, as its users have.)
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SearchHandler } from './types.js';

/** A `node:http` request listener (also an Express handler: `app.get('/api/accounts/search', listener)`). */
export type NodeListener = (request: IncomingMessage, response: ServerResponse) => void;

/** The request as a web `Request`, aborted when the client disconnects before the answer is sent. */
export function toWebRequest(request: IncomingMessage, response: ServerResponse): Request {
  const controller = new AbortController();
  // `close` on the response: the answer was sent, or the connection went first. Only the second is an abort.
  // (The request's own `close` fires as soon as its body is read, which for a GET is at once.)
  response.once('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const headers = new Headers();
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    try {
      headers.append(request.rawHeaders[i]!, request.rawHeaders[i + 1]!);
    } catch {
      // A header value WHATWG `Headers` rejects (Node is laxer): the search reads no header it could be.
    }
  }
  const tls = 'encrypted' in request.socket && request.socket.encrypted === true;
  let url: URL;
  try {
    url = new URL(request.url ?? '/', `${tls ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`);
  } catch {
    // A Host header that is no host: the search reads only the path and query, which stay the client's.
    url = new URL(request.url ?? '/', 'http://localhost');
  }
  // No body is passed on: the search is a GET, and a POST is refused (405) without reading one.
  return new Request(url, { method: request.method ?? 'GET', headers, signal: controller.signal });
}

/** Writes a web `Response` to Node's response, unless the client is already gone. */
export async function sendWebResponse(response: Response, to: ServerResponse): Promise<void> {
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
  if (to.destroyed) return;
  const setCookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') to.setHeader(name, value);
  });
  if (setCookies.length > 0) to.setHeader('set-cookie', setCookies);
  to.writeHead(response.status);
  to.end(body);
}

/**
 * A `node:http` listener serving `handler`. The web `Request` it hands over is aborted when the client
 * disconnects, so the handler (and the data layer, through `AccountQuery.signal`) stops working.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createSearchHandler } from 'link-account-picker/server';
 * import { toNodeListener } from 'link-account-picker/server/node';
 *
 * createServer(toNodeListener(createSearchHandler({ source, cursorSecret }))).listen(8080);
 * ```
 */
export function toNodeListener(handler: SearchHandler, onError: (error: unknown) => void = (error) => console.error(error)): NodeListener {
  return (request, response) => {
    void (async () => {
      let webRequest: Request;
      try {
        webRequest = toWebRequest(request, response);
      } catch {
        // A method no web Request may carry (TRACE, TRACK): the handler would refuse it anyway.
        response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(JSON.stringify({ error: 'method-not-allowed', message: `The account search answers GET, not ${request.method}.` }));
        return;
      }
      try {
        await sendWebResponse(await handler(webRequest), response);
      } catch (error) {
        // A handler is not supposed to throw (createSearchHandler never does): a plain 500, the cause logged.
        onError(error);
        if (!response.headersSent && !response.destroyed) {
          response.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
          response.end(JSON.stringify({ error: 'internal-error', message: 'Something went wrong on our side.' }));
        } else {
          response.destroy();
        }
      }
    })();
  };
}
