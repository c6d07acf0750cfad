import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import '../../src/link-account-picker.js';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import type { SearchAccounts, SearchRequest } from '../../src/rules/types.js';
import { nextSettle, typeText } from '../support/picker.js';
import { nextFrame, PATIENCE_MS } from '../support/wait.js';
import { needsHeapCounts } from '../support/engine.js';

/**
 * Memory: mounting and removing the picker 1,000 times, with searches in flight, leaves no timers,
 * no document/window listeners, no element instances and no detached DOM behind; every request in
 * flight is aborted the moment the element is disconnected.
 *
 * Timers and listeners are counted by wrapping the page's own functions; instances, DOM nodes and JS
 * listeners are counted by Chromium after a forced GC (test/hardening/heap-plugin.js).
 */

interface Heap {
  nodes: number;
  documents: number;
  jsEventListeners: number;
  instances?: number;
}
const heap = () => executeServerCommand<Heap, { prototype: string }>('hardening-heap', { prototype: "customElements.get('link-account-picker').prototype" });

const ASOF = new Date().toISOString();
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const BODY = {
  asOf: ASOF,
  site: { id: 'northwind', name: 'Northwind', privateLabels: ['NWF'] },
  accounts: [
    { id: 'ok', name: 'Acme', portalSyncedAt: ago(60), contracts: [{ id: 'c', role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: ago(600) }] },
    // Waiting for the sync: arms the one-second countdown and the re-check timer.
    { id: 'pending', name: 'Acme Pending', portalSyncedAt: null, contracts: [{ id: 'c', role: 'customer', status: 'booked', privateLabel: 'NWF', bookedAt: ago(2) }] },
  ],
  nextCursor: 'more',
};

/** Live timers and listeners, by wrapping the page's functions while a test runs. */
class Tracker {
  readonly timers = new Map<number, string>();
  readonly listeners: { target: EventTarget; type: string; listener: unknown; capture: boolean }[] = [];
  #restore: (() => void)[] = [];

  install(): void {
    const w = window as unknown as Record<string, unknown>;
    const timers = this.timers;
    const realSetTimeout = window.setTimeout;
    const realSetInterval = window.setInterval;
    const realClearTimeout = window.clearTimeout;
    const realClearInterval = window.clearInterval;
    w.setTimeout = (fn: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = realSetTimeout(
        (...a: unknown[]) => {
          timers.delete(id);
          if (typeof fn === 'function') (fn as (...x: unknown[]) => void)(...a);
        },
        ms,
        ...args,
      );
      timers.set(id, `timeout ${ms ?? 0} ms`);
      return id;
    };
    w.setInterval = (fn: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = realSetInterval(fn, ms, ...args);
      timers.set(id, `interval ${ms ?? 0} ms`);
      return id;
    };
    w.clearTimeout = (id?: number) => {
      if (id !== undefined) timers.delete(id);
      realClearTimeout(id);
    };
    w.clearInterval = (id?: number) => {
      if (id !== undefined) timers.delete(id);
      realClearInterval(id);
    };
    this.#restore.push(() => Object.assign(w, { setTimeout: realSetTimeout, setInterval: realSetInterval, clearTimeout: realClearTimeout, clearInterval: realClearInterval }));

    const proto = EventTarget.prototype;
    const realAdd = proto.addEventListener;
    const realRemove = proto.removeEventListener;
    const listeners = this.listeners;
    const watched = (t: EventTarget) => t === document || t === window || t === document.documentElement || t === document.body;
    const capture = (o?: boolean | EventListenerOptions) => (typeof o === 'boolean' ? o : !!o?.capture);
    proto.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      if (watched(this) && listener && !listeners.some((l) => l.target === this && l.type === type && l.listener === listener && l.capture === capture(options))) {
        listeners.push({ target: this, type, listener, capture: capture(options) });
      }
      realAdd.call(this, type, listener, options);
    };
    proto.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      const i = listeners.findIndex((l) => l.target === this && l.type === type && l.listener === listener && l.capture === capture(options));
      if (i >= 0) listeners.splice(i, 1);
      realRemove.call(this, type, listener, options);
    };
    this.#restore.push(() => Object.assign(proto, { addEventListener: realAdd, removeEventListener: realRemove }));
  }

  uninstall(): void {
    for (const restore of this.#restore.splice(0).reverse()) restore();
  }
}

