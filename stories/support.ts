/**
 * What the stories' play functions share: reaching into the picker through its public surface only —
 * the element's documented hooks (role=combobox, role=listbox, role=option with data-account-id
 * / data-eligibility, aria-disabled, the polite live region, the events) and the CSS parts its manifest
 * documents — never through internal class names or element structure.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { expect, userEvent, waitFor } from 'storybook/test';
import { DEFAULT_SEED, STORY_ACCOUNTS, type StoryKey } from '../mocks/data.js';
import { createHandlers, datasetFor, MOCK_ENDPOINT, type HandlerOptions } from '../mocks/handlers.js';
import { createScenarioStore, type Scenario, type ScenarioStore } from '../mocks/scenario.js';
import { searchPage } from '../mocks/search.js';
import type {
  EligibilityCode,
  LinkAccountPicker,
  SearchCompleteDetail,
  SearchErrorDetail,
  SearchResponse,
} from '../src/link-account-picker.js';

export { MOCK_ENDPOINT, STORY_ACCOUNTS };
export type { SearchCompleteDetail, SearchErrorDetail };

export type MediaEmulation = { colorScheme?: 'light' | 'dark' | null; forcedColors?: 'active' | 'none' | null };

declare global {
  // Installed by .storybook/vitest.setup.ts in story tests only.
  var __storyTestEmulateMedia: ((media: MediaEmulation) => Promise<void>) | undefined;
}

/**
 * Puts the browser in a media state for the story's test run (real `forced-colors: active` /
 * `prefers-color-scheme: dark`), and returns the cleanup so the next story starts neutral. In the
 * Storybook UI it does nothing: the story's description says how to see it there.
 */
export async function emulateMedia(media: MediaEmulation): Promise<() => Promise<void>> {
  const emulate = globalThis.__storyTestEmulateMedia;
  if (!emulate) return async () => {};
  await emulate(media);
  return () => emulate({ colorScheme: null, forcedColors: null });
}

export const TAG = 'link-account-picker';

/** The element as its package types it (a type-only import: registering is the stories' own import). */
export type Picker = LinkAccountPicker;

export function pickerIn(canvasElement: HTMLElement): Picker {
  const el = canvasElement.querySelector<Picker>(TAG);
  if (!el) throw new Error(`<${TAG}> is not in the story`);
  return el;
}

function root(el: Picker): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`<${TAG}> has no open shadow root`);
  return el.shadowRoot;
}

export function combobox(el: Picker): HTMLInputElement {
  const input = root(el).querySelector<HTMLInputElement>('[role="combobox"]');
  if (!input) throw new Error('no role=combobox in the picker');
  return input;
}

export function listbox(el: Picker): HTMLElement | null {
  return root(el).querySelector<HTMLElement>('[role="listbox"]');
}

