// Proves the browser bundles carry no server code: after `npm run build`, every page-side file
// (dist/*.js, dist/locales/, the drop-in folder dist/standalone/) is searched for the server entry
// (link-account-picker/server: its exported names, and strings that survive minification) and for
// database drivers or node: modules, imported or bundled in. Part of `npm run size`.
//
// A check that can't fail is no check: each server marker must be found in dist/server/index.js
// itself, so renaming a string in src/server/ can't quietly blind this script.
//
//   node scripts/check-browser-bundles.js
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** What only the server entry holds: two exported names, and string literals a minifier keeps. */
const SERVER_MARKERS = ['createSearchHandler', 'createCursorSealer', 'client-closed-request', 'cursorSecret must hold', 'link-account-picker/server:'];
const NODE_MARKERS = ['toNodeListener'];
/** Database drivers a data layer may use, by package name (an import of one, or of its subpath). */
const DRIVERS = ['pg', 'pg-native', 'pg-protocol', 'pg-pool', 'postgres', '@electric-sql/pglite', '@neondatabase/serverless', '@vercel/postgres', 'mysql', 'mysql2', 'mariadb', 'better-sqlite3', 'sqlite3', 'tedious', 'mssql', 'oracledb', 'mongodb'];
/** Text a driver bundled in would carry (postgres' authentication, PGlite's class). */
const DRIVER_MARKERS = ['SCRAM-SHA-256', 'PGlite'];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const driverImport = new RegExp(`(?:from|import|require)\\s*\\(?\\s*["'](${DRIVERS.map(escape).join('|')})(?:/[^"']*)?["']`);
const nodeImport = /(?:from|import|require)\s*\(?\s*["']node:[a-z_/]+["']/;

function jsFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const serverBundle = join(dist, 'server', 'index.js');
const nodeBundle = join(dist, 'server', 'node.js');
if (!existsSync(serverBundle) || !existsSync(join(dist, 'standalone', 'link-account-picker.js'))) {
  console.error('check-browser-bundles: dist/ is incomplete: run `npm run build` first.');
  process.exit(1);
}
const problems = [];
const serverCode = readFileSync(serverBundle, 'utf8');
const nodeCode = readFileSync(nodeBundle, 'utf8');
for (const marker of SERVER_MARKERS) if (!serverCode.includes(marker)) problems.push(`the marker "${marker}" is not in dist/server/index.js any more: update SERVER_MARKERS`);
for (const marker of NODE_MARKERS) if (!nodeCode.includes(marker)) problems.push(`the marker "${marker}" is not in dist/server/node.js any more: update NODE_MARKERS`);

// The page's files: the package build's entries and chunks at the top, its locales, the drop-in folder.
const pageFiles = [
  ...readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.js')).map((e) => join(dist, e.name)),
  ...jsFiles(join(dist, 'locales')),
  ...jsFiles(join(dist, 'standalone')),
];
for (const file of pageFiles) {
  const code = readFileSync(file, 'utf8');
  const name = relative(root, file);
  for (const marker of [...SERVER_MARKERS, ...NODE_MARKERS]) if (code.includes(marker)) problems.push(`${name} holds server code ("${marker}")`);
  const driver = driverImport.exec(code);
  if (driver) problems.push(`${name} imports the database driver "${driver[1]}"`);
  for (const marker of DRIVER_MARKERS) if (code.includes(marker)) problems.push(`${name} holds a database driver ("${marker}")`);
  const node = nodeImport.exec(code);
  if (node) problems.push(`${name} imports a Node module (${node[0]})`);
}

if (problems.length > 0) {
  console.error(`check-browser-bundles: ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`browser bundles: ${pageFiles.length} files, no server code, no database driver, no node: import.`);
