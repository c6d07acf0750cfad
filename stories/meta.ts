/**
 * What every stories file shares: the args (the element's attributes, `value`, the state shown, the
 * page's colour scheme and the theme's tokens), the controls that change them, the render, and the
 * decorator that shows a state statically. A file's default export is
 * `{ title: '…', tags: ['autodocs'], ...pickerMeta() }`: the title and tags stay literal there, where
 * Storybook's indexer reads them without running the file.
 */
import type { ArgTypes, Decorator, Loader, Meta, Parameters, StoryContext } from '@storybook/web-components-vite';
import { addons } from 'storybook/preview-api';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';
import { ref } from 'lit/directives/ref.js';
import { styleMap } from 'lit/directives/style-map.js';
import manifest from '../custom-elements.json';
import { STORY_ACCOUNTS } from '../mocks/data.js';
import { MOCK_ENDPOINT } from '../mocks/handlers.js';
import { reservePopupRoom } from './popup-room.js';
import { showState, type PickerState } from './state.js';
import { mockBackend, storyEndpoint, TAG, type Picker, type StoryPlace } from './support.js';

/** One of the theme's custom properties, e.g. `--link-account-picker-accent-color`. */
export type TokenName = `--link-account-picker-${string}`;

/** The page around the picker: no declaration (light), following the OS, or dark. */
export type ColorScheme = 'normal' | 'light dark' | 'dark';

/** The element's attributes (named as in HTML, so controls and "show code" match), and what a story shows. */
export interface PickerArgs extends PickerState {
  endpoint?: string;
  site?: string;
  user?: string;
  label?: string;
  placeholder?: string;
  multiple?: boolean;
  'min-chars'?: number;
  debounce?: number;
  limit?: number;
  timeout?: number;
  disabled?: boolean;
  required?: boolean;
  name?: string;
  /** The `value` property: ids of the selected accounts. */
  value?: string[];
  colorScheme?: ColorScheme;
  [token: TokenName]: string | undefined;
}

/** Dana Whitfield (usr-1001) on the Northwind site: the mocks' reference admin situation. */
export const defaultArgs = {
  endpoint: MOCK_ENDPOINT,
  site: 'northwind',
  user: 'usr-1001',
  label: 'Accounts to link',
  placeholder: 'Account name or number',
  // Quick enough for story tests, slow enough to still debounce; one story keeps the default 250.
  debounce: 40,
} satisfies PickerArgs;

/** An id the mocks know nothing about: no search ever describes it. */
export const UNKNOWN_ID = 'acct-zz0000000';

/* ---------------------------------------------------------------------------------------------- */
/* Controls                                                                                       */
/* ---------------------------------------------------------------------------------------------- */

interface ManifestEntry {
  name: string;
}
interface ManifestDeclaration {
  tagName?: string;
  events?: ManifestEntry[];
  cssParts?: ManifestEntry[];
  cssProperties?: ManifestEntry[];
}
const declaration = (manifest.modules as { declarations?: ManifestDeclaration[] }[])
  .flatMap((m) => m.declarations ?? [])
  .find((d) => d.tagName === TAG);
if (!declaration) throw new Error(`custom-elements.json does not describe <${TAG}>: run npm run analyze`);

/** The theme's tokens, as the manifest documents them (22 today). */
export const TOKENS = (declaration.cssProperties ?? []).map((p) => p.name as TokenName);

const isColour = (token: string) => /color|background|surface/.test(token);

const valueLabels: Record<string, string> = Object.fromEntries([
  ...Object.values(STORY_ACCOUNTS).map((a) => [a.id, `${a.name} (${a.expected})`]),
  [UNKNOWN_ID, 'An id no search has described'],
]);

/**
 * Corrections to the argTypes Storybook derives from custom-elements.json. Only what can change the
 * picker from the panel has a control; events and CSS parts are documented in the table, with none.
 * Storybook keys argTypes by name, so the `label` CSS part would hide the `label` attribute: kept.
 */
