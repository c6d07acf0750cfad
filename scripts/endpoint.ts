// `npm run endpoint`: the reference search endpoint (createSearchHandler + the Postgres data layer)
// on http://127.0.0.1:8787, seeded with the demo's dataset. PGlite in-process by default; set
// DATABASE_URL to use a PostgreSQL server instead (its tables are emptied and reseeded), PORT to move it.
// Prints the URL to give the picker's `endpoint` and to `check-endpoint`.
import { startReferenceEndpoint } from './endpoint/server.js';

export const DEFAULT_PORT = 8787;

const port = process.env.PORT === undefined ? DEFAULT_PORT : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`PORT must be a port number (got "${process.env.PORT}").`);
  process.exit(2);
}

const started = Date.now();
console.log(process.env.DATABASE_URL ? 'Seeding the PostgreSQL server at DATABASE_URL…' : 'Starting PGlite and seeding the demo dataset…');
const endpoint = await startReferenceEndpoint({ port, databaseUrl: process.env.DATABASE_URL, simulateSync: true });
const { records, sites } = endpoint.database.dataset;
console.log(`Reference endpoint ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${records.length} accounts, ${sites.length} sites on ${endpoint.database.description}.

  Search URL:  ${endpoint.url}
  Try:         ${endpoint.url}?q=harbor&site=northwind&user=usr-1001
  The demo:    npm start, then open http://127.0.0.1:5173/?endpoint=${encodeURIComponent(endpoint.url)}
  Check it:    node dist/cli/link-account-picker.js check-endpoint ${endpoint.url} --site northwind --query harbor

Ctrl+C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void endpoint.close().finally(() => process.exit(0));
  });
}
