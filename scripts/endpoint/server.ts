/**
 * The reference endpoint: `createSearchHandler` over the Postgres data layer, served from node:http on
 * 127.0.0.1, seeded with the demo's dataset. A dev tool (`npm run endpoint`, the Node tests, the
 * browser tests' plugin), not shipped: a real deployment brings its own server, policy and database.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSearchHandler } from '../../src/server/index.js';
import { toNodeListener } from '../../src/server/node.js';
import { createPostgresSource } from '../../src/server/postgres/source.js';
import { openDemoDatabase, type DemoDatabase } from './demo-database.js';

export const SEARCH_PATH = '/api/accounts/search';
/** The demo's dev server (`npm start`), the one origin this endpoint answers CORS for. */
export const DEMO_ORIGINS = ['http://127.0.0.1:5173', 'http://localhost:5173'];

export interface ReferenceEndpointOptions {
  /** 0: any free port. */
  port: number;
  /** A PostgreSQL server instead of PGlite. */
  databaseUrl?: string;
  /**
   * Play the servicing system's sync: each pending account reaches the portal at its time (as the
   * mock server does), so the demo's pending-sync accounts turn linkable. Off in tests.
   */
  simulateSync?: boolean;
  /** Origins answered with CORS headers (the demo's by default). */
  corsOrigins?: readonly string[];
}

export interface ReferenceEndpoint {
  /** The URL to give the picker's `endpoint`. */
  url: string;
  database: DemoDatabase;
  close(): Promise<void>;
}

export async function startReferenceEndpoint(options: ReferenceEndpointOptions): Promise<ReferenceEndpoint> {
  const database = await openDemoDatabase({ databaseUrl: options.databaseUrl });
  const search = toNodeListener(
    createSearchHandler({
      source: createPostgresSource({ query: database.query }),
      // Cursors signed per run: a restart ends the searches in progress, which a dev tool can afford.
      cursorSecret: process.env.CURSOR_SECRET ?? randomBytes(32).toString('base64'),
      syncWindowMinutes: 15,
    }),
  );
  const origins = new Set(options.corsOrigins ?? DEMO_ORIGINS);
  const timers = options.simulateSync ? simulateSync(database) : [];

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const origin = request.headers.origin;
    if (origin && origins.has(origin)) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Vary', 'Origin');
    }
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path !== SEARCH_PATH) {
      response.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: 'not-found', message: `The search is at ${SEARCH_PATH}.` }));
      return;
    }
    if (request.method === 'OPTIONS') {
      response.setHeader('Access-Control-Allow-Methods', 'GET');
      response.setHeader('Access-Control-Allow-Headers', 'accept, authorization, x-csrf-token');
      response.setHeader('Access-Control-Max-Age', '600');
      response.writeHead(204).end();
      return;
    }
    search(request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${SEARCH_PATH}`,
    database,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

/** Each pending account's sync, as an UPDATE at its time (none for a broken sync: null). */
function simulateSync(database: DemoDatabase): NodeJS.Timeout[] {
  const timers: NodeJS.Timeout[] = [];
  for (const record of database.dataset.records) {
    if (typeof record.syncsAt !== 'number') continue;
    const at = new Date(record.syncsAt).toISOString();
    const timer = setTimeout(() => {
      void database.query('UPDATE accounts SET portal_synced_at = $1::timestamptz, portal_sync_known = true WHERE id = $2', [at, record.account.id])
        .catch((error: unknown) => console.error('sync simulation failed', error));
    }, Math.max(0, record.syncsAt - Date.now()));
    timer.unref();
    timers.push(timer);
  }
  return timers;
}
