// `npm test`: the Node tests (node --test: the check-endpoint CLI against real HTTP servers, the
// server-side re-check example), then the unit and browser tests (@web/test-runner, Chromium), then
// ONE closing line, "tests: N passed, N failed, N skipped", over both, so it is the output's last line.
// Extra arguments go to wtr (`npm test -- --files test/element/keyboard.test.ts` runs that file alone,
// and the Node tests too).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'lap-tests-'));

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** The counts of node's TAP summary ("# pass 27"). */
function tapCounts(file) {
  const text = readFileSync(file, 'utf8');
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
}

const nodeTests = readdirSync('test/node').filter((f) => f.endsWith('.test.ts')).map((f) => join('test/node', f));
const nodeTap = join(dir, 'node.tap');
const nodeCode = await run(process.execPath, [
  '--import', './scripts/ts-register.mjs',
  '--test', '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=tap', `--test-reporter-destination=${nodeTap}`,
  ...nodeTests,
]);
const node = tapCounts(nodeTap);

const wtrCounts = join(dir, 'wtr.json');
const wtrCode = await run('npx', ['wtr', ...process.argv.slice(2)], { WTR_COUNT_FILE: wtrCounts });
let wtr = { passed: 0, failed: 1, skipped: 0 };
try {
  wtr = JSON.parse(readFileSync(wtrCounts, 'utf8'));
} catch {
  console.error('The browser tests reported no counts: wtr did not finish.');
}
rmSync(dir, { recursive: true, force: true });

const total = { passed: node.passed + wtr.passed, failed: node.failed + wtr.failed, skipped: node.skipped + wtr.skipped };
console.log(`\nNode tests: ${node.passed} passed, ${node.failed} failed, ${node.skipped} skipped; browser tests: ${wtr.passed} passed, ${wtr.failed} failed, ${wtr.skipped} skipped.`);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = nodeCode !== 0 || wtrCode !== 0 || total.failed > 0 ? 1 : 0;
