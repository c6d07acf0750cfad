/**
 * Material-style token checks: every public custom property the styles read is documented (so it is
 * in custom-elements.json), every documented one is read, and every private `--_*` is defined.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LinkAccountPicker } from '../../src/link-account-picker.js';
import '../../src/link-account-picker.js';
import { styles } from '../../src/internal/link-account-picker.styles.js';

const css = styles.cssText;

function all(pattern: RegExp): Set<string> {
  return new Set([...css.matchAll(pattern)].map((m) => m[1]!));
}

/** Each public token and the fallback the styles give it: `var(--link-account-picker-x, <fallback>)`. */
function fallbacks(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of text.matchAll(/var\((--link-account-picker-[a-z-]+),/g)) {
    let depth = 1;
    let end = match.index + match[0].length;
    for (; end < text.length && depth > 0; end += 1) {
      if (text[end] === '(') depth += 1;
      else if (text[end] === ')') depth -= 1;
    }
    found.set(match[1]!, text.slice(match.index + match[0].length, end - 1));
  }
  return found;
}

describe('<link-account-picker> style tokens', () => {
  it('documents exactly the public custom properties the styles read', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const documented = new Set<string>();
    for (const mod of manifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.tagName !== 'link-account-picker') continue;
        for (const prop of declaration.cssProperties ?? []) documented.add(prop.name);
      }
    }
    const used = all(/var\((--link-account-picker-[a-z-]+)/g);
    expect([...used].sort()).to.deep.equal([...documented].sort());
  });

  it('documents each custom property with the default the styles really use', async () => {
    const manifest = await (await fetch('/custom-elements.json')).json();
    const documented = new Map<string, string>();
    for (const mod of manifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        if (declaration.tagName !== 'link-account-picker') continue;
        for (const prop of declaration.cssProperties ?? []) documented.set(prop.name, prop.default);
      }
    }
    const squash = (value: string) => value.replace(/\s+/g, ' ').replace(/\s*,\s*/g, ', ').trim();
    for (const [name, fallback] of fallbacks(css)) {
      expect(squash(documented.get(name) ?? ''), name).to.equal(squash(fallback));
    }
  });

  it('defines every private variable it reads', () => {
    const defined = all(/(--_[a-z-]+)\s*:/g);
    const read = all(/var\((--_[a-z-]+)/g);
    for (const name of read) expect(defined.has(name), name).to.equal(true);
  });

  it('honours [hidden], forced colours and reduced motion', () => {
    expect(css).to.include(':host([hidden])');
    expect(css).to.include('@media (forced-colors: active)');
    expect(css).to.include('@media (prefers-reduced-motion: reduce)');
  });

  it('lets the page override a token from outside', async () => {
    const el = await fixture<LinkAccountPicker>(html`<link-account-picker label="Accounts"></link-account-picker>`);
    el.style.setProperty('--link-account-picker-background', 'rgb(1, 2, 3)');
    el.style.setProperty('--link-account-picker-radius', '3px');
    const control = el.shadowRoot!.querySelector('.control')!;
    expect(getComputedStyle(control).backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(control).borderTopLeftRadius).to.equal('3px');
  });
});