export const pickerArgTypes: Partial<ArgTypes> = {
  ...Object.fromEntries((declaration.events ?? []).map((e) => [e.name, { control: false }])),
  ...Object.fromEntries((declaration.cssParts ?? []).filter((p) => p.name !== 'label').map((p) => [p.name, { control: false }])),
  ...Object.fromEntries(TOKENS.map((t) => [t, { control: isColour(t) ? 'color' : 'text' }])),
  label: {
    name: 'label',
    description: 'Visible label of the search box (its accessible name). Also a CSS part of the same name.',
    control: 'text',
    table: { category: 'attributes', type: { summary: 'string' } },
  },
  value: {
    description:
      'Ids of the selected accounts (only the first without `multiple`). An account a search has described shows its name; ' +
      'an id no search has described shows as a dashed chip with the id.',
    control: { type: 'check', labels: valueLabels },
    options: Object.keys(valueLabels),
    table: { category: 'properties', type: { summary: 'string[]' } },
  },
  query: {
    description: 'The search shown, run by the preview through `search()`: no typing, no focus. Empty: nothing searched.',
    control: 'text',
    table: { category: 'story state', type: { summary: 'string' } },
  },
  open: {
    description: 'Whether the results popup is shown (the `open` property). Off with a query: the search only describes the chips, the box is left empty.',
    control: 'boolean',
    table: { category: 'story state', type: { summary: 'boolean' } },
  },
  then: { table: { disable: true } },
  colorScheme: {
    name: 'color-scheme',
    description:
      'The `color-scheme` of the page around the picker, which it follows. Forced colours (Windows High Contrast) ' +
      'are the browser’s to emulate: DevTools ▸ Rendering ▸ forced-colors (see Presentation ▸ Forced colors).',
    control: { type: 'inline-radio', labels: { normal: 'not declared (light)', 'light dark': 'light dark (follows the OS)', dark: 'dark' } },
    options: ['normal', 'light dark', 'dark'],
    table: { category: 'page', type: { summary: 'normal | light dark | dark' } },
  },
  // Set from script only (functions, options objects): documented, not editable here.
  fetchInit: { control: false },
  searchAccounts: { control: false },
  minChars: { control: false, description: 'See the `min-chars` attribute.' },
  formAssociated: { table: { disable: true } },
  form: { control: false },
  validity: { control: false },
  validationMessage: { control: false },
  willValidate: { control: false },
  selectedAccounts: { control: false },
};

/* ---------------------------------------------------------------------------------------------- */
/* Rendering                                                                                      */
/* ---------------------------------------------------------------------------------------------- */

/** Set by the decorator while the story renders: which story, and whether to show its state now. */
let rendering: { story: StoryPlace; showNow: boolean } | undefined;

/** The tokens set in args, as inline custom properties on the picker (how a host themes it). */
function tokenStyles(args: PickerArgs): Record<string, string> {
  return Object.fromEntries(TOKENS.flatMap((t) => (args[t] ? [[t, args[t]]] : [])));
}

const prepared = new WeakSet<Picker>();

export function renderPicker(args: PickerArgs): TemplateResult {
  const place = rendering;
  const endpoint = args.endpoint && place ? storyEndpoint(args.endpoint, place.story) : args.endpoint;
  const state: PickerState = { query: args.query || undefined, open: args.open, then: args.then };
  const prepare = (node?: Element) => {
    const el = node as Picker | undefined;
    if (!el || prepared.has(el)) return;
    prepared.add(el);
    if (args.value) el.value = args.value;
    if (place?.showNow ?? true) showState(el, state);
  };
  return html`<link-account-picker
    endpoint=${ifDefined(endpoint)}
    site=${ifDefined(args.site)}
    user=${ifDefined(args.user)}
    label=${ifDefined(args.label)}
    placeholder=${ifDefined(args.placeholder)}
    ?multiple=${args.multiple}
    min-chars=${ifDefined(args['min-chars'])}
    debounce=${ifDefined(args.debounce)}
    limit=${ifDefined(args.limit)}
    timeout=${ifDefined(args.timeout)}
    ?disabled=${args.disabled}
    ?required=${args.required}
    name=${ifDefined(args.name)}
    style=${styleMap(tokenStyles(args))}
    ${ref(prepare)}
  ></link-account-picker>`;
}

/**
 * Which story each canvas last rendered. Storybook renders again (loaders included) after a change in
 * Controls, into the same canvas, and runs the play function only when it mounts a story afresh: the
 * first render of a story in a canvas, or a remount (the toolbar's button), which is listened for.
 */
