/**
 * Shared by the pages served under the strict CSP: collects every `securitypolicyviolation` from the
 * moment the first module runs, and hands a report to the test page that framed this one.
 */

export interface Violation {
  directive: string;
  blockedURI: string;
  sample: string;
  source: string;
}

export interface HostReport {
  violations: Violation[];
  /** What the scenario observed, for the test to assert on. */
  observed: Record<string, unknown>;
  /** A thrown error, as text, if the scenario failed. */
  error?: string;
}

const violations: Violation[] = [];

// Capture on the document: violations from inside shadow roots are composed and reach it.
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    violations.push({
      directive: event.effectiveDirective,
      blockedURI: event.blockedURI,
      sample: event.sample,
      source: `${event.sourceFile}:${event.lineNumber}`,
    });
  },
  true,
);

/** Violation events are queued as tasks: let a few turn before reporting. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Resolves once `predicate` holds, checked every frame; throws naming `what` after `timeoutMs`. The
 * host pages load no test library, so they have their own small wait.
 */
export async function until(predicate: () => unknown, what: string, timeoutMs = 6000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`Timeout: ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Runs the scenario and posts `{ violations, observed, error? }` to the framing test page. */
export async function runHost(scenario: () => Promise<Record<string, unknown>>): Promise<void> {
  let observed: Record<string, unknown> = {};
  let error: string | undefined;
  try {
    observed = await scenario();
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  await settle();
  const report: HostReport = { violations: [...violations], observed, ...(error ? { error } : {}) };
  parent.postMessage({ cspHostReport: report }, location.origin);
}
