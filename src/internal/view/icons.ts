/**
 * The picker's icons: one path per meaning, drawn at 24×24 in the current text colour and hidden from
 * assistive technology (the text beside each icon says the same).
 */
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { ResultGroup } from '../explain.js';

const CHECK = svg`<path d="M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4z"/>`;

const PATHS = {
  search: svg`<path d="M10.5 3a7.5 7.5 0 0 1 5.96 12.05l4.24 4.25-1.4 1.4-4.25-4.24A7.5 7.5 0 1 1 10.5 3Zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11Z"/>`,
  /** Both a linkable account's marker and a selected option's tick. */
  check: CHECK,
  pending: svg`<path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm1 3v4.6l3.5 2.1-1 1.7L11 12.7V7Z"/>`,
  blocked: svg`<path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm6.3 5.1L7.1 18.3A8 8 0 0 0 18.3 7.1ZM12 4a8 8 0 0 0-6.3 12.9L16.9 5.7A8 8 0 0 0 12 4Z"/>`,
  linked: svg`<path d="M10.6 13.4a1 1 0 0 1 0-1.4l3.3-3.3a3 3 0 1 1 4.3 4.3l-2 2-1.4-1.4 2-2a1 1 0 1 0-1.5-1.5l-3.3 3.3a1 1 0 0 1-1.4 0Zm2.8-2.8a1 1 0 0 1 0 1.4l-3.3 3.3a3 3 0 1 1-4.3-4.3l2-2 1.4 1.4-2 2a1 1 0 1 0 1.5 1.5l3.3-3.3a1 1 0 0 1 1.4 0Z"/>`,
  error: svg`<path d="M12 2 1 21h22L12 2Zm0 4.2L19.5 19h-15L12 6.2ZM11 10v5h2v-5h-2Zm0 6v2h2v-2h-2Z"/>`,
  info: svg`<path d="M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16Zm-1 7h2v6h-2v-6Zm0-4h2v2h-2V7Z"/>`,
  close: svg`<path d="m6.4 5 5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z"/>`,
} satisfies Record<string, SVGTemplateResult>;

export type IconName = keyof typeof PATHS;

/** The marker of each group of results. */
export const GROUP_ICON: Record<ResultGroup, IconName> = {
  linkable: 'check',
  pending: 'pending',
  blocked: 'blocked',
  linked: 'linked',
};

export function icon(name: IconName, className: string): TemplateResult {
  return html`<svg class=${className} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
    ${PATHS[name]}
  </svg>`;
}
