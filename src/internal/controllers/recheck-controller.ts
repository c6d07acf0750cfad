import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MIN_RECHECK_MS, RECHECK_GRACE_MS } from '../defaults.js';
import { outcomeNow, type SearchOutcome } from '../search/outcome.js';

/**
 * Asks the server again when a pending account's expected sync time passes (a little after, so the
 * server has had the chance to sync), once per account and time, and never more often than every
 * `MIN_RECHECK_MS` whatever the server says.
 */
export class RecheckController implements ReactiveController {
  readonly #refresh: () => void;
  #timer?: ReturnType<typeof setTimeout>;
  /** The results the timer was armed for. */
  #basis?: SearchOutcome;
  readonly #recheckedFor = new Set<string>();
  #lastRecheck = -Infinity;

  constructor(host: ReactiveControllerHost, refresh: () => void) {
    this.#refresh = refresh;
    host.addController(this);
  }

  /** Whether a re-check is armed. */
  get armed(): boolean {
    return this.#timer !== undefined;
  }

  /**
   * The results on screen, or undefined while none are settled (loading, refreshing, failed). Cheap
   * when unchanged: scanning 50,000 results on every keystroke would be the slowest thing the picker does.
   */
  watch(outcome: SearchOutcome | undefined): void {
    if (outcome === this.#basis) return;
    this.#basis = outcome;
    this.#disarm();
    if (!outcome) return;
    const now = outcomeNow(outcome).getTime();
    let earliest = Infinity;
    let key = '';
    for (const { account, eligibility } of outcome.results) {
      if (eligibility.code !== 'pending-sync' || !eligibility.expectedSyncBy) continue;
      const due = Date.parse(eligibility.expectedSyncBy);
      // Not sooner than the earliest so far (or no time at all): it can't be the one, whether or not
      // it was re-checked already, so its key is not even built (this runs before new results paint).
      if (!(due < earliest)) continue;
      const id = `${outcome.query}|${account.id}|${eligibility.expectedSyncBy}`;
      if (this.#recheckedFor.has(id)) continue;
      earliest = due;
      key = id;
    }
    if (!key) return;
    const wait = Math.max(earliest - now + RECHECK_GRACE_MS, this.#lastRecheck + MIN_RECHECK_MS - Date.now(), 0);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#basis = undefined;
      this.#recheckedFor.add(key);
      this.#lastRecheck = Date.now();
      this.#refresh();
    }, wait);
  }

  hostDisconnected(): void {
    this.#disarm();
    this.#basis = undefined;
  }

  #disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
