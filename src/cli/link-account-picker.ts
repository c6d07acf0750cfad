/**
 * The `link-account-picker` command (package.json `bin`), built into dist/cli/ by vite.cli.config.ts.
 * Plain Node ≥ 20: global fetch, node:util's parseArgs; it shares the picker's response parser and
 * rules (src/rules/), and nothing of it reaches the browser bundles.
 */
import { checkEndpoint } from './check-endpoint.js';
import { HELP, parseCheckArgs, UsageError } from './options.js';
import { formatText } from './report.js';

const USAGE = `Usage: link-account-picker check-endpoint <url> --site <id> [options]
Run "link-account-picker check-endpoint --help" for every option.`;

/** Runs the command; returns the exit code (0: every required check passed, 1: one failed, 2: usage). */
export async function main(
  args: string[],
  out: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
  err: (text: string) => void = (text) => process.stderr.write(`${text}\n`),
): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command !== 'check-endpoint') {
    err(`Unknown command "${command}".\n${USAGE}`);
    return 2;
  }
  try {
    const options = parseCheckArgs(rest);
    if (!options) {
      out(HELP);
      return 0;
    }
    const report = await checkEndpoint(options);
    out(options.json ? JSON.stringify(report, null, 2) : formatText(report));
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`${error.message}\n${USAGE}`);
      return 2;
    }
    err(`check-endpoint stopped: ${(error as Error)?.stack ?? String(error)}`);
    return 1;
  }
}
