import type { HostReport } from './host-common.js';

/** Where test/hardening/csp-plugin.js serves host pages under the strict policy. */
export const CSP_HOST_PATH = '/__csp__/host.html';

/** Frames a strict-CSP host page running `entry` and resolves with its report. */
export function loadHost(entry: string, timeoutMs = 20_000): Promise<{ report: HostReport; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject(new Error(`no report from ${entry} within ${timeoutMs} ms`));
    }, timeoutMs);
    function onMessage(event: MessageEvent) {
      if (event.source !== frame.contentWindow || !event.data?.cspHostReport) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve({ report: event.data.cspHostReport as HostReport, frame });
    }
    window.addEventListener('message', onMessage);
    frame.src = `${CSP_HOST_PATH}?entry=${encodeURIComponent(entry)}`;
    document.body.append(frame);
  });
}
