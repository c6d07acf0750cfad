import { writeSync } from 'node:fs';

/**
 * Prints one closing line, "tests: N passed, N failed, N skipped", after the default reporter:
 * CI reads it to know that tests really ran, and a human sees the count at a glance.
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
      // Straight to the file descriptor: wtr's terminal swallows console and process.stdout writes.
      writeSync(1, `\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
    },
  };
}
