/**
 * What the polite live region says, and when. A polite region queues every text it is given and
 * reads each after what the screen reader is already saying (the echo of each typed key included),
 * so it gets settled facts only, each once:
 * - the summary of the results on screen for the text in the box (after the debounce and the answer);
 * - "Searching for …" only when a request has run longer than `SLOW_SEARCH_MS` (the debounce not
 *   counted: the admin is still typing then);
 * - an error, once (a `Retry-After` wait in words, not its countdown);
 * - what a pick, a removal or Enter on an account that can't be linked did (the `notice`).
 * Never the per-keystroke states ("Keep typing", "Searching for “Me”…"), nor the min-characters hint:
 * that one is in the search box's description.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { SLOW_SEARCH_MS } from '../defaults.js';
import type { StatusModel } from '../view/status.js';

export interface AnnouncementInput {
  status: StatusModel;
  /** Whether the popup is shown: results are said only while the admin is in them. */
  open: boolean;
  /** What the last pick, removal or refused pick did; '' when nothing since the last keystroke. */
  notice: string;
}

export class AnnouncerController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #timer?: ReturnType<typeof setTimeout>;
  /** The "Searching for …" text being timed, and whether it has become slow. */
  #loading = '';
  #slow = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The live region's text for this render. */
  text({ status, open, notice }: AnnouncementInput): string {
    if (notice) return notice;
    switch (status.kind) {
      case 'error':
        return status.text;
      case 'summary':
      case 'empty':
        return open ? status.text : '';
      case 'loading':
        return open && this.#slow && status.text === this.#loading ? status.text : '';
      case 'hint':
        return '';
    }
  }

  /**
   * Times the request in progress, after each update: a new "Searching for …" text (each keystroke
   * makes one) starts the clock again once its request is sent, anything else stops it.
   */
  watch(status: StatusModel, requesting: boolean): void {
    if (status.kind !== 'loading' || !requesting) {
      this.#stop();
      return;
    }
    if (status.text === this.#loading) return;
    this.#stop();
    this.#loading = status.text;
    this.#timer = setTimeout(() => {
      this.#slow = true;
      this.#host.requestUpdate();
    }, SLOW_SEARCH_MS);
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#loading = '';
    this.#slow = false;
  }
}
