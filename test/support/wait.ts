/**
 * Waiting for conditions, never for fixed times: a loaded 2-core machine runs every step late, so a
 * test that sleeps "long enough" fails once in a while. Every wait here has a generous deadline and
 * says what it waited for when it runs out.
 */
import { waitUntil } from '@open-wc/testing';

/**
 * Generous: two test pages share two cores with other jobs, and a step that takes 50 ms alone once
 * took seconds. Far below mocha's 10 s per test, so a hung wait still fails with its own message.
 */
export const PATIENCE_MS = 6000;

/** Resolves once `predicate` holds (checked every frame-ish); fails with `what` after `timeout`. */
export function until(predicate: () => unknown, what: string, timeout = PATIENCE_MS): Promise<void> {
  return waitUntil(predicate, what, { timeout, interval: 16 });
}

/** The next event of that type, typed from HTMLElementEventMap. */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
}

/** Resolves after the next rendered frame (layout and paint done, observers delivered). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** `promise`, or a failure naming `what` if it has not settled after `timeout`. */
export function withDeadline<T>(promise: Promise<T>, what: string, timeout = PATIENCE_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timeout: ${what}`)), timeout);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