const lastStoryIn = new WeakMap<object, string>();
const remounting = new Set<string>();
let listening = false;

function listenForRemounts(): void {
  if (listening) return;
  listening = true;
  try {
    addons.getChannel().on('forceRemount', ({ storyId }: { storyId: string }) => remounting.add(storyId));
  } catch {
    // No channel (story tests): nothing remounts there.
  }
}

/** Whether the play function is about to run on this render (so a 'play' story is not preloaded). */
function playWillRun(context: StoryContext<PickerArgs>): boolean {
  listenForRemounts();
  const again = lastStoryIn.get(context.canvasElement) === context.id && !remounting.delete(context.id);
  lastStoryIn.set(context.canvasElement, context.id);
  return !again;
}

const SCHEME_STYLES: Record<ColorScheme, Record<string, string>> = {
  normal: {},
  'light dark': { colorScheme: 'light dark', background: 'Canvas', color: 'CanvasText', padding: '1rem' },
  dark: { colorScheme: 'dark', background: 'Canvas', color: 'CanvasText', padding: '1rem' },
};

/**
 * Shows each story's state statically, and again after every change in Controls: the story is keyed
 * on its args, so a change renders a fresh picker and shows the state anew (instead of the old state
 * vanishing with the focus). Stories with `parameters.pickerState: 'play'` are reached by their play
 * function in the canvas (typing, as the interaction test); their docs page and any later change in
 * Controls show them statically too.
 *
 * The popup overlays the page as in a host (the top layer). On a docs page each story's block keeps
 * the room for it (`reservePopupRoom`), so no list covers the next story.
 */
export const withPickerState: Decorator<PickerArgs> = (story, context) => {
  const docs = context.viewMode === 'docs';
  const played = playWillRun(context);
  const showNow = docs || context.parameters.pickerState !== 'play' || !played;
  rendering = { story: { id: context.id, viewMode: context.viewMode }, showNow };
  let content: unknown;
  try {
    content = story();
  } finally {
    rendering = undefined;
  }
  const scheme = SCHEME_STYLES[context.args.colorScheme ?? 'normal'];
  // In the canvas the popup overlays the page below the picker: the page's colour reaches down to it.
  const page = docs || !scheme.colorScheme ? scheme : { ...scheme, minBlockSize: 'calc(100vh - 2rem)' };
  return html`<div class="picker-story" style=${styleMap(page)} ${docs ? ref(reservePopupRoom) : nothing}>
    ${keyed(JSON.stringify(context.args), content)}
  </div>`;
};

const DOCS_NOTE =
  'On this page each story shows its state with no typing and no focus: the picker searches through its ' +
  'preview API (`open`, `search()`) against the mocked backend, and the room under each picker is kept for its results. ' +
  'In a story\'s own canvas the play function types and clicks as an admin does (the interaction test); ' +
  'after any change in Controls the state is shown again.';

/** What a stories file may add to the shared meta. */
export interface PickerMetaOptions {
  /**
   * What the file's stories show, for the top of its docs page. Given here, not as a doc comment on
   * the meta: Storybook turns that comment into a `parameters` property of the default export, which
   * would replace the spread-in parameters.
   */
  description: string;
  args?: Partial<PickerArgs>;
  /** The story's mocked backend; the mocks' default one when not given. */
  loaders?: Loader<PickerArgs>[];
  parameters?: Parameters;
  render?: (args: PickerArgs) => TemplateResult;
}

/** The meta every stories file spreads into its default export, after its literal `title` and `tags`. */
export function pickerMeta(options: PickerMetaOptions) {
  return {
    component: TAG,
    args: { ...defaultArgs, ...options.args },
    argTypes: pickerArgTypes,
    render: options.render ?? ((args: PickerArgs) => renderPicker(args)),
    decorators: [withPickerState],
    loaders: options.loaders ?? [mockBackend()],
    parameters: {
      layout: 'padded',
      pickerState: 'play',
      docs: { description: { component: `${options.description}\n\n${DOCS_NOTE}` } },
      ...options.parameters,
    },
  } satisfies Partial<Meta<PickerArgs>>;
}
