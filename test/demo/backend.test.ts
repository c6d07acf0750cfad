/**
 * The demo's backend switch (demo/backend.ts): `?endpoint=` names a real endpoint instead of the mock
 * server; anything that is no http(s) URL is refused, never searched.
 */
import { expect } from '@open-wc/testing';
import { backendFrom, backendLabel } from '../../demo/backend.js';
import { MOCK_ENDPOINT } from '../../mocks/handlers.js';

describe('demo backend switch', () => {
  it('searches the mock server when the page URL names no endpoint', () => {
    expect(backendFrom('')).to.deep.equal({ kind: 'mock', endpoint: MOCK_ENDPOINT });
    expect(backendFrom('?endpoint=')).to.deep.equal({ kind: 'mock', endpoint: MOCK_ENDPOINT });
    expect(backendLabel(backendFrom(''))).to.equal('Training demo · mock data');
  });

  it('searches the endpoint named, encoded or not, and says so', () => {
    const url = 'http://127.0.0.1:8787/api/accounts/search';
    expect(backendFrom(`?endpoint=${url}`)).to.deep.equal({ kind: 'endpoint', endpoint: url });
    expect(backendFrom(`?user=1&endpoint=${encodeURIComponent(url)}`)).to.deep.equal({ kind: 'endpoint', endpoint: url });
    expect(backendLabel(backendFrom(`?endpoint=${url}`))).to.equal(`Training demo · live endpoint ${url}`);
  });

  it('refuses anything but an http(s) URL', () => {
    for (const given of ['javascript:alert(1)', '/api/accounts/search', 'not a url', 'data:text/plain,x', 'ftp://example.test/x']) {
      const backend = backendFrom(`?endpoint=${encodeURIComponent(given)}`);
      expect(backend, given).to.deep.equal({ kind: 'invalid', given });
      expect(backendLabel(backend)).to.contain('is not an http(s) URL');
    }
  });
});
