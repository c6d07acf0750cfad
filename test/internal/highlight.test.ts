import { expect } from '@open-wc/testing';
import { highlight } from '../../src/internal/highlight.js';

const matched = (parts: { text: string; match: boolean }[]) => parts.filter((p) => p.match).map((p) => p.text);

describe('highlight', () => {
  it('returns the whole text unmarked when nothing matches', () => {
    expect(highlight('Acme Leasing', 'zeta')).to.deep.equal([{ text: 'Acme Leasing', match: false }]);
  });

  it('marks every occurrence, ignoring case', () => {
    expect(highlight('Acme ACME acme', 'aCmE')).to.deep.equal([
      { text: 'Acme', match: true },
      { text: ' ', match: false },
      { text: 'ACME', match: true },
      { text: ' ', match: false },
      { text: 'acme', match: true },
    ]);
  });

  it('ignores diacritics on either side and keeps the original characters', () => {
    expect(matched(highlight('Müller Ácme', 'muller'))).to.deep.equal(['Müller']);
    expect(matched(highlight('Muller Acme', 'ácmé'))).to.deep.equal(['Acme']);
  });

  it('marks each word of the query', () => {
    expect(matched(highlight('Acme Summit Partners', 'partners acme'))).to.deep.equal(['Acme', 'Partners']);
  });

  it('merges overlapping matches into one run', () => {
    expect(highlight('aaaa', 'aa')).to.deep.equal([{ text: 'aaaa', match: true }]);
  });

  it('matches numbers ignoring punctuation, marking the punctuation in between', () => {
    expect(matched(highlight('001-0123456-000', '0010123', { ignorePunctuation: true }))).to.deep.equal(['001-0123']);
    expect(matched(highlight('001-0123456-000', '001 0123', { ignorePunctuation: true }))).to.deep.equal([
      '001-0123',
    ]);
  });

  it('does not ignore punctuation in names', () => {
    expect(matched(highlight("O'Brien & Sons", "o'brien"))).to.deep.equal(["O'Brien"]);
    expect(matched(highlight('OBrien', "o'brien"))).to.deep.equal([]);
  });

  it('handles astral characters and empty input', () => {
    expect(highlight('', 'x')).to.deep.equal([]);
    expect(highlight('𝒜cme 😀 acme', 'acme').map((p) => p.text).join('')).to.equal('𝒜cme 😀 acme');
    expect(highlight('Acme', '   ')).to.deep.equal([{ text: 'Acme', match: false }]);
  });
});
