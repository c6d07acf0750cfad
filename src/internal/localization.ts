/**
 * Which language the picker speaks, and the @lit/localize runtime behind it.
 *
 * By default the picker follows the page: `<html lang>` (watched, so a host that switches language
 * at runtime is followed), else the browser's language. A host can pin a language with `setLocale()`.
 *
 * Two locales are different things here:
 * - the *template* locale (`en` | `es`): which translated strings `msg()` returns;
 * - the *Intl* locale (`currentLocale()`): a full BCP 47 tag for dates and relative times, e.g. `es-MX`,
 *   kept in the same language as the strings so a sentence never mixes two languages.
 *
 * Translations load with `import()` when first needed: a host's bundler puts each language in its own
 * file (`link-account-picker/locales/es`), and the drop-in folder has each as a chunk beside its entry
 * (`standalone/locales/es-….js`), so an English admin page never downloads Spanish. While a language
 * loads, pickers hold their next render (see `localeLoading()`), so no English frame flashes first.
 */
import { configureLocalization, LOCALE_STATUS_EVENT, type LocaleModule, type LocaleStatusEventDetail } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { allLocales, sourceLocale, targetLocales } from '../generated/locale-codes.js';

/** A language the picker's strings are translated into. */
export type PickerLocale = (typeof allLocales)[number];

/** The picker's languages, source first. */
export const supportedLocales: readonly PickerLocale[] = allLocales;

/** Fired on `window` when the Intl locale changes but the template locale does not (es-MX → es-ES). */
const INTL_LOCALE_EVENT = 'link-account-picker-locale';

/** One loader per translated language; each is a separate chunk in both builds. */
const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  es: () => import('../generated/locales/es.js'),
};

/** undefined: not started; null: another library configured @lit/localize first (we follow it). */
let runtime: ReturnType<typeof configureLocalization> | null | undefined;
let pinned: string | null = null;
let lastIntlLocale = '';
/** The language being loaded, until it has loaded or failed. */
let loading: Promise<void> | undefined;

/** A valid BCP 47 tag, or undefined: an invalid `lang` must never make `Intl` throw in render. */
function canonical(tag: string | null | undefined): string | undefined {
  const trimmed = tag?.trim().replace(/_/g, '-');
  if (!trimmed) return undefined;
  try {
    return Intl.getCanonicalLocales(trimmed)[0];
  } catch {
    return undefined;
  }
}

/** The tag the host or page asks for, before matching it against the picker's languages. */
function requestedLocale(): string {
  return (
    canonical(pinned) ??
    canonical(typeof document === 'undefined' ? undefined : document.documentElement.lang) ??
    canonical(typeof navigator === 'undefined' ? undefined : navigator.language) ??
    sourceLocale
  );
}

/** `es-MX` → `es`; anything we have no strings for → the source locale. */
export function matchLocale(tag: string): PickerLocale {
  const language = (canonical(tag) ?? '').split('-')[0]!.toLowerCase();
  return (allLocales as readonly string[]).includes(language) ? (language as PickerLocale) : sourceLocale;
}

/**
 * The locale for `Intl` formatting (dates, times, "in 7 minutes"): the requested tag when the picker
 * speaks its language (`es-MX`), else the language it speaks (`en` for a `fr` page, since its
 * strings are English).
 */
export function currentLocale(): string {
  startLocalization();
  const requested = requestedLocale();
  // When another library owns @lit/localize we can't know which strings show; keep the page's tag.
  if (runtime === null) return requested;
  const language = matchLocale(requested);
  return requested.split('-')[0]!.toLowerCase() === language ? requested : language;
}

