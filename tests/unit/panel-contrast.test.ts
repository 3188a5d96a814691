import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The panel's colours, read from its stylesheet, checked against WCAG 2 contrast (4.5:1 for text)
// in light and dark mode: each transcript party, the warnings and the tabs must stay readable.
const css = readFileSync(new URL('../../entrypoints/sidepanel/style.css', import.meta.url), 'utf8');

function variables(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!]));
}
const light = variables(css.slice(css.indexOf(':root'), css.indexOf('@media (prefers-color-scheme: dark)')));
const dark = new Map([...light, ...variables(css.slice(css.indexOf('@media (prefers-color-scheme: dark)'), css.indexOf('* {')))]);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const PAIRS: [foreground: string, background: string][] = [
  ['text', 'in-bubble'], // customer
  ['text', 'out-bubble'], // the agent
  ['text', 'agent-bubble'], // colleagues
  ['muted', 'in-bubble'], // sender and time lines
  ['muted', 'out-bubble'],
  ['muted', 'agent-bubble'],
  ['agent-accent', 'agent-bubble'], // the "Agent" label
  ['agent-accent', 'surface'], // "Transfer from …"
  ['muted', 'bg'], // system entries
  ['muted', 'surface'],
  ['warning', 'warning-bg'], // the session's last minute
  ['warning', 'surface'], // the timer turning to a warning
  ['danger', 'danger-bg'], // a failed transfer
  ['accent-text', 'accent'], // unread counts
];

describe('panel colours', () => {
  for (const [mode, palette] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keep every party, warning and count readable in ${mode} mode (4.5:1)`, () => {
      for (const [fg, bg] of PAIRS) {
        const ratio = contrast(palette.get(fg)!, palette.get(bg)!);
        expect(ratio, `${fg} on ${bg}: ${ratio.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }

  it('gives the agent, colleagues and customers different backgrounds', () => {
    for (const palette of [light, dark]) {
      expect(new Set(['in-bubble', 'out-bubble', 'agent-bubble'].map((name) => palette.get(name))).size).toBe(3);
    }
  });
});
