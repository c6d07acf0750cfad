/**
 * custom-elements.json, generated from the element's JSDoc by `npm run analyze` and checked fresh in CI
 * (so the output must be byte-for-byte reproducible, and must not touch package.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { generateJetBrainsWebTypes } from 'custom-element-jet-brains-integration';
import { generateJsxTypes } from 'custom-element-jsx-integration';
import { generateVsCodeCustomElementData } from 'custom-element-vs-code-integration';
import { generateVuejsTypes } from 'custom-element-vuejs-integration';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/cli/**', 'src/generated/**', 'src/rules/**', 'src/eligibility.ts', 'src/standalone.ts'],
  outdir: '.',
  litelement: true,
  // package.json already points at the manifest; the analyzer rewriting (and re-indenting) it would
  // make a run a diff.
  packagejson: false,
  dependencies: false,
  // globby returns files in file-system order, which differs between machines: sort them.
  overrideModuleCreation({ ts, globs }) {
    return [...globs]
      .sort()
      .map((path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true));
  },
  plugins: [eventDetails(), publicSurfaceOnly(), frameworkIntegrations()],
};

/** Event class name → its detail type (`AccountSelectEvent` → `AccountSelectDetail`), filled by eventDetails(). */
const detailTypes = new Map();

/**
 * Events are typed classes (`class AccountSelectEvent extends CustomEvent<AccountSelectDetail>` with
 * `static readonly eventName`). The analyzer sees `dispatchEvent(new AccountSelectEvent(…))` but not
 * the name, and knows nothing of the detail's shape. This names those events, merges them with the
 * `@fires` JSDoc, and writes the detail type with its fields into each event's description, so
 * editors and docs/api.md show what `event.detail` holds.
 */
