/**
 * The page side of scripts/bench-browser.js: reporting figures, asking the runner for real input, and
 * the small timing helpers every browser benchmark shares.
 */

export interface Row {
  name: string;
  value: number | string;
  unit?: string;
  note?: string;
}
export interface Section {
  title: string;
  rows: Row[];
  notes?: string[];
}

type Drive = {
  (action: 'type', args: { text: string; delay?: number }): Promise<null>;
  (action: 'press', args: { key: string; count?: number; delay?: number }): Promise<null>;
  (action: 'wheel', args: { x: number; y: number; deltaY: number; count?: number; delay?: number }): Promise<null>;
  (action: 'metrics', args?: Record<string, never>): Promise<Record<string, number>>;
};

declare global {
  interface Window {
    __benchReport(section: Section): Promise<void>;
    __benchDone(error?: string): Promise<void>;
    __benchDrive: Drive;
    gc?: () => void;
  }
}

/** Real input through the runner (Playwright), and DevTools metrics. */
export const drive: Drive = ((action: string, args?: unknown) => window.__benchDrive(action as 'metrics', args as Record<string, never>)) as Drive;

export function report(section: Section): Promise<void> {
  return window.__benchReport(section);
}

/** Runs the benchmark and tells the runner when it is done, or why it failed. */
export function run(main: () => Promise<void>): void {
  main().then(
    () => window.__benchDone(),
    (error: unknown) => window.__benchDone(error instanceof Error ? `${error.message}\n${error.stack}` : String(error)),
  );
}

/** Resolves after the next frame has been rendered: a task queued from rAF runs after that frame's paint. */
export function painted(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/**
 * Counts the frames the page makes from now until the returned function is called (one rAF each).
 * Started before a `painted()`, it says in which frame after the start that paint came.
 */
export function countFrames(): () => number {
  let frames = 0;
  let id = requestAnimationFrame(function tick() {
    frames += 1;
    id = requestAnimationFrame(tick);
  });
  return () => {
    cancelAnimationFrame(id);
    return frames;
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A quiet main thread between rounds, so one round's garbage is not the next one's cost. */
export async function quiet(): Promise<void> {
  window.gc?.();
  await sleep(30);
  await painted();
}

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "MET (goal ≤ 1.00×)" or "MISSED BY 0.25× (goal ≤ 1.00×)": how a figure stands against its goal. */
export function goal(value: number, limit: number, unit: string): string {
  const fmt = (x: number) => `${x.toFixed(unit === '×' ? 2 : 1)}${unit === '×' ? '×' : ` ${unit}`}`;
  const target = `goal ≤ ${fmt(limit)}`;
  return value <= limit ? `MET (${target})` : `MISSED BY ${fmt(value - limit)} (${target})`;
}

export function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Waits until `check` is true, polling each frame; throws with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Long tasks (> 50 ms) seen while `body` runs. */
export async function longTasksDuring(body: () => Promise<void>): Promise<number[]> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  await body();
  // Entries are delivered asynchronously: give the observer a frame or two.
  await painted();
  await sleep(50);
  for (const entry of observer.takeRecords()) durations.push(entry.duration);
  observer.disconnect();
  return durations;
}
