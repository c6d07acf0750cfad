import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host once a second while something on screen counts down (a pending account's
 * "Linkable in 6:05", a server's "Try again in 12 s"), and never otherwise: an idle picker runs no timer.
 */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #timer?: ReturnType<typeof setInterval>;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Starts or stops ticking; cheap to call on every update. */
  run(needed: boolean): void {
    if (needed && this.#timer === undefined) {
      this.#timer = setInterval(() => this.#host.requestUpdate(), 1000);
    } else if (!needed) {
      this.hostDisconnected();
    }
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
