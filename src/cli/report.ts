/** The checks' results, and how they are printed: text for people, JSON for pipelines. */

/** `skip`: not checked, or not observed (the server never produced what the check needs). */
export type Verdict = 'pass' | 'warn' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  verdict: Verdict;
  /** One sentence a backend developer acts on. */
  message: string;
  /** The evidence: offending accounts, requests, headers (at most MAX_DETAILS lines). */
  details: string[];
}

export interface Report {
  endpoint: string;
  site: string;
  user?: string;
  origin?: string;
  queries: string[];
  checkedAt: string;
  /** True when no check failed: the exit code is 0 exactly then. */
  ok: boolean;
  latency?: { requests: number; medianMs: number; p95Ms: number };
  checks: CheckResult[];
}

export const MAX_DETAILS = 12;

export function check(id: string, title: string, verdict: Verdict, message: string, details: string[] = []): CheckResult {
  const shown = details.length > MAX_DETAILS ? [...details.slice(0, MAX_DETAILS), `… and ${details.length - MAX_DETAILS} more`] : details;
  return { id, title, verdict, message, details: shown };
}

const LABEL: Record<Verdict, string> = { pass: 'PASS', warn: 'WARN', fail: 'FAIL', skip: 'SKIP' };

export function formatText(report: Report): string {
  const lines = [`Checking ${report.endpoint} (site ${report.site}${report.user ? `, user ${report.user}` : ''})`, ''];
  for (const result of report.checks) {
    lines.push(`${LABEL[result.verdict]}  ${result.title}: ${result.message}`);
    for (const detail of result.details) lines.push(`      ${detail}`);
  }
  const count = (verdict: Verdict) => report.checks.filter((c) => c.verdict === verdict).length;
  lines.push(
    '',
    `${count('pass')} passed, ${count('warn')} ${count('warn') === 1 ? 'warning' : 'warnings'}, ${count('fail')} failed, ${count('skip')} not checked.`,
    report.ok ? 'The endpoint meets every required check.' : 'The endpoint fails a required check: see FAIL above.',
  );
  return lines.join('\n');
}
