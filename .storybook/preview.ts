import type { Decorator, LoaderFunction, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import { setupWorker, type SetupWorker } from 'msw/browser';
import manifest from '../custom-elements.json';
import { handlers } from '../mocks/handlers.js';

// Autodocs (attributes, properties, events, parts, custom properties) and the controls come from the
// committed manifest (`npm run analyze`; CI fails when it is stale).
setCustomElementsManifest(manifest);

/**
 * One worker for the whole Storybook, answering with the mocks' own handlers (the same backend as the
 * demo and the tests) so any story can search. Stories that need their own scenario add handlers in
 * front through a loader (stories/support.ts mockBackend()). Any other call to /api is a story bug and
 * is reported loudly; asset and Storybook-internal requests pass.
 */
async function startWorker() {
  const worker = setupWorker(...handlers);
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.startsWith('/api/')) print.error();
    },
  });
  return worker;
}

let started: Promise<SetupWorker> | undefined;

/**
 * Starts the worker once, and hands it to the story loaders as `context.msw`. In the canvas one story
 * is on screen: the previous story's handlers go, the initial ones stay. A docs page shows every story
 * of a file at once, each answering on its own path (stories/support.ts storyEndpoint()), so none is
 * reset there: a reset would leave all of them with the last story's backend.
 */
const mockService: LoaderFunction = async (context) => {
  const msw = await (started ??= startWorker());
  (context as { msw?: SetupWorker }).msw = msw;
  if (context.viewMode !== 'docs') msw.resetHandlers();
  return {};
};

/** The page languages a designer can switch between: the picker follows `<html lang>`. */
const PAGE_LOCALES: Record<string, { lang: string; dir: 'ltr' | 'rtl' }> = {
  en: { lang: 'en', dir: 'ltr' },
  es: { lang: 'es', dir: 'ltr' },
  ar: { lang: 'ar', dir: 'rtl' },
};

/**
 * The `locale` toolbar global (or a story's `globals: { locale }`): sets the page's language, as a
 * host page does, and the writing direction around the story (an Arabic page is right-to-left; the
 * picker has no Arabic strings, so it speaks English there, mirrored).
 */
const withPageLocale: Decorator = (story, context) => {
  const page = PAGE_LOCALES[String(context.globals.locale)] ?? PAGE_LOCALES.en!;
  if (document.documentElement.lang !== page.lang) document.documentElement.lang = page.lang;
  return html`<div dir=${page.dir}>${story()}</div>`;
};

const preview: Preview = {
  loaders: [mockService],
  decorators: [withPageLocale],
  globalTypes: {
    locale: {
      description: 'The page language (<html lang>), which the picker follows',
      toolbar: {
        title: 'Page language',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'ar', title: 'Arabic page (right-to-left)' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en' },
  parameters: {
    controls: { expanded: true },
    // Every story is also an accessibility test: a violation fails `npm run test-storybook`.
    a11y: { test: 'error' },
    docs: { toc: true },
    options: {
      storySort: {
        order: ['Design review', 'Picker', ['Gallery', 'States', 'Eligibility', 'Errors', 'Selection', 'Presentation', 'Theming']],
      },
    },
  },
};

export default preview;