export function options(el: Picker): HTMLElement[] {
  return [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
}

export function option(el: Picker, accountId: string): HTMLElement | undefined {
  return options(el).find((o) => o.dataset.accountId === accountId);
}

export function liveRegion(el: Picker): HTMLElement {
  const region = root(el).querySelector<HTMLElement>('[aria-live="polite"], [role="status"]');
  if (!region) throw new Error('no polite live region in the picker');
  return region;
}

/** All visible text of the picker, shadow root included (what a sighted admin reads). */
export function textOf(el: Picker): string {
  return (root(el).textContent ?? '').replace(/\s+/g, ' ');
}

/** Resolves with the next `name` event from the picker (subscribe before acting). */
export function nextEvent<D = unknown>(el: Picker, name: string, timeout = 8000): Promise<CustomEvent<D>> {
  const promise = new Promise<CustomEvent<D>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeout} ms`)), timeout);
    el.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<D>);
      },
      { once: true },
    );
  });
  // A story that already failed elsewhere must not also report this as an unhandled rejection.
  promise.catch(() => {});
  return promise;
}

/**
 * Types a query the way an admin does: into the search box, key by key, replacing what was there.
 * (user-event's `clear()` can't see focus inside a shadow root, so the old text is selected and typed over.)
 */
export async function typeQuery(el: Picker, query: string): Promise<void> {
  // On a page in another language the first render waits for its strings to load, as a host sees it.
  await el.updateComplete;
  const input = combobox(el);
  await userEvent.type(input, query, { initialSelectionStart: 0, initialSelectionEnd: input.value.length });
}

/** Types a query and waits until its results are on screen; returns them. */
export async function searchFor(el: Picker, query: string): Promise<SearchCompleteDetail> {
  const done = nextEvent<SearchCompleteDetail>(el, 'search-complete');
  await typeQuery(el, query);
  const { detail } = await done;
  await waitFor(() => expect(listbox(el)).not.toBeNull());
  return detail;
}

/** Types a query whose search fails; returns the error the picker reported. */
export async function searchFailing(el: Picker, query: string): Promise<SearchErrorDetail> {
  const failed = nextEvent<SearchErrorDetail>(el, 'search-error', 15000);
  await typeQuery(el, query);
  return (await failed).detail;
}

/** Every option's code, in the order shown. */
export function codesShown(el: Picker): string[] {
  return options(el).map((o) => o.dataset.eligibility ?? '');
}

/** The option's accessible description: the text of the nodes its aria-describedby names. */
export function descriptionOf(el: Picker, opt: HTMLElement): string {
  const ids = (opt.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => root(el).getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Checks one account's option as the contract describes it: its verdict code, pickable or not
 * (aria-disabled), and for the others a reason a screen reader hears (the accessible description).
 * Returns the option and what an admin reads for it: the option's text plus its description.
 */
export async function expectExplained(
  el: Picker,
  accountId: string,
  code: EligibilityCode,
): Promise<{ option: HTMLElement; text: string }> {
  const opt = await waitFor(() => {
    const found = option(el, accountId);
    expect(found, `option for ${accountId}`).toBeDefined();
    return found!;
  });
  expect(opt.dataset.eligibility).toBe(code);
  const description = descriptionOf(el, opt);
  if (code === 'linkable') {
    expect(opt.getAttribute('aria-disabled')).not.toBe('true');
  } else {
    expect(opt.getAttribute('aria-disabled')).toBe('true');
    expect(description, 'the reason, as the option\'s accessible description').not.toBe('');
  }
  return { option: opt, text: `${(opt.textContent ?? '').replace(/\s+/g, ' ')} ${description}` };
}

/* ---------------------------------------------------------------------------------------------- */
/* The mocked backend: the mocks' own handlers and data, one fresh mock world per story.          */
/* ---------------------------------------------------------------------------------------------- */

/** What a story's play function gets in `context.loaded.backend`. */
export interface Backend {
  /** This story's scenario: latency, failure, mock clock. Changes apply to the next request. */
  scenario: ScenarioStore;
  /** Every request that reached the search endpoint, in order. */
  requests: URL[];
}

/** What a story's mocked backend does, besides the mocks' defaults. */
export interface BackendOptions extends Partial<Pick<Scenario, 'latency' | 'failure'>> {
  /** Answers instead of the mocks' search, reading the same scenario (see showcase()). */
  answer?: (scenario: ScenarioStore, endpoint: string) => HttpHandler | HttpHandler[];
  /** How the mock server is configured: page size cap, a stalled sync, failures on next pages only. */
  server?: Pick<HandlerOptions, 'maxLimit' | 'syncStalled' | 'failureOn'>;
  /** Moves the mock clock on by this many minutes before the story starts. */
  clockMinutes?: number;
  /** After this many answered requests, the server answers no more (a re-check left hanging). */
  answersOnly?: number;
}

/** What a loader or decorator knows of the story it runs for. */
export interface StoryPlace {
  id: string;
  viewMode: string;
}

/**
 * Where a story's pickers send their searches. In the canvas, the mocks' endpoint. On a docs page,
 * every story of the file is on screen at once, each with its own mocked backend (a failure, a clock),
 * so each story's pickers get a path of their own under /api/stories/<story id>/ and its handlers
 * answer only there.
 */
export function storyEndpoint(endpoint: string, story: StoryPlace): string {
  if (story.viewMode !== 'docs' || !endpoint.startsWith('/api/')) return endpoint;
  return `/api/stories/${story.id}/${endpoint.slice('/api/'.length)}`;
}

/**
 * A story loader: a new scenario store (so "booked 4 minutes ago" is 4 minutes ago whenever the story
 * opens, and no story leaks latency or failures into the next), the mocks' handlers reading it, and a
 * log of the requests so a play function can assert what was (not) asked. Runs after the preview's
 * mock service loader, which in the canvas has reset the previous story's handlers.
 */
export function mockBackend({ answer, server, clockMinutes, answersOnly, ...defaults }: BackendOptions = {}) {
  return async (context: object): Promise<{ backend: Backend }> => {
    // Set on the context by the preview's mock service loader, which runs before story loaders.
    const { msw, id, viewMode } = context as { msw?: SetupWorker } & StoryPlace;
    if (!msw) throw new Error('MSW is not running: is the mock service loader in .storybook/preview.ts?');
    const endpoint = storyEndpoint(MOCK_ENDPOINT, { id, viewMode });
    const scenario = createScenarioStore({ defaults });
    if (clockMinutes) scenario.advanceClock(clockMinutes);
    const requests: URL[] = [];
    const log = http.get(endpoint, ({ request }) => {
      requests.push(new URL(request.url));
      // Returning nothing hands the request on to the next handler: the log only watches.
    });
    const answering = answer ? [answer(scenario, endpoint)].flat() : createHandlers({ store: scenario, endpoint, ...server });
    const holding = answersOnly === undefined ? [] : [holdAfter(endpoint, answersOnly)];
    msw.use(log, ...holding, ...answering);
    return { backend: { scenario, requests } };
  };
}

/** A handler that lets the first `count` requests through and holds every later one until it is aborted. */
function holdAfter(endpoint: string, count: number): HttpHandler {
  let seen = 0;
  return http.get(endpoint, async ({ request }) => {
    seen += 1;
    if (seen <= count) return undefined;
    await new Promise<void>((resolve) => request.signal.addEventListener('abort', () => resolve(), { once: true }));
    return HttpResponse.error();
  });
}

export function backendOf(context: { loaded: Record<string, unknown> }): Backend {
  const backend = context.loaded.backend as Backend | undefined;
  if (!backend) throw new Error('story has no mockBackend() loader');
  return backend;
}

/**
 * The trainers' named accounts (mocks/data.ts STORY_ACCOUNTS) as one answer, for the story that puts
 * every verdict side by side. No real query finds one account of each kind on one page (already-linked
 * is rare by nature), so this handler asks the mock server's own search for each named account and
 * returns them together: the data, the clock and the sync simulation are the mocks', nothing copied.
 */
export function showcase(keys: StoryKey[]): (scenario: ScenarioStore, endpoint: string) => HttpHandler {
  return (scenario, endpoint) =>
    http.get(endpoint, ({ request }) => {
      const p = new URL(request.url).searchParams;
      const dataset = datasetFor(DEFAULT_SEED, scenario.get().anchor);
      const now = scenario.now();
      let first: SearchResponse | undefined;
      const accounts = keys.flatMap((key) => {
        const outcome = searchPage(dataset, { q: STORY_ACCOUNTS[key].number, site: p.get('site'), user: p.get('user') }, now);
        if (!outcome.ok) return [];
        first ??= outcome.body;
        return outcome.body.accounts.filter((a) => a.id === STORY_ACCOUNTS[key].id);
      });
      if (!first) return HttpResponse.json({ error: 'unknown-site', message: 'No such site.' }, { status: 404 });
      return HttpResponse.json({ ...first, accounts, nextCursor: null, total: accounts.length });
    });
}

/** Clicks an account's option, as an admin picks it with the mouse. */
export async function pick(el: Picker, accountId: string): Promise<void> {
  const opt = await waitFor(() => {
    const found = option(el, accountId);
    expect(found, `option for ${accountId}`).toBeDefined();
    return found!;
  });
  await userEvent.click(opt);
}
