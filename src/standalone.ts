/**
 * The drop-in bundle (`link-account-picker/standalone`): the element registered, Lit and every other
 * dependency included, for a page with no build step:
 *
 * ```html
 * <script type="module" src="https://…/link-account-picker/dist/standalone.js"></script>
 * ```
 *
 * It exposes the same API as the package entry, so a page can still `import { setLocale } from …`.
 */
export * from './link-account-picker.js';
export { setLocale, supportedLocales } from './internal/localization.js';
