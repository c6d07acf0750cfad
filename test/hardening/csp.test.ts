import { expect } from '@open-wc/testing';
import { CSP_HOST_PATH, loadHost } from './csp/load-host.js';

/**
 * The element under a host page that allows no inline script or style and requires Trusted Types for
 * every script sink: it must work with zero `securitypolicyviolation` events.
 */
describe('strict Content-Security-Policy host', function () {
  // A host page compiles and loads its modules from scratch: slow on a loaded machine.
  this.timeout(30_000);
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('is served with the strict policy and Trusted Types', async () => {
    const response = await fetch(`${CSP_HOST_PATH}?entry=/test/hardening/csp/control.host.ts`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).to.include("script-src 'self'");
    expect(policy).to.include("style-src 'self'");
    expect(policy).to.include("require-trusted-types-for 'script'");
    expect(policy).to.include('trusted-types lit-html');
    expect(policy).not.to.include('unsafe-inline');
    const body = await response.text();
    expect(body).not.to.match(/<script>|<style|style=/);
  });

  it('sees violations when there are some (the harness is not blind)', async () => {
    const { report, frame } = await loadHost('/test/hardening/csp/control.host.ts');
    frames.push(frame);
    expect(report.error).to.equal(undefined);
    const directives = report.violations.map((v) => v.directive);
    expect(directives).to.include('require-trusted-types-for');
    expect(directives).to.include('style-src-attr');
    expect(directives).to.include('trusted-types');
    expect(directives).to.include('script-src-elem');
    expect(report.observed).to.deep.equal({
      sinkThrew: true,
      rogueSinkPolicyThrew: true,
      inlineRan: false,
      styleApplied: false,
    });
  });

  it('lets Lit templates, bindings and styles work with zero violations', async () => {
    const { report, frame } = await loadHost('/test/hardening/csp/lit.host.ts');
    frames.push(frame);
    expect(report.error).to.equal(undefined);
    expect(report.violations).to.deep.equal([]);
    expect(report.observed).to.deep.equal({
      text: '<b>text</b>',
      color: 'rgb(0, 128, 0)',
      weight: '700',
    });
  });

  it('lets the picker search, render every verdict, page, pick, fail and retry with zero violations', async () => {
    const { report, frame } = await loadHost('/test/hardening/csp/element.host.ts', 25_000);
    frames.push(frame);
    expect(report.error).to.equal(undefined);
    expect(report.violations).to.deep.equal([]);
    expect(report.observed).to.deep.equal({ rows: 7, picked: ['ok'], rowsAfterMore: 8, errorShown: true, retried: 7, longVirtualized: true, longActive: 'option-499', valueAtEnd: [] });
  });
});
