/**
 * The peer: `<vaadin-combo-box>` (benchmark-only dev dependency) showing the same accounts as the
 * picker, opened, each row with its name and a line of number and verdict, judged by the same rules.
 * Like the picker's long lists, it renders only the rows in view; its renderer runs per rendered row.
 */
import '@vaadin/combo-box';
import type { ComboBox } from '@vaadin/combo-box';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { Account, EvaluationContext, SearchResponse } from '../../src/rules/types.js';

export type VaadinComboBox = ComboBox<Account>;

/** A combo-box in `parent`, focused and opened with no items yet: the next `show()` is its first list. */
export async function mountVaadin(parent: HTMLElement): Promise<VaadinComboBox> {
  const combo = document.createElement('vaadin-combo-box') as VaadinComboBox;
  combo.label = 'Accounts';
  combo.itemLabelPath = 'name';
  combo.itemValuePath = 'id';
  combo.style.width = '100%';
  parent.append(combo);
  await customElements.whenDefined('vaadin-combo-box');
  combo.focus();
  return combo;
}

/** Hands the response to the combo-box and opens it, as the picker's popup opens with results. */
export function show(combo: VaadinComboBox, response: SearchResponse): void {
  const now = new Date(response.asOf ?? Date.now());
  const context: EvaluationContext = { site: response.site, now, syncWindowMinutes: response.syncWindowMinutes };
  combo.renderer = (root, _combo, { item }) => {
    const verdict = evaluateAccount(item, context);
    if (!root.firstElementChild) {
      const meta = document.createElement('div');
      meta.style.cssText = 'font-size: 0.85em; color: #555';
      root.append(document.createElement('div'), meta);
    }
    root.firstElementChild!.textContent = item.name;
    root.lastElementChild!.textContent = `${item.number} · ${verdict.code}`;
  };
  combo.items = response.accounts;
  combo.opened = true;
}

/** The rows it has rendered (its items live in an overlay, in its light DOM or its shadow root). */
export function vaadinRows(combo: VaadinComboBox): number {
  const inLight = combo.querySelectorAll('vaadin-combo-box-item').length;
  const inShadow = combo.shadowRoot?.querySelectorAll('vaadin-combo-box-item').length ?? 0;
  const inDocument = document.querySelectorAll('vaadin-combo-box-item').length;
  return Math.max(inLight, inShadow, inDocument);
}
