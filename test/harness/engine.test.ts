/**
 * The engine a test page believes it runs in decides which tests run and which are skipped as
 * "Chromium only" or "not in WebKit": a wrong guess would skip tests silently in their own engine.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { engine, engineOf } from '../support/engine.js';

describe('test harness: the engine', () => {
  it('is the one whose launcher started this browser', async () => {
    const launcher = await executeServerCommand<string, undefined>('launcher-name');
    const expected = { Chrome: 'chromium', Firefox: 'firefox', MiniBrowser: 'webkit' }[launcher];
    expect(expected, `a known launcher (${launcher})`).to.be.a('string');
    expect(engine, navigator.userAgent).to.equal(expected);
  });

  it('reads the user agents of the browsers admins use', () => {
    const agents = {
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36': 'chromium',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36 Edg/156.0.0.0': 'chromium',
      'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0': 'firefox',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15': 'webkit',
      'Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15': 'webkit',
    };
    for (const [agent, name] of Object.entries(agents)) expect(engineOf(agent), agent).to.equal(name);
  });
});
