/**
 * custom-elements.json (and docs/api.md, generated from it) must describe everything a host can use:
 * each attribute and property the class really has, each part its templates expose, each public
 * custom property its styles read, and the contract's events with their types. A part or token added
 * to the element without its JSDoc fails here.
 */
import { expect } from '@open-wc/testing';
import { LinkAccountPicker } from '../../src/link-account-picker.js';

interface Named {
  name: string;
  type?: { text: string };
  description?: string;
}
interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Named[];
  members?: (Named & { kind: string; static?: boolean })[];
  events?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

const sorted = (items: Iterable<string>) => [...new Set(items)].sort();

/** The module as the dev server serves it: template and style literals are intact. */
async function source(path: string): Promise<string> {
  return (await fetch(path)).text();
}

describe('custom-elements.json', () => {
  let picker: Declaration;

  before(async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: Declaration[] }[] };
    const found = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
    expect(found.map((d) => d.tagName)).to.deep.equal(['link-account-picker']);
    picker = found[0]!;
  });

  it('lists every observed attribute', () => {
    const observed = (LinkAccountPicker as unknown as { observedAttributes: string[] }).observedAttributes;
    expect(sorted(picker.attributes!.map((a) => a.name))).to.deep.equal(sorted(observed));
  });

  it('lists every public reactive property, and the contract properties', () => {
    const reactive = [...LinkAccountPicker.elementProperties]
      .filter(([, options]) => !options.state)
      .map(([name]) => String(name));
    const fields = picker.members!.filter((m) => m.kind === 'field' && !m.static).map((m) => m.name);
    expect(fields).to.include.members(reactive);
    expect(fields).to.include.members(['value', 'selectedAccounts', 'fetchInit', 'searchAccounts']);
    for (const field of picker.members!.filter((m) => m.kind === 'field' && !m.static)) {
      expect(field.description, `${field.name} has a description`).to.be.a('string').and.not.equal('');
    }
  });

  it('lists the contract events with their types and detail shapes', () => {
    const events = new Map(picker.events!.map((e) => [e.name, e]));
    expect(sorted(events.keys())).to.include.members(['account-deselect', 'account-select', 'change', 'search-complete', 'search-error']);
    for (const name of ['account-select', 'account-deselect', 'search-complete', 'search-error']) {
      expect(events.get(name)!.type?.text, name).to.match(/Event$/);
      expect(events.get(name)!.description, name).to.match(/Detail: `\w+Detail` = `\{ .+ \}`/);
    }
  });

  // Skipped while the error status line's `part="status error"` exposes an `error` part that the
  // class JSDoc doesn't document. Fix: add `@csspart error - …` to the class JSDoc (or drop the part),
  // run `npm run analyze`, then un-skip.
  it('lists every part the templates expose', async () => {
    // The templates live in the view modules beside the element.
    const files = ['link-account-picker.component', 'view/picker-template', 'view/status-line', 'view/listbox', 'view/option-row', 'view/chips', 'view/footer'];
    const code = (await Promise.all(files.map((file) => source(`/src/internal/${file}.ts`)))).join('\n');
    const used = [...code.matchAll(/part="([^"$]+)"/g)].flatMap((m) => m[1]!.trim().split(/\s+/));
    expect(sorted(picker.cssParts!.map((p) => p.name))).to.deep.equal(sorted(used));
  });

  it('lists every public custom property the styles read', async () => {
    // The styles are split with the views they style.
    const files = ['link-account-picker.styles', 'styles/control.styles', 'styles/popup.styles', 'styles/option.styles'];
    const css = (await Promise.all(files.map((file) => source(`/src/internal/${file}.ts`)))).join('\n');
    const used = [...css.matchAll(/var\((--link-account-picker-[\w-]+)/g)].map((m) => m[1]!);
    expect(sorted(picker.cssProperties!.map((p) => p.name))).to.deep.equal(sorted(used));
  });
});