/**
 * Waits, frame by frame, until every timeout armed for under a second has fired. Frames, not a
 * timer: the tracker would count a timer of the wait's own.
 */
async function shortTimeoutsFired(tracker: Tracker): Promise<void> {
  const deadline = performance.now() + PATIENCE_MS;
  const short = () => [...tracker.timers.values()].some((timer) => Number(/^timeout (\d+) ms$/.exec(timer)?.[1] ?? Infinity) < 1000);
  while (short() && performance.now() < deadline) await nextFrame();
}

function create(i: number): LinkAccountPicker {
  const el = document.createElement('link-account-picker');
  el.setAttribute('site', 'northwind');
  el.setAttribute('label', 'Accounts');
  el.setAttribute('debounce', '0');
  el.setAttribute('min-chars', '1');
  if (i % 2) el.multiple = true;
  return el;
}

needsHeapCounts.describe('memory: mounting and removing the picker 1,000 times with searches in flight', () => {
  const tracker = new Tracker();
  const realFetch = window.fetch;
  afterEach(() => {
    tracker.uninstall();
    window.fetch = realFetch;
  });

  it('aborts every request in flight on disconnect and leaves no timers, listeners, instances or DOM', async function () {
    this.timeout(60_000);
    // Warm up once, so lazily created globals (Intl caches, Lit's template cache) are in the baseline.
    const warm = create(0);
    document.body.append(warm);
    await warm.updateComplete;
    warm.searchAccounts = (async () => BODY) as unknown as SearchAccounts;
    await warm.updateComplete;
    const warmed = nextSettle(warm);
    typeText(warm, 'warm');
    await warmed;
    await warm.updateComplete;
    warm.remove();
    await nextFrame();
    const before = await heap();

    tracker.install();
    // Counts only: keeping the signals would keep their listeners, and so the pickers, alive.
    let requests = 0;
    let notAborted = 0;
    let fetchSignal: AbortSignal | undefined;
    const modes = { 'searchAccounts in flight': 0, 'fetch in flight': 0, 'debounce armed': 0, 'results with countdown': 0 };

    // A fetch that never answers but honours its signal, like a slow server.
    window.fetch = ((_url: RequestInfo | URL, init?: RequestInit) => {
      const signal = init!.signal!;
      fetchSignal = signal;
      started?.();
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    }) as typeof fetch;
    let started: (() => void) | undefined;

    for (let i = 0; i < 1_000; i += 1) {
      const el = create(i);
      let mine: AbortSignal | undefined;
      const inFlight = new Promise<void>((resolve) => (started = resolve));
      const mode = i % 4;
      if (mode === 0) {
        el.searchAccounts = ((request: SearchRequest) => {
          mine = request.signal;
          started?.();
          return new Promise(() => {});
        }) as SearchAccounts;
      } else if (mode === 1) {
        el.endpoint = '/never/answers';
      } else if (mode === 3) {
        el.searchAccounts = (async () => BODY) as unknown as SearchAccounts;
      }
      document.body.append(el);
      await el.updateComplete;

      if (mode === 3) {
        const settled = nextSettle(el);
        typeText(el, `acme ${i}`);
        await settled;
        await el.updateComplete;
        el.shadowRoot!.querySelector('[role="combobox"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
        await el.updateComplete;
        // The tracker sees the picker's own timers (so "none left" below means something).
        if (![...tracker.timers.values()].includes('interval 1000 ms')) throw new Error('the countdown interval was not seen');
        modes['results with countdown'] += 1;
      } else {
        fetchSignal = undefined;
        typeText(el, `acme ${i}`);
        if (mode !== 2) {
          await inFlight;
          if (mode === 1) mine = fetchSignal;
          modes[mode === 0 ? 'searchAccounts in flight' : 'fetch in flight'] += 1;
        } else {
          modes['debounce armed'] += 1;
        }
      }
      el.remove();
      // Aborted synchronously in disconnectedCallback, not some time later.
      if (mine) {
        requests += 1;
        if (!mine.aborted) notAborted += 1;
      }
    }
    started = undefined;
    fetchSignal = undefined;

    expect(modes).to.deep.equal({ 'searchAccounts in flight': 250, 'fetch in flight': 250, 'debounce armed': 250, 'results with countdown': 250 });
    expect(requests, 'requests observed').to.equal(500);
    expect(notAborted, 'requests still in flight after disconnect').to.equal(0);

    // Anything short that was armed fires by itself; what is left after that was never cleared.
    await shortTimeoutsFired(tracker);
    expect([...tracker.timers.values()], 'live timers').to.deep.equal([]);
    expect(tracker.listeners.map((l) => `${(l.target as Node).nodeName ?? 'window'} ${l.type}`), 'document/window listeners').to.deep.equal([]);
    tracker.uninstall();

    const after = await heap();
    expect(after.instances, 'picker instances still reachable').to.equal(0);
    // 1,000 pickers of 20–200 nodes each: a leak would show as tens of thousands.
    expect(after.nodes - before.nodes, 'DOM nodes left behind').to.be.lessThan(200);
    expect(after.jsEventListeners - before.jsEventListeners, 'JS event listeners left behind').to.be.lessThan(20);
    expect(after.documents - before.documents, 'documents').to.be.at.most(0);
  });

  describe('with long, virtualized lists', () => {
    setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });

    it('releases the virtualizer (window and list scroll listeners, observers) with the picker', async function () {
      this.timeout(60_000);
      const long = { ...BODY, accounts: Array.from({ length: 300 }, (_, i) => ({ ...BODY.accounts[0]!, id: `v${i}`, name: `Account ${i}` })) };
      const before = await heap();
      tracker.install();
      // One function per cycle, so no picker outlives its cycle in this function's frame.
      const cycle = async (i: number) => {
        const el = create(i);
        el.searchAccounts = (async () => long) as unknown as SearchAccounts;
        document.body.append(el);
        await el.updateComplete;
        const settled = nextSettle(el);
        typeText(el, `acme ${i}`);
        await settled;
        await el.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const listbox = el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
        if (el.shadowRoot!.querySelectorAll('[role="option"]').length >= 300) throw new Error('the long list was not virtualized');
        listbox.scrollTop = listbox.scrollHeight / 2;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        // Half of them go back to a short list first: the virtualizer must let go then too.
        if (i % 2) {
          el.searchAccounts = (async () => BODY) as unknown as SearchAccounts;
          const short = nextSettle(el);
          typeText(el, `short ${i}`);
          await short;
          await el.updateComplete;
        }
        el.remove();
      };
      for (let i = 0; i < 100; i += 1) await cycle(i);
      await shortTimeoutsFired(tracker);
      expect([...tracker.timers.values()], 'live timers').to.deep.equal([]);
      expect(tracker.listeners.map((l) => `${(l.target as Node).nodeName ?? 'window'} ${l.type}`), 'document/window listeners').to.deep.equal([]);
      tracker.uninstall();
      const after = await heap();
      expect(after.instances, 'picker instances still reachable').to.equal(0);
      expect(after.nodes - before.nodes, 'DOM nodes left behind').to.be.lessThan(200);
      expect(after.jsEventListeners - before.jsEventListeners, 'JS event listeners left behind').to.be.lessThan(20);
    });
  });
});
