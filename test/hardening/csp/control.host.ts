/**
 * The positive control: things a strict host must refuse. If this page reported no violations, the
 * harness would be blind and the element's "zero violations" would mean nothing.
 */
import { runHost } from './host-common.js';

interface TrustedTypePolicyFactoryLike {
  createPolicy(name: string, rules: { createScript?: (s: string) => string }): { createScript(s: string): string };
}
const tt = (window as unknown as { trustedTypes: TrustedTypePolicyFactoryLike }).trustedTypes;

void runHost(async () => {
  const div = document.createElement('div');
  document.body.append(div);

  // A string into an HTML sink: Trusted Types must block it.
  let sinkThrew = false;
  try {
    div.innerHTML = '<b>markup</b>';
  } catch {
    sinkThrew = true;
  }

  // A policy name the host did not allow: refused.
  let rogueSinkPolicyThrew = false;
  try {
    tt.createPolicy('rogue', { createScript: (s) => s });
  } catch {
    rogueSinkPolicyThrew = true;
  }

  // Even with a Trusted Type in hand (Lit is not loaded here, so its allowed name is free), an inline
  // script must not run: script-src has no 'unsafe-inline'.
  const policy = tt.createPolicy('lit-html', { createScript: (s) => s });
  const script = document.createElement('script');
  script.textContent = policy.createScript('window.inlineRan = true');
  document.body.append(script);

  // An inline style attribute: style-src without 'unsafe-inline' must block it.
  div.setAttribute('style', 'color: red');

  return {
    sinkThrew,
    rogueSinkPolicyThrew,
    inlineRan: (window as unknown as { inlineRan?: boolean }).inlineRan === true,
    styleApplied: getComputedStyle(div).color === 'rgb(255, 0, 0)',
  };
});
