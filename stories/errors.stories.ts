import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import '../src/link-account-picker.js';
import type { Failure } from '../mocks/scenario.js';
import { pickerMeta, type PickerArgs } from './meta.js';
import {
  backendOf,
  codesShown,
  combobox,
  liveRegion,
  mockBackend,
  options,
  pick,
  pickerIn,
  searchFailing,
  searchFor,
  STORY_ACCOUNTS,
  textOf,
  type SearchErrorDetail,
} from './support.js';

const meta = {
  title: 'Picker/Errors',
  tags: ['autodocs'],
  ...pickerMeta({
    description:
      'Every way the search can fail, from the mocks\' own failure scenarios (mocks/scenario.ts). Each shows a specific message in the picker and fires `search-error` with its `kind` — and the admin\'s selection survives.',
  }),
} satisfies Meta<PickerArgs>;
export default meta;
type Story = StoryObj<PickerArgs>;

type Expected = { kind: SearchErrorDetail['error']['kind']; status?: number; words: RegExp };

function failing(failure: Failure, expected: Expected, args: Partial<PickerArgs> = {}): Story {
  return {
    args: { query: 'Harbor Point', ...args },
    loaders: [mockBackend({ failure })],
    play: async ({ canvasElement }) => {
      const el = pickerIn(canvasElement);
      const { error } = await searchFailing(el, 'Harbor Point');
      await expect(error.kind).toBe(expected.kind);
      if (expected.status !== undefined) await expect(error.status).toBe(expected.status);
      await expect(error.message.length).toBeGreaterThan(0);
      // The picker shows the message itself, not a generic "something went wrong".
      await waitFor(() => expect(textOf(el)).toMatch(expected.words));
      await expect(options(el)).toHaveLength(0);
      await expect(combobox(el)).not.toBeDisabled();
    },
  };
}

/** The connection dropped (MSW `HttpResponse.error()`). */
export const NetworkDown = failing('network-down', { kind: 'network', words: /connect|network/i });

/** 401: the admin's session expired — sign in again. */
export const SessionExpired = failing('unauthorized', { kind: 'http', status: 401, words: /sign in/i });

/** 403: this admin may not link accounts on this site. */
export const PermissionDenied = failing('forbidden', { kind: 'http', status: 403, words: /permission/i });

/** 429 with Retry-After: 5 — too many searches; the retry button waits out the server's seconds. */
export const RateLimited: Story = {
  ...failing('rate-limited', { kind: 'http', status: 429, words: /too many/i }),
  play: async (context) => {
    await failing('rate-limited', { kind: 'http', status: 429, words: /too many/i }).play!(context);
    const retry = pickerIn(context.canvasElement).shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry"]');
    await expect(retry).toBeDisabled();
    await expect(retry?.textContent).toMatch(/\d+\s*s/);
  },
};

/** 404: the endpoint is not there (a typo in the `endpoint` attribute, a service moved). */
export const EndpointNotFound = failing('not-found', { kind: 'http', status: 404, words: /not found.*endpoint/i });

/** Any other 4xx (here 400): the search was refused, said plainly with its status. */
export const Refused = failing('bad-request', { kind: 'http', status: 400, words: /refused.*HTTP 400/i });

/** 500 from the server. */
export const ServerError = failing('server-error', { kind: 'http', status: 500, words: /HTTP 500/ });

/** 503 with Retry-After: 30 — the search service is down for a while. */
export const ServiceUnavailable = failing('service-unavailable', { kind: 'http', status: 503, words: /HTTP 503/ });

/** The server never answers; the picker gives up after `timeout` (2 s here, 10 s by default). */
export const Timeout = failing('timeout', { kind: 'timeout', words: /too long|time/i }, { timeout: 2000 });

/** 200, but the body is cut off mid-JSON. */
export const InvalidJson = failing('invalid-json', { kind: 'invalid-response', words: /unexpected|invalid|read/i });

/** 200, but JSON from a different API: no site, no accounts list. */
export const WrongShape = failing('wrong-shape', { kind: 'invalid-response', words: /unexpected|invalid|site|accounts/i });

/**
 * The same answer on a Spanish page (`<html lang="es">`): the whole message is Spanish, including
 * what was wrong with the answer.
 */
export const WrongShapeInSpanish: Story = {
  ...failing('wrong-shape', { kind: 'invalid-response', words: /No se pudo usar la respuesta del servidor: falta el campo site\./ }),
  globals: { locale: 'es' },
  // The page's language is the whole page's: on the docs page this story gets a page (iframe) of its own.
  parameters: { docs: { story: { inline: false, height: '260px' } } },
  play: async (context) => {
    await failing('wrong-shape', { kind: 'invalid-response', words: /falta el campo site/ }).play!(context);
    await expect(textOf(pickerIn(context.canvasElement))).not.toMatch(/could not be used|is missing/);
  },
};

/** A host set an endpoint that is not a URL: the picker names it, and sends nothing. */
export const EndpointNotAUrl = failing(
  'none',
  { kind: 'network', words: /endpoint “http:\/\/\[::1” is not a valid URL/ },
  { endpoint: 'http://[::1' },
);

/**
 * Every third account in the answer is broken (no id, no name, not an object): those are left out and
 * counted, the rest still show. This is not a `search-error`.
 */
export const PartiallyMalformed: Story = {
  args: { query: 'Paving' },
  loaders: [mockBackend({ failure: 'malformed-accounts' })],
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const { results } = await searchFor(el, 'Paving');
    await expect(results.length).toBeGreaterThan(0);
    await waitFor(() => expect(options(el).length).toBe(results.length));
    await expect(codesShown(el).every(Boolean)).toBe(true);
    // "N accounts could not be shown" — the count is in the message and the announcement.
    await waitFor(() => expect(textOf(el)).toMatch(/could not|couldn't|left out|malformed/i));
    await expect(liveRegion(el).textContent?.length).toBeGreaterThan(0);
    await expect(backendOf(context).requests).toHaveLength(1);
  },
};

/**
 * An error after the admin picked an account: the selection stays (contract: a failed search never
 * loses the current selection). The backend breaks between the two searches, like a real outage.
 */
export const ErrorKeepsSelection: Story = {
  // Shown statically: a page opened with Harbor Point selected while the search is down (its chip
  // shows the id, since no search could describe it). The play function walks the outage instead.
  args: { value: [STORY_ACCOUNTS.linkable.id], query: 'Whitfield' },
  loaders: [mockBackend({ failure: 'server-error' })],
  play: async (context) => {
    const el = pickerIn(context.canvasElement);
    const harbor = STORY_ACCOUNTS.linkable;
    backendOf(context).scenario.set({ failure: 'none' });
    await searchFor(el, harbor.searchFor);
    await pick(el, harbor.id);
    await expect(el.value).toEqual([harbor.id]);

    backendOf(context).scenario.set({ failure: 'server-error' });
    const { error } = await searchFailing(el, 'Whitfield');
    await expect(error.status).toBe(500);
    await expect(el.value).toEqual([harbor.id]);
    await expect(textOf(el)).toContain(harbor.name);
  },
};
