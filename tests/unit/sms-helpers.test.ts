import { describe, expect, it } from 'vitest';
import { countSms, exceedsMaxMessages } from '../../lib/sms/count';
import { unicodeCulprits } from '../../lib/sms/culprits';
import { GSM_BASIC_CHARACTERS, GSM_EXTENSION_CHARACTERS, gsmSeptets } from '../../lib/sms/gsm-alphabet';
import { replaceLookalikes } from '../../lib/sms/lookalikes';

describe('GSM 03.38 tables', () => {
  it('has the 127 basic characters and 10 extension characters', () => {
    expect(GSM_BASIC_CHARACTERS.size).toBe(127);
    expect(GSM_EXTENSION_CHARACTERS.size).toBe(10);
  });

  it('knows which accented letters are in the default alphabet', () => {
    for (const letter of 'éèùìòÇÉàäöñüÄÖÑÜÅåÆæßØø') expect(gsmSeptets(letter), letter).toBe(1);
    for (const letter of 'êâîôûçëïÈÀœ') expect(gsmSeptets(letter), letter).toBeUndefined();
    expect(gsmSeptets('$')).toBe(1);
    expect(gsmSeptets('¤')).toBe(1);
    expect(gsmSeptets('€')).toBe(2);
  });
});

describe('countSms', () => {
  it('counts an empty text as no message with a whole SMS free', () => {
    expect(countSms('')).toEqual({ characters: 0, units: 0, messages: 0, encoding: 'GSM-7', remainingInLast: 160 });
  });

  it('counts graphemes as characters and units as the carrier does', () => {
    expect(countSms('Hi 👨‍👩‍👧‍👦🇫🇷')).toEqual({
      characters: 5,
      units: 3 + 11 + 4,
      messages: 1,
      encoding: 'UCS-2',
      remainingInLast: 70 - 18,
    });
    expect(countSms('{€}')).toMatchObject({ characters: 3, units: 6, encoding: 'GSM-7', remainingInLast: 154 });
  });

  it('reports what is left in the last part of a long message', () => {
    expect(countSms('a'.repeat(160))).toMatchObject({ messages: 1, remainingInLast: 0 });
    expect(countSms('a'.repeat(161))).toMatchObject({ messages: 2, units: 161, remainingInLast: 145 });
    expect(countSms('a'.repeat(152) + '€')).toMatchObject({ messages: 1, units: 154, remainingInLast: 6 });
    expect(countSms('a'.repeat(159) + '€')).toMatchObject({ messages: 2, units: 161, remainingInLast: 153 - 8 });
    expect(countSms('ç'.repeat(71))).toMatchObject({ messages: 2, encoding: 'UCS-2', remainingInLast: 63 });
  });
});

describe('exceedsMaxMessages', () => {
  it('allows exactly the maximum and refuses one message more (default 10)', () => {
    expect(exceedsMaxMessages('a'.repeat(1530))).toBe(false);
    expect(exceedsMaxMessages('a'.repeat(1531))).toBe(true);
    expect(exceedsMaxMessages('a'.repeat(161), 1)).toBe(true);
    expect(exceedsMaxMessages('', 1)).toBe(false);
  });

  it('rejects a nonsensical maximum with a clear error', () => {
    expect(() => exceedsMaxMessages('hi', 0)).toThrow(/at least 1/);
    expect(() => exceedsMaxMessages('hi', 2.5)).toThrow(RangeError);
  });
});

describe('unicodeCulprits', () => {
  it('lists each grapheme that forces UCS-2 with its position', () => {
    const text = 'Ça va ? ça 👍🏽 « ok »';
    expect(unicodeCulprits(text)).toEqual([
      { character: 'ç', start: 8, end: 9 },
      { character: '👍🏽', start: 11, end: 15 },
      { character: '«', start: 16, end: 17 },
      { character: '»', start: 21, end: 22 },
    ]);
    for (const culprit of unicodeCulprits(text)) expect(text.slice(culprit.start, culprit.end)).toBe(culprit.character);
  });

  it('finds none in a pure GSM-7 text', () => {
    expect(unicodeCulprits('Hello [world] €5 — no, wait')).toHaveLength(1);
    expect(unicodeCulprits('Hello [world] €5 - à bientôt'.replace('ô', 'o'))).toEqual([]);
  });
});

describe('replaceLookalikes', () => {
  it('turns typographic punctuation and spaces into GSM-7', () => {
    const typed = '« Bonjour » – l’équipe\u00a0vous répond… “OK” • 10\u202f€';
    const replaced = replaceLookalikes(typed);
    expect(replaced).toBe('"Bonjour" - l\'équipe vous répond... "OK" - 10 €');
    expect(countSms(replaced).encoding).toBe('GSM-7');
  });

  it('composes accents typed as combining marks into GSM letters', () => {
    expect(replaceLookalikes('e\u0301te\u0301')).toBe('été');
    expect(countSms(replaceLookalikes('e\u0301te\u0301')).encoding).toBe('GSM-7');
  });

  it('never changes letters unless asked to fold accents', () => {
    expect(replaceLookalikes('être ça Çà où')).toBe('être ça Çà où');
    expect(replaceLookalikes('être ça Çà où', { foldAccents: true })).toBe('etre ca Çà où');
  });

  it('keeps emoji sequences and removes only invisible characters', () => {
    expect(replaceLookalikes('a\u200bb\u00adc 👨‍👩‍👧‍👦')).toBe('abc 👨‍👩‍👧‍👦');
  });
});
