/**
 * The drop-in folder's entry (`link-account-picker/standalone`, built to
 * `dist/standalone/link-account-picker.js`): the element registered, Lit and every other dependency
 * included, for a page with no build step. Copy the whole folder: the entry loads the chunks beside it
 * (the virtualizer, each language's strings) when a page first needs them.
 *
 * ```html
 * <script type="module" src="/vendor/link-account-picker/standalone/link-account-picker.js"></script>
 * ```
 *
 * It exposes the same API as the package entry, so a page can still `import { setLocale } from …`.
 */
export * from './link-account-picker.js';
export { setLocale, supportedLocales } from './internal/localization.js';