/** The language `node` is in, as the page says (`lang` on it or an ancestor, through shadow roots); '' when none. */
function inheritedLanguage(node: Element): string {
  for (let at: Element | null = node; at; ) {
    const marked = at.closest('[lang]');
    if (marked) return marked.getAttribute('lang') ?? '';
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

/** The languages in a picker's shadow tree: its own strings', and the page's, for the host's text. */
export interface ShadowLanguages {
  /**
   * The picker's own text (English on a French page; the page's `es-MX` on a Mexican one), or
   * undefined when another library owns @lit/localize (its strings are unknown).
   */
  own: string | undefined;
  /** The host's text (label, placeholder, help text): the language `host` inherits, '' when the page names none. */
  host: string;
}

/**
 * Both languages, to mark on the shadow tree's elements even when they agree with the page: Firefox
 * does not carry the page's `lang` into a shadow root, so unmarked text there has no language, and a
 * screen reader reads it in a default voice.
 */
export function shadowLanguages(host: Element): ShadowLanguages {
  startLocalization();
  const inherited = canonical(inheritedLanguage(host)) ?? '';
  if (!runtime) return { own: undefined, host: inherited };
  const strings = runtime.getLocale();
  const own = inherited.split('-')[0]!.toLowerCase() === strings ? inherited : strings;
  return { own, host: inherited };
}

/**
 * Settles when the language being loaded is ready (or failed to load: the picker then stays in the
 * language it had). `undefined` when nothing is loading, so a render need not wait a microtask.
 */
export function localeLoading(): Promise<void> | undefined {
  return loading;
}

/** Applies the requested locale, loading its templates the first time. */
function sync(): Promise<void> {
  const intl = currentLocale();
  const intlChanged = intl !== lastIntlLocale;
  lastIntlLocale = intl;
  if (!runtime) return Promise.resolve();
  const target = matchLocale(intl);
  if (target !== runtime.getLocale()) {
    const load: Promise<void> = runtime
      .setLocale(target)
      .then(
        () => undefined,
        (error: unknown) => console.warn(`<link-account-picker>: the "${target}" translations failed to load.`, error),
      )
      .finally(() => {
        if (loading === load) loading = undefined;
      });
    loading = load;
    return load;
  }
  // Same strings, other regional formats: @lit/localize fires nothing, so tell the elements ourselves.
  if (intlChanged && typeof window !== 'undefined') window.dispatchEvent(new Event(INTL_LOCALE_EVENT));
  return Promise.resolve();
}

/**
 * Sets up the @lit/localize runtime and starts following `<html lang>`. Idempotent. Runs when this
 * module is first imported (below): the picker's very first render, before any search, must already
 * speak the page's language.
 */
export function startLocalization(): void {
  if (runtime !== undefined) return;
  try {
    runtime = configureLocalization({
      sourceLocale,
      targetLocales,
      loadLocale: (locale) => loaders[locale as keyof typeof loaders](),
    });
  } catch {
    // @lit/localize is one runtime per page and the host's app configured it already: our strings
    // then show in whatever its templates hold (English unless it merged ours, see docs/frameworks.md).
    runtime = null;
    console.warn(
      '<link-account-picker>: @lit/localize was already configured on this page; the picker cannot switch its own language. Merge the templates of link-account-picker/locales/<lang> into your loadLocale to translate it.',
    );
  }
  if (typeof document !== 'undefined') {
    new MutationObserver(() => void sync()).observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
    });
    window.addEventListener('languagechange', () => void sync());
  }
  void sync();
}

/**
 * Pins the picker's language, whatever the page's `lang` says; `null` goes back to following the page.
 * Resolves when every picker on the page can render in it. Unknown languages fall back to English
 * strings (with the tag still used for dates).
 *
 * @example
 * import { setLocale } from 'link-account-picker';
 * await setLocale('es-MX');
 */
export function setLocale(locale: string | null): Promise<void> {
  pinned = locale;
  startLocalization();
  return sync();
}

/**
 * Re-renders its host when the picker's language or regional format changes: when a language's
 * strings are ready (what @lit/localize's `@localized()` does, so the picker needs no decorator), and
 * on `lang="es-MX"` → `lang="es-ES"`, where only the dates change.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    startLocalization();
    window.addEventListener(LOCALE_STATUS_EVENT, this.#onStatus);
    window.addEventListener(INTL_LOCALE_EVENT, this.#onIntl);
  }

  hostDisconnected(): void {
    window.removeEventListener(LOCALE_STATUS_EVENT, this.#onStatus);
    window.removeEventListener(INTL_LOCALE_EVENT, this.#onIntl);
  }

  #onStatus = (event: CustomEvent<LocaleStatusEventDetail>): void => {
    if (event.detail.status === 'ready') this.#host.requestUpdate();
  };

  #onIntl = (): void => this.#host.requestUpdate();
}

startLocalization();
