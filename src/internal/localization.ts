/**
 * The locale the picker speaks. Minimal for now: the page's `lang`, else the browser's.
 * (The localization helper extends this with @lit/localize's runtime setup.)
 */
export function currentLocale(): string {
  return document.documentElement.lang || navigator.language || 'en';
}
