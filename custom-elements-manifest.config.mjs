/**
 * custom-elements.json, generated from the element's JSDoc by `npm run analyze` and checked fresh in CI
 * (so the output must be byte-for-byte reproducible, and must not touch package.json).
 */
import { readFileSync } from 'node:fs';
import { frameworkIntegrations } from './scripts/cem-framework-integrations.mjs';

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/cli/**', 'src/server/**', 'src/generated/**', 'src/rules/**', 'src/eligibility.ts', 'src/standalone.ts'],
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
  // frameworkIntegrations() last: it reads the finished, public-only manifest.
  plugins: [eventDetails(), namedDefaults(), publicSurfaceOnly(), frameworkIntegrations()],
};

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
          if (!declaration.members) continue;
          const hidden = new Set(declaration.members.filter((member) => !isPublic(member)).map((member) => member.name));
          declaration.members = declaration.members.filter(isPublic);
          // Lit's `static properties` marks every field it declares public (the default, left unsaid)
          // and gives a state field (`{ state: true }`) an attribute, which it never has.
          for (const member of declaration.members) if (member.privacy === 'public') delete member.privacy;
          if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
        }
      }
      customElementsManifest.modules = modules.filter(
        (mod) => (mod.declarations ?? []).length > 0 || (mod.exports ?? []).length > 0,
      );
    },
  };
}

/**
 * Default numbers are named once (src/internal/defaults.ts) and the element's fields use the names:
 * the manifest shows the number a host gets (`250`), not the constant's name.
 */
function namedDefaults() {
  const values = new Map(); // constant name → its number, as written for a reader
  return {
    name: 'named-defaults',
    analyzePhase({ ts, node }) {
      if (!ts.isVariableStatement(node) || !node.getSourceFile().fileName.endsWith('/defaults.ts')) return;
      for (const declaration of node.declarationList.declarations) {
        if (declaration.initializer && ts.isNumericLiteral(declaration.initializer)) {
          values.set(declaration.name.getText(), String(Number(declaration.initializer.text)));
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const declaration of allDeclarations(customElementsManifest)) {
        for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
          if (values.has(item.default)) item.default = values.get(item.default);
        }
      }
    },
  };
}

function allDeclarations(manifest) {
  return (manifest.modules ?? []).flatMap((mod) => mod.declarations ?? []);
}
