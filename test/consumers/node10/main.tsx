// moduleResolution "node10" ignores package.json "exports": the subpaths resolve through "typesVersions".
import type { LinkAccountPicker } from 'link-account-picker';
import { evaluateAccount, parseSearchResponse, type SearchResponse } from 'link-account-picker/eligibility';
import type { templates } from 'link-account-picker/locales/es';
import type { setLocale } from 'link-account-picker/standalone';
import type { SearchHandlerOptions } from 'link-account-picker/server';
import 'link-account-picker/react';

export const check: (body: unknown) => SearchResponse | undefined = (body) => {
  const parsed = parseSearchResponse(body);
  return parsed.ok ? parsed.response : undefined;
};
export const rules: typeof evaluateAccount = evaluateAccount;
export type Picker = LinkAccountPicker;
export type Templates = typeof templates;
export type SetLocale = typeof setLocale;
export type ServerOptions = SearchHandlerOptions;
export const element = <link-account-picker label="Accounts" multiple />;
// @ts-expect-error `min-chars` is a number.
export const wrong = <link-account-picker label="Accounts" min-chars="two" />;
