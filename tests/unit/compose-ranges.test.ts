import { describe, expect, it } from 'vitest';
import { groupCulprits } from '../../components/compose/culprit-list';
import { highlightPieces, rangeAt, rangeAtOrAfter, rebaseRanges } from '../../components/compose/text-ranges';
import { unicodeCulprits } from '../../lib/sms/culprits';

const range = (text: string, word: string) => {
  const start = text.indexOf(word);
  return { word, start, end: start + word.length };
};

describe('carrying misspellings over to the text typed since the check', () => {
  const checked = 'Helo teh world';
  const found = [range(checked, 'Helo'), range(checked, 'teh')];

  it('keeps ranges before the edit and moves ranges after it', () => {
    const typed = 'Helo teh big world';
    expect(rebaseRanges(found, checked, typed)).toEqual(found);
    const prefixed = 'Oh Helo teh world';
    expect(rebaseRanges(found, checked, prefixed).map((r) => prefixed.slice(r.start, r.end))).toEqual(['Helo', 'teh']);
  });

  it('drops a range the edit touched, so no underline sits on the wrong letters', () => {
    expect(rebaseRanges(found, checked, 'Hello teh world').map((r) => r.word)).toEqual(['teh']);
    // Letters typed right after a word extend it: that word is checked again, not underlined half.
    expect(rebaseRanges(found, checked, 'Helo tehx world').map((r) => r.word)).toEqual(['Helo']);
    // A space after it leaves the word as it was.
    expect(rebaseRanges([range('Helo', 'Helo')], 'Helo', 'Helo ').map((r) => r.word)).toEqual(['Helo']);
  });

  it('returns the ranges unchanged when the text did not change', () => {
    expect(rebaseRanges(found, checked, checked)).toEqual(found);
  });
});

describe('the highlight mirror and the caret', () => {
  it('cuts the text into runs carrying their misspelling and Unicode marks, and joins back to the text', () => {
    const text = 'aujourd’hui teh ok';
    const pieces = highlightPieces(text, [range(text, 'teh')], unicodeCulprits(text));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.unicode).map((p) => p.text)).toEqual(['’']);
    expect(pieces.filter((p) => p.misspelledAt !== undefined).map((p) => [p.text, p.misspelledAt])).toEqual([['teh', 12]]);
  });

  it('finds the misspelling at the caret, or the next one for Ctrl+.', () => {
    const text = 'one teh two recieve';
    const ranges = [range(text, 'teh'), range(text, 'recieve')];
    expect(rangeAt(ranges, 7)?.word).toBe('teh');
    expect(rangeAt(ranges, 0)).toBeUndefined();
    expect(rangeAtOrAfter(ranges, 9)?.word).toBe('recieve');
    expect(rangeAtOrAfter(ranges, text.length)?.word).toBe('recieve');
    expect(rangeAtOrAfter(ranges, 0)?.word).toBe('teh');
  });
});

describe('the list of characters that need Unicode', () => {
  it('groups each character with its positions counted as a person counts characters', () => {
    const text = '👍🏽 l’offre — l’été';
    expect(groupCulprits(text, unicodeCulprits(text))).toEqual([
      { character: '👍🏽', label: '👍🏽 U+1F44D U+1F3FD', positions: [1] },
      { character: '’', label: '’ U+2019', positions: [4, 14] },
      { character: '—', label: '— U+2014', positions: [11] },
    ]);
  });

  it('names invisible characters by their code point', () => {
    const text = 'prix\u00a0: 10\u202f€';
    expect(groupCulprits(text, unicodeCulprits(text)).map((g) => g.label)).toEqual(['U+00A0', 'U+202F']);
  });
});
