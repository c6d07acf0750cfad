// Which source file the package build's bytes come from: for each minified file in dist/ with a
// source map, the minified bytes each source module contributes, and those bytes gzipped on their
// own (a rough share: gzip of a whole file is less than the sum of its parts). Lines not mapped to
// any source (bundler glue, decorator helpers, imports) are counted as "(unmapped)".
//
//   npm run build && node scripts/size-breakdown.js            every dist/*.js with a map
//   node scripts/size-breakdown.js dist/link-account-picker.js one file
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const files = process.argv.length > 2
  ? process.argv.slice(2).map((file) => join(process.cwd(), file))
  : readdirSync(dist).filter((name) => name.endsWith('.js') && existsSync(join(dist, `${name}.map`))).map((name) => join(dist, name));
if (files.length === 0) {
  console.error('No dist/*.js with a source map: run `npm run build` first.');
  process.exit(1);
}

const gz = (text) => gzipSync(text, { level: 9 }).length;
const kb = (bytes) => (bytes / 1000).toFixed(2).padStart(7);

/** source path → the minified text mapped to it, in output order. */
function slicesBySource(code, map, mapDir) {
  const lines = code.split('\n');
  const bySource = new Map();
  const add = (source, text) => bySource.set(source, (bySource.get(source) ?? '') + text);
  /** The mappings of each generated line, in column order. */
  const mappings = lines.map(() => []);
  new SourceMapConsumer(map).eachMapping((m) => mappings[m.generatedLine - 1]?.push(m), null, SourceMapConsumer.GENERATED_ORDER);
  lines.forEach((line, index) => {
    const segments = mappings[index];
    segments.sort((a, b) => a.generatedColumn - b.generatedColumn);
    const start = segments[0]?.generatedColumn ?? line.length;
    if (start > 0) add('(unmapped)', line.slice(0, start));
    segments.forEach((m, i) => {
      const end = segments[i + 1]?.generatedColumn ?? line.length;
      add(m.source ? relative(root, join(mapDir, m.source)) : '(unmapped)', line.slice(m.generatedColumn, end));
    });
    add('(unmapped)', '\n');
  });
  return bySource;
}

for (const file of files) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const rows = [...slicesBySource(code, map, dirname(file))].map(([source, text]) => ({ source, min: Buffer.byteLength(text), gz: gz(text) }));
  rows.sort((a, b) => b.min - a.min);
  console.log(`\n${relative(root, file)}: ${kb(Buffer.byteLength(code))} kB minified, ${kb(gz(code))} kB gzipped as a whole`);
  console.log('   min kB    gz kB  source (gz counted alone)');
  for (const { source, min, gz: zipped } of rows) console.log(`  ${kb(min)}  ${kb(zipped)}  ${source}`);
}
