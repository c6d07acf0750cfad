/**
 * Real HTTP servers on 127.0.0.1 (ephemeral ports) for the checker's tests: the mocks' search logic
 * (mocks/search.ts, the same the demo and the browser tests use) served over node:http, correct, or
 * broken in one named way.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDataset, DEFAULT_SEED } from '../../mocks/data.js';
import { searchPage } from '../../mocks/search.js';

export type Variant =
  | 'correct'
  | 'wrong-shape'
  | 'malformed-accounts'
  | 'html'
  | 'endless-cursor'
  | 'repeating-cursor'
  | 'repeated-ids'
  | 'wrong-total'
  | 'limit-ignored'
  | 'no-cors'
  | 'no-retry-after'
  | 'slow'
  | 'ignores-user'
  | 'no-auth'
  | 'huge'
  /** Moved within its own origin: /old/search answers 307 to the real path. */
  | 'moved';

export const ALLOWED_ORIGIN = 'https://portal.example.test';
export const TOKEN = 'Bearer test-token';
/** Requests per second before the server answers 429. */
export const RATE_LIMIT = 20;
export const SLOW_MS = 400;

const dataset = createDataset({ seed: DEFAULT_SEED, anchor: Date.now() });

export interface EndpointServer {
  url: string;
  /** Every request received, with its headers (to see which credentials reached this origin). */
  requests: { method: string; url: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export async function startEndpoint(variant: Variant): Promise<EndpointServer> {
  const requests: EndpointServer['requests'] = [];
  const recent: number[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    void handle(variant, req, res, recent).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/accounts/search`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function cors(variant: Variant, req: IncomingMessage, res: ServerResponse): void {
  if (variant === 'no-cors' || req.headers.origin !== ALLOWED_ORIGIN) return;
  res.setHeader('Access-Control-Allow-Origin', ALLOWED_ORIGIN);
  res.setHeader('Vary', 'Origin');
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

async function handle(variant: Variant, req: IncomingMessage, res: ServerResponse, recent: number[]): Promise<void> {
  if (variant === 'moved' && req.url?.startsWith('/old/search')) {
    res.writeHead(307, { Location: req.url.replace('/old/search', '/api/accounts/search') }).end();
    return;
  }
  cors(variant, req, res);
  if (req.method === 'OPTIONS') {
    if (variant !== 'no-cors' && req.headers.origin === ALLOWED_ORIGIN) {
      res.setHeader('Access-Control-Allow-Methods', 'GET');
      res.setHeader('Access-Control-Allow-Headers', 'authorization');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.writeHead(204).end();
    return;
  }
  const now = Date.now();
  while (recent.length > 0 && recent[0]! < now - 1000) recent.shift();
  recent.push(now);
  if (recent.length > RATE_LIMIT) {
    json(res, 429, { error: 'rate-limited', message: 'Too many searches. Try again in a second.' }, variant === 'no-retry-after' ? {} : { 'Retry-After': '1' });
    return;
  }
  if (variant !== 'no-auth' && req.headers.authorization !== TOKEN) {
    json(res, 401, { error: 'unauthenticated', message: 'Sign in again.' }, { 'WWW-Authenticate': 'Bearer' });
    return;
  }
  if (variant === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_MS));

  const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
  const limit = Number(params.get('limit') ?? 25);
  const outcome = searchPage(
    dataset,
    {
      q: params.get('q'),
      site: params.get('site'),
      user: variant === 'ignores-user' ? null : params.get('user'),
      limit: variant === 'limit-ignored' ? 100 : limit,
      cursor: variant === 'endless-cursor' && params.get('cursor')?.startsWith('past-') ? null : params.get('cursor'),
    },
    now,
  );
  if (!outcome.ok) {
    json(res, outcome.status, outcome.body);
    return;
  }
  const body: Record<string, unknown> = { ...outcome.body };
  const accounts = outcome.body.accounts;
  const cursor = params.get('cursor');
  switch (variant) {
    case 'wrong-shape':
      json(res, 200, { results: accounts, count: accounts.length });
      return;
    case 'malformed-accounts':
      body.accounts = [...accounts.slice(0, 2), { id: 'acct-broken-1', contracts: [] }, { name: 'No id at all', contracts: [] }, 'acct-3'];
      break;
    case 'html':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Sign in</title></head><body>Please sign in</body></html>');
      return;
    case 'endless-cursor':
      // Past the last page: empty pages, each with a cursor to one more.
      if (cursor?.startsWith('past-')) {
        body.accounts = [];
        body.nextCursor = `past-${Number(cursor.slice(5)) + 1}`;
      } else if (body.nextCursor === null) {
        body.nextCursor = 'past-1';
      }
      break;
    case 'repeating-cursor':
      if (body.nextCursor !== null && cursor) body.nextCursor = cursor;
      break;
    case 'repeated-ids':
      // Every page after the first starts again with the first page's accounts.
      if (cursor) {
        const first = searchPage(dataset, { q: params.get('q'), site: params.get('site'), limit }, now);
        if (first.ok) body.accounts = first.body.accounts;
      }
      break;
    case 'huge':
      // A body that never stops: 64 MB of accounts, streamed (the checker reads 5 MB of it, then hangs up).
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"site":{"id":"northwind","privateLabels":[]},"accounts":[');
      for (let i = 0; i < 64 && !res.destroyed; i += 1) {
        if (!res.write(`${JSON.stringify(accounts[0])},`.repeat(1024 * 1024 / 256))) await new Promise((resolve) => res.once('drain', resolve));
      }
      res.end('{}]}');
      return;
    case 'wrong-total':
      body.total = 999;
      break;
    case 'limit-ignored':
      body.nextCursor = null;
      break;
    default:
  }
  json(res, 200, body);
}
