/**
 * Lit itself under the strict policy: templates, bindings, constructable styles, classMap.
 * Not styleMap: its first render writes the whole `style` attribute, which style-src refuses
 * (style-src-attr); under a strict host, inline styles must go through CSSOM (`el.style.x = …`).
 */
import { LitElement, css, html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { runHost } from './host-common.js';

class CspProbe extends LitElement {
  static override styles = css`
    :host {
      display: block;
      color: rgb(0, 128, 0);
    }
    .bold {
      font-weight: 700;
    }
  `;
  override render() {
    return html`<p class=${classMap({ bold: true })} title=${'<img src=x onerror=alert(1)>'}>
      ${'<b>text</b>'}
    </p>`;
  }
}
customElements.define('csp-probe', CspProbe);

void runHost(async () => {
  const el = document.createElement('csp-probe') as CspProbe;
  document.body.append(el);
  await el.updateComplete;
  const p = el.shadowRoot!.querySelector('p')!;
  return {
    text: p.textContent!.trim(),
    color: getComputedStyle(el).color,
    weight: getComputedStyle(p).fontWeight,
  };
});
