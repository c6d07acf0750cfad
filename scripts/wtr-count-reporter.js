import { writeFileSync, writeSync } from 'node:fs';

/**
 * Counts the tests that ran. Under `npm test` (scripts/run-tests.js, which sets WTR_COUNT_FILE) it
 * writes them to that file, and the script prints one closing line over the Node and browser tests.
 * Run directly (`npx wtr …`) it prints "tests: N passed, N failed, N skipped" itself, as the process
 * exits: the default reporter still writes its last lines after `stop()`. CI reads that line to know
 * that tests really ran, and a human sees the count at a glance.
 */
export function countReporter() {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) counts.skipped += 1;
          else if (test.passed) counts.passed += 1;
          else counts.failed += 1;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results but must not look like a pass.
        else if (!session.passed) counts.failed += 1;
      }
      if (process.env.WTR_COUNT_FILE) {
        writeFileSync(process.env.WTR_COUNT_FILE, JSON.stringify(counts));
        return;
      }
      // Straight to the file descriptor: wtr's terminal swallows console and process.stdout writes.
      const line = `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`;
      process.once('exit', () => writeSync(1, line));
    },
  };
}
