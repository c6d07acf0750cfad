/**
 * The floor: the least a Lit list can do to show the same rows as the picker. One LitElement, one
 * `<ul role="listbox">`, one `<li role="option">` per account with its name, number and verdict line,
 * the verdicts from the same rules. No parsing, no virtualization, no keyboard model, no live region.
 */
import { LitElement, css, html } from 'lit';
import { evaluateAccount } from '../../src/rules/evaluate-account.js';
import type { EligibilityCode, SearchResponse } from '../../src/rules/types.js';

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
    .meta {
      color: #555;
      font-size: 0.85em;
    }
  `;

  static override properties = { response: { attribute: false } };

  response?: SearchResponse;

  override render() {
    const response = this.response;
    if (!response) return html``;
    const now = new Date(response.asOf ?? Date.now());
    const context = { site: response.site, now, syncWindowMinutes: response.syncWindowMinutes };
    return html`<ul role="listbox" aria-label="Accounts">
      ${response.accounts.map((account) => {
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
      })}
    </ul>`;
  }
}
customElements.define('floor-list', FloorList);
