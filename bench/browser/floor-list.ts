const LAYOUT = flow();

/**
 * The floor: the least a Lit list can do to show the same rows as the picker. One LitElement, one
 * `<ul role="listbox">`, one `<li role="option">` per account with its name, number and verdict line,
 * the verdicts from the same rules. No parsing, no grouping, no keyboard model, no live region. With
 * `virtual`, the same list through the same virtualizer, judging only the rows it renders.
 */
import { LitElement, css, html } from 'lit';
import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { flow } from '@lit-labs/virtualizer/layouts/flow.js';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { Account, EligibilityCode, EvaluationContext, SearchResponse } from '../../src/rules/types.js';

const REASON: Record<EligibilityCode, string> = {
  linkable: 'Can be linked',
  'already-linked': 'Already linked to this user',
  'no-active-contract': 'No active contract as Customer or Guarantor',
  'label-mismatch': 'Its contracts are under a label this site does not include',
  'pending-sync': 'Still syncing to the portal',
  'sync-overdue': 'Sync is overdue: contact support',
};

export class FloorList extends LitElement {
  static override styles = css`
    ul {
      max-height: 360px;
      overflow: auto;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      padding: 6px 8px;
    }
    ul.virtual {
      height: 360px;
    }
    ul.virtual > li {
      inset-inline: 0;
    }
    .meta {
      color: #555;
      font-size: 0.85em;
    }
  `;

  static override properties = { response: { attribute: false }, virtual: { type: Boolean } };

  response?: SearchResponse;
  /** Render only the rows in view, with the same virtualizer as the picker (the like-for-like floor). */
  virtual = false;

  private row(account: Account, context: EvaluationContext) {
    const verdict = evaluateAccount(account, context);
    return html`<li
      role="option"
      aria-selected="false"
      aria-disabled=${verdict.linkable ? 'false' : 'true'}
      data-account-id=${account.id}
      data-eligibility=${verdict.code}
    >
      <div>${account.name}</div>
      <div class="meta">${account.number} · ${REASON[verdict.code]}</div>
    </li>`;
  }

  override render() {
    const response = this.response;
    if (!response) return html``;
    const now = new Date(response.asOf ?? Date.now());
    const context = { site: response.site, now, syncWindowMinutes: response.syncWindowMinutes };
    if (this.virtual) {
      return html`<ul role="listbox" aria-label="Accounts" class="virtual">
        ${virtualize({ scroller: true, layout: LAYOUT, items: response.accounts, renderItem: (account: Account) => this.row(account, context) })}
      </ul>`;
    }
    return html`<ul role="listbox" aria-label="Accounts">
      ${response.accounts.map((account) => this.row(account, context))}
    </ul>`;
  }
}
customElements.define('floor-list', FloorList);