function eventDetails() {
  const eventClasses = new Map(); // class name → { eventName, detailType }
  const interfaces = new Map(); // interface name → '{ a: A; b?: B }'
  return {
    name: 'event-details',
    analyzePhase({ ts, node }) {
      if (ts.isInterfaceDeclaration(node)) {
        const fields = node.members
          .filter(ts.isPropertySignature)
          .map((m) => `${m.name.getText()}${m.questionToken ? '?' : ''}: ${m.type?.getText() ?? 'unknown'}`);
        interfaces.set(node.name.getText(), `{ ${fields.join('; ')} }`);
      }
      if (ts.isClassDeclaration(node) && node.name) {
        const heritage = node.heritageClauses?.flatMap((c) => c.types).find((t) => t.expression.getText() === 'CustomEvent');
        const nameMember = node.members.find(
          (m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'eventName' && m.initializer && ts.isStringLiteral(m.initializer),
        );
        if (heritage && nameMember) {
          const detailType = heritage.typeArguments?.[0]?.getText();
          if (detailType) detailTypes.set(node.name.getText(), detailType);
          eventClasses.set(node.name.getText(), {
            eventName: nameMember.initializer.text,
            detailType: heritage.typeArguments?.[0]?.getText(),
          });
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of allDeclarations(customElementsManifest)) {
        if (!declaration.events) continue;
        const byName = new Map();
        // Documented (@fires) events first, in the JSDoc's order; then any found only in the code.
        const documentedFirst = [...declaration.events].sort((a, b) => Number(!!b.description) - Number(!!a.description));
        for (const event of documentedFirst) {
          const known = eventClasses.get(event.type?.text);
          const name = event.name ?? known?.eventName;
          if (!name) continue;
          // JSDoc (with a description) wins over what the analyzer found in the code.
          byName.set(name, { ...(event.description ? event : {}), ...byName.get(name), name });
          if (!byName.get(name).type) byName.get(name).type = event.type;
        }
        declaration.events = [...byName.values()].map((event) => {
          const known = eventClasses.get(event.type?.text);
          if (!known?.detailType) return event;
          const shape = interfaces.get(known.detailType);
          const detail = `Detail: \`${known.detailType}\`${shape ? ` = \`${shape}\`` : ''}.`;
          return { ...event, description: event.description ? `${event.description} ${detail}` : detail };
        });
      }
    },
  };
}

/**
 * The manifest describes what a host can use. Declarations in `src/internal/` stay only when a public
 * module re-exports them; private and protected members, `#fields`, lifecycle callbacks and Lit's
 * plumbing are dropped.
 */
function publicSurfaceOnly() {
  const lifecycle = new Set([
    'connectedCallback',
    'disconnectedCallback',
    'adoptedCallback',
    'attributeChangedCallback',
    'formAssociatedCallback',
    'formResetCallback',
    'formDisabledCallback',
    'formStateRestoreCallback',
  ]);
  const plumbing = new Set(['styles', 'shadowRootOptions']);
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !member.name?.startsWith('#') &&
    !lifecycle.has(member.name) &&
    !(member.static && plumbing.has(member.name));
  const isInternal = (path) => path.startsWith('src/internal/');
  return {
    name: 'public-surface-only',
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      const reexported = new Set(
        modules
          .filter((mod) => !isInternal(mod.path))
          .flatMap((mod) => mod.exports ?? [])
          .map((e) => e.name),
      );
      for (const mod of modules) {
        if (isInternal(mod.path)) {
          mod.declarations = (mod.declarations ?? []).filter((d) => reexported.has(d.name));
          mod.exports = (mod.exports ?? []).filter((e) => reexported.has(e.name));
        }
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        }
      }
      customElementsManifest.modules = modules.filter(
        (mod) => (mod.declarations ?? []).length > 0 || (mod.exports ?? []).length > 0,
      );
    },
  };
}

function allDeclarations(manifest) {
  return (manifest.modules ?? []).flatMap((mod) => mod.declarations ?? []);
}

/**
 * Framework types and editor data, generated from the finished manifest by the analyzer ecosystem's
 * maintained generators (break-stuff/cem-tools), into `integrations/` (shipped, see package.json):
 *
 * - `jsx-types.d.ts` (custom-element-jsx-integration) and `react.d.ts`, which puts those props into
 *   React 19's `JSX.IntrinsicElements`: `import 'link-account-picker/react'`;
 * - `vue-types.d.ts` (custom-element-vuejs-integration, Vue's `GlobalComponents`) and `vue.d.ts`:
 *   `import 'link-account-picker/vue'`;
 * - `web-types.json` for JetBrains IDEs (custom-element-jet-brains-integration) and
 *   `vscode.html-custom-data.json` / `vscode.css-custom-data.json` for VS Code
 *   (custom-element-vs-code-integration).
 *
 * The generators read a copy of the manifest adapted to what they expect: they type a handler as
 * `(e: CustomEvent<T>) => void` with `T` the event's type, so `T` becomes the detail type
 * (`AccountSelectDetail`, not the event class); `change` is a plain `Event`, typed by hand below;
 * read-only properties (`validity`, `form`, …) can't be set from a template, so they are left out.
 */
function frameworkIntegrations() {
  const outdir = 'integrations';
  // Relative to `outdir`: the package's own declarations, whatever the consumer's module resolution.
  const typesPath = '../dist/types/link-account-picker.js';
  const quiet = { hideLogs: true };
  return {
    name: 'framework-integrations',
    packageLinkPhase({ customElementsManifest }) {
      const manifest = forGenerators(customElementsManifest);
      generateJsxTypes(manifest, {
        ...quiet,
        outdir,
        fileName: 'jsx-types.d.ts',
        globalTypePath: typesPath,
        // React dispatches `onChange` to the element's own `change` event.
        globalEvents: '/** After the admin changed `value` (not when the host sets it). */ onChange?: (event: Event) => void;',
      });
      // Vue's templates normalize `:min-chars` to `minChars` and `@account-select` to `onAccountSelect`
      // before checking them (vue-tsc, Volar): the Vue types use those names.
      generateVuejsTypes(forVue(manifest), {
        ...quiet,
        outdir,
        fileName: 'vue-types.d.ts',
        globalTypePath: typesPath,
        // The events' own names are in each `on…` prop's description; the list would show them camelCased.
        hideEventDocs: true,
      });
      generateJetBrainsWebTypes(manifest, { ...quiet, outdir, fileName: 'web-types.json', excludeCss: false });
      generateVsCodeCustomElementData(manifest, {
        ...quiet,
        outdir,
        htmlFileName: 'vscode.html-custom-data.json',
        cssFileName: 'vscode.css-custom-data.json',
      });
      writeFileSync(`${outdir}/react.d.ts`, REACT_ENTRY);
      writeFileSync(`${outdir}/vue.d.ts`, VUE_ENTRY);
    },
  };
}

const GENERATED = '// Generated by `npm run analyze` (custom-elements-manifest.config.mjs): do not edit.\n';

const REACT_ENTRY = `${GENERATED}/**
 * \`import 'link-account-picker/react'\`: registers <link-account-picker> (the same module as the
 * package entry) and teaches React 19's JSX the tag, its attributes, properties and events.
 */
import type { CustomElements } from './jsx-types.js';

export * from '../dist/types/link-account-picker.js';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}
`;

const VUE_ENTRY = `${GENERATED}/**
 * \`import 'link-account-picker/vue'\`: registers <link-account-picker> (the same module as the
 * package entry) and teaches Vue's templates (vue-tsc, Volar) the tag, its attributes, properties and
 * events.
 */
import './vue-types.js';

export * from '../dist/types/link-account-picker.js';
`;

/** A deep copy of the manifest in the shape the generators expect (see frameworkIntegrations()). */
function forGenerators(manifest) {
  const copy = structuredClone(manifest);
  for (const declaration of allDeclarations(copy)) {
    if (declaration.members) declaration.members = declaration.members.filter((m) => !m.readonly);
    for (const event of declaration.events ?? []) {
      const detail = detailTypes.get(event.type?.text);
      if (detail) event.type = { text: detail };
      else delete event.type;
    }
  }
  return copy;
}

/** Vue's spelling of the names its template compiler checks: camelCase props, `on` + PascalCase events. */
function forVue(manifest) {
  const copy = structuredClone(manifest);
  const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  for (const declaration of allDeclarations(copy)) {
    for (const attribute of declaration.attributes ?? []) attribute.name = attribute.fieldName ?? camel(attribute.name);
    for (const event of declaration.events ?? []) {
      const name = camel(event.name);
      event.description = `\`${event.name}\`: ${event.description ?? ''}`.trim();
      event.name = name.charAt(0).toUpperCase() + name.slice(1);
    }
  }
  return copy;
}
