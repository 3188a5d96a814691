import { describe, expect, it } from 'vitest';
import { formatCopyLine, formatTranscriptCopy } from '../../lib/transcript/copy';
import { normaliseTextSize } from '../../lib/transcript/text-size';

const clock = (at: number) => new Date(at).toISOString().slice(11, 16);
const at = Date.UTC(2026, 0, 5, 14, 2);

describe('transcript copy', () => {
  it('gives one line per entry with time and name', () => {
    const text = formatTranscriptCopy(
      [
        { at, sender: 'Camille Lefebvre', text: 'Bonjour, mon colis ?' },
        { at: at + 60_000, sender: 'Alice Martin', text: 'Il arrive demain.' },
        { at: at + 120_000, sender: 'System', text: 'Alice Martin called +33612345678' },
      ],
      clock,
    );
    expect(text).toBe(
      '[14:02] Camille Lefebvre: Bonjour, mon colis ?\n[14:03] Alice Martin: Il arrive demain.\n[14:04] System: Alice Martin called +33612345678',
    );
  });

  it('indents a message’s own line breaks and shows direction overrides instead of applying them', () => {
    expect(formatCopyLine({ at, sender: 'Hugo', text: 'ligne 1\r\nligne 2\nfichier \u202Egpj.exe' }, clock)).toBe(
      '[14:02] Hugo: ligne 1\n  ligne 2\n  fichier ⟪U+202E⟫gpj.exe',
    );
  });
});

describe('text size', () => {
  it('keeps 80–200 % to the sizes offered, and falls back to 100 % for anything unusable', () => {
    expect([80, 125, '150', 200].map(normaliseTextSize)).toEqual([80, 125, 150, 200]);
    expect([10, 79, 1000, 133].map(normaliseTextSize)).toEqual([80, 80, 200, 125]);
    expect([undefined, null, 'big', Number.NaN, {}].map(normaliseTextSize)).toEqual([100, 100, 100, 100, 100]);
  });
});
