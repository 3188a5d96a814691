import { describe, expect, it } from 'vitest';
import { hyphenParts, wordTokens } from '../../lib/spelling/tokenize';

const words = (text: string) => wordTokens(text).map((token) => token.word);

describe('wordTokens', () => {
  it('keeps accents, inner apostrophes (straight or typographic) and hyphens inside words', () => {
    expect(words("Aujourd'hui, l’hôpital ; peut-être « vraiment » ÇA")).toEqual(["Aujourd'hui", 'l’hôpital', 'peut-être', 'vraiment', 'ÇA']);
  });

  it('leaves quotes and dashes around words out', () => {
    expect(words("'quoted' -dash- word- 'tis")).toEqual(['quoted', 'dash', 'word', 'tis']);
  });

  it('gives offsets into the original text', () => {
    const text = 'Le 👍🏽 colis  arrivé';
    for (const token of wordTokens(text)) expect(text.slice(token.start, token.end)).toBe(token.word);
    expect(wordTokens(text).map((token) => token.start)).toEqual([0, 8, 15]);
  });

  it('skips links, e-mail addresses, handles, numbers and identifiers', () => {
    const text =
      'voir https://exemple.fr/aidee?q=mot www.exmple.com exmple.org jean.dupnt@exemple.fr @agent_martin ' +
      'RDV 10h30 au 06.12.34.56.78 ou +33 (0)1 23 45 67 89, réf ABC123X, nom_utilisateur, mais ceci oui';
    expect(words(text)).toEqual(['voir', 'RDV', 'au', 'ou', 'réf', 'mais', 'ceci', 'oui']);
  });

  it('finds nothing in an empty or blank text', () => {
    expect(wordTokens('')).toEqual([]);
    expect(wordTokens(' \n\t ')).toEqual([]);
  });
});

describe('hyphenParts', () => {
  it('splits a hyphenated word with each part at its own offset', () => {
    expect(hyphenParts({ word: 'va-t-en', start: 10, end: 17 })).toEqual([
      { word: 'va', start: 10, end: 12 },
      { word: 't', start: 13, end: 14 },
      { word: 'en', start: 15, end: 17 },
    ]);
    expect(hyphenParts({ word: 'mot', start: 0, end: 3 })).toEqual([{ word: 'mot', start: 0, end: 3 }]);
  });
});
