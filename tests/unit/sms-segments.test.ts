import { describe, expect, it } from 'vitest';
import { segmentSms, smsUnits } from '../../lib/sms/segments';

const a = (n: number) => 'a'.repeat(n);
const lengths = (text: string) => {
  const { encoding, segments } = segmentSms(text);
  return segments.map((segment) => smsUnits(segment, encoding));
};
const graphemeBoundaries = (text: string) =>
  new Set([...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((g) => g.index).concat(text.length));

describe('segmentSms: single messages', () => {
  it('sends nothing for an empty text', () => {
    expect(segmentSms('')).toEqual({ encoding: 'GSM-7', segments: [] });
  });

  it('fits exactly 160 GSM-7 characters in one message and splits at 161', () => {
    expect(segmentSms(a(160))).toEqual({ encoding: 'GSM-7', segments: [a(160)] });
    expect(segmentSms(a(161))).toEqual({ encoding: 'GSM-7', segments: [a(153), a(8)] });
  });

  it('fits exactly 70 UCS-2 code units in one message and splits at 71', () => {
    expect(segmentSms(a(69) + 'ê')).toEqual({ encoding: 'UCS-2', segments: [a(69) + 'ê'] });
    expect(segmentSms(a(70) + 'ê')).toEqual({ encoding: 'UCS-2', segments: [a(67), a(3) + 'ê'] });
  });

  it('counts each extension character as two septets', () => {
    for (const escaped of ['^', '{', '}', '[', ']', '~', '\\', '|', '€', '\f']) {
      expect(smsUnits(escaped, 'GSM-7'), JSON.stringify(escaped)).toBe(2);
      expect(segmentSms(a(158) + escaped).segments, escaped).toHaveLength(1);
      expect(segmentSms(a(159) + escaped).segments, escaped).toHaveLength(2);
    }
  });

  it('fits 80 euro signs (160 septets) in one message, 81 in two without splitting a pair', () => {
    expect(segmentSms('€'.repeat(80)).segments).toEqual(['€'.repeat(80)]);
    expect(segmentSms('€'.repeat(81))).toEqual({ encoding: 'GSM-7', segments: ['€'.repeat(76), '€'.repeat(5)] });
  });

  it('counts an extension character as one unit once the text is UCS-2', () => {
    expect(smsUnits('€', 'UCS-2')).toBe(1);
    expect(segmentSms('ê' + '€'.repeat(69)).segments).toHaveLength(1);
  });
});

describe('segmentSms: part boundaries (153 septets, 67 code units)', () => {
  it('moves an escape pair that would straddle septets 153/154 to the next part', () => {
    expect(lengths(a(151) + '€' + a(20))).toEqual([153, 20]);
    expect(segmentSms(a(152) + '€' + a(20)).segments).toEqual([a(152), '€' + a(20)]);
    expect(segmentSms(a(153) + '€' + a(20)).segments).toEqual([a(153), '€' + a(20)]);
  });

  it('moves an emoji that would straddle units 67/68 to the next part', () => {
    expect(segmentSms(a(65) + '😀' + a(10)).segments).toEqual([a(65) + '😀', a(10)]);
    expect(segmentSms(a(66) + '😀' + a(10)).segments).toEqual([a(66), '😀' + a(10)]);
  });

  it('keeps an emoji with a skin-tone modifier whole', () => {
    const thumbs = '👍🏽';
    expect(segmentSms(a(63) + thumbs + a(10)).segments).toEqual([a(63) + thumbs, a(10)]);
    expect(segmentSms(a(64) + thumbs + a(10)).segments).toEqual([a(64), thumbs + a(10)]);
    expect(segmentSms(a(66) + thumbs + a(10)).segments).toEqual([a(66), thumbs + a(10)]);
  });

  it('keeps a flag (two regional indicators) whole', () => {
    const flag = '🇫🇷';
    expect(segmentSms(a(63) + flag + a(10)).segments).toEqual([a(63) + flag, a(10)]);
    expect(segmentSms(a(65) + flag + a(10)).segments).toEqual([a(65), flag + a(10)]);
  });

  it('keeps a ZWJ family sequence whole', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(family.length).toBe(11);
    expect(segmentSms(a(56) + family + a(10)).segments).toEqual([a(56) + family, a(10)]);
    expect(segmentSms(a(57) + family + a(10)).segments).toEqual([a(57), family + a(10)]);
  });

  it('keeps CR LF together in GSM-7', () => {
    expect(segmentSms(a(152) + '\r\n' + a(10)).segments).toEqual([a(152), '\r\n' + a(10)]);
  });

  it('splits a grapheme longer than a part at code points, never inside a surrogate pair', () => {
    const zalgo = 'e' + '\u0301'.repeat(70);
    const parts = segmentSms(zalgo).segments;
    expect(parts.map((p) => p.length)).toEqual([67, 4]);
    expect(parts.join('')).toBe(zalgo);

    const astralMark = '\u{1D165}';
    const withAstral = 'e' + '\u0301'.repeat(65) + astralMark + '\u0301'.repeat(5);
    const [first, second] = segmentSms(withAstral).segments;
    expect(first).toBe('e' + '\u0301'.repeat(65));
    expect(second?.startsWith(astralMark)).toBe(true);
  });
});

describe('segmentSms: encodings and invariants', () => {
  it('stays GSM-7 for French letters in the default table and switches for the others', () => {
    expect(segmentSms('Ça été où ? à demain, Æsa ß Øre ñ ü').encoding).toBe('GSM-7');
    for (const letter of ['ê', 'â', 'î', 'ô', 'û', 'ç', 'ë', 'œ', 'À', '«', '»', '’', '…', '`']) {
      expect(segmentSms(`Bonjour ${letter}`).encoding, letter).toBe('UCS-2');
    }
  });

  it('gives back the text when the parts are joined, with parts within capacity and on grapheme boundaries', () => {
    const pieces = ['a', 'é', '€', '[', ' ', 'ç', '😀', '👍🏽', '🇫🇷', '👨‍👩‍👧‍👦', '\r\n', 'e\u0301', '^'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      const length = next() % 400;
      for (let i = 0; i < length; i += 1) text += pieces[next() % (round % 2 === 0 ? 6 : pieces.length)];
      const { encoding, segments } = segmentSms(text);
      expect(segments.join('')).toBe(text);
      const capacity = segments.length > 1 ? (encoding === 'GSM-7' ? 153 : 67) : encoding === 'GSM-7' ? 160 : 70;
      const boundaries = graphemeBoundaries(text);
      let offset = 0;
      for (const segment of segments) {
        expect(segment).not.toBe('');
        expect(smsUnits(segment, encoding)).toBeLessThanOrEqual(capacity);
        offset += segment.length;
        expect(boundaries.has(offset)).toBe(true);
      }
    }
  });
});
