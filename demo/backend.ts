/**
 * Which backend the demo's picker searches: the mock server in the page (MSW, the default), or a real
 * endpoint named in the page's URL, `?endpoint=http://127.0.0.1:8787/api/accounts/search` (what
 * `npm run endpoint` prints). With a real endpoint the mock worker is never started, so no answer
 * can come from the mocks by mistake.
 */
import { MOCK_ENDPOINT } from '../mocks/handlers.js';

export type DemoBackend =
  | { kind: 'mock'; endpoint: string }
  | { kind: 'endpoint'; endpoint: string }
  /** `?endpoint=` named something that is no http(s) URL: the demo says so and searches nothing. */
  | { kind: 'invalid'; given: string };

export function backendFrom(search: string): DemoBackend {
  const given = new URLSearchParams(search).get('endpoint');
  if (given === null || given.trim() === '') return { kind: 'mock', endpoint: MOCK_ENDPOINT };
  try {
    const url = new URL(given.trim());
    if (url.protocol === 'http:' || url.protocol === 'https:') return { kind: 'endpoint', endpoint: url.href };
  } catch {
    // falls through: not a URL
  }
  return { kind: 'invalid', given };
}

/** The badge in the page's header: where answers come from. */
export function backendLabel(backend: DemoBackend): string {
  switch (backend.kind) {
    case 'mock':
      return 'Training demo · mock data';
    case 'endpoint':
      return `Training demo · live endpoint ${backend.endpoint}`;
    default:
      return `Training demo · "${backend.given}" is not an http(s) URL: nothing is searched`;
  }
}
