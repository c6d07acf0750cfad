// `npm run test:firefox` and `npm run test:webkit`: the browser tests (not the Node ones, which
// `npm test` runs) in one more engine, then ONE closing line, "tests: N passed, N failed, N skipped",
// after the run time. WebKit needs its WebDriver server: this script starts `WebKitWebDriver` under a
// virtual display (xvfb-run) on a free port, and stops it and everything it started however the run
// ends. Extra arguments go to wtr (`npm run test:webkit -- --files test/element/keyboard.test.ts`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const engines = {
  firefox: { name: 'Firefox', config: 'web-test-runner.firefox.config.js' },
  webkit: { name: 'WebKit', config: 'web-test-runner.webkit.config.js' },
};
const [engineId, ...wtrArgs] = process.argv.slice(2);
const engine = engines[engineId];
if (!engine) {
  console.error(`Usage: node scripts/run-engine-tests.js <${Object.keys(engines).join('|')}> [wtr arguments]`);
  process.exit(2);
}

/** A port nothing listens on now (the OS picks it), so parallel runs on one machine don't collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the WebDriver server answers /status, or rejects after `ms`. */
async function driverReady(port, driver, ms = 30000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with code ${driver.exitCode}.`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within ${ms / 1000} s.`);
}

/**
 * Starts xvfb-run → Xvfb + WebKitWebDriver (→ MiniBrowser) as one process group, so that one signal
 * to the group stops them all.
 */
async function startWebKitDriver() {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  // However this process ends (an error, Ctrl+C, CI cancelling), the driver and its browser end too.
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }
  driver.once('error', (error) => console.error(`Could not start xvfb-run WebKitWebDriver: ${error.message}`));
  await driverReady(port, driver);
  return { port, stop };
}

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(1));
  });
}

const dir = mkdtempSync(join(tmpdir(), `lap-${engineId}-`));
const countFile = join(dir, 'wtr.json');
const started = Date.now();
let code = 1;
let counts = { passed: 0, failed: 1, skipped: 0 };
let driver;
try {
  const env = { WTR_COUNT_FILE: countFile };
  if (engineId === 'webkit') {
    driver = await startWebKitDriver();
    env.WEBKIT_DRIVER_PORT = String(driver.port);
  }
  code = await run('npx', ['wtr', '--config', engine.config, ...wtrArgs], env);
  try {
    counts = JSON.parse(readFileSync(countFile, 'utf8'));
  } catch {
    console.error(`The ${engine.name} tests reported no counts: wtr did not finish.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  driver?.stop();
  rmSync(dir, { recursive: true, force: true });
}

const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\n${engine.name}: browser tests in ${seconds} s.`);
console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exitCode = code !== 0 || counts.failed > 0 ? 1 : 0;
