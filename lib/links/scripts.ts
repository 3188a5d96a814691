/**
 * Which writing systems a host label uses, after UTS #39 "Unicode Security Mechanisms": each
 * character counts for every script in its Script_Extensions; Common and Inherited characters
 * (digits, the hyphen, combining marks) fit any script. A label is acceptable when one script
 * covers all of its letters, or when it is one of the mixes CJK writing needs (the "Highly
 * Restrictive" level, which browsers also use).
 */

/** UAX #31 "recommended" scripts: those in modern everyday use. Anything else is shown encoded. */
const RECOMMENDED = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Thaana', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai',
  'Lao', 'Tibetan', 'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Khmer', 'Mongolian', 'Hiragana',
  'Katakana', 'Bopomofo', 'Han',
] as const;
export type Script = (typeof RECOMMENDED)[number];

const PATTERNS = RECOMMENDED.map((script) => [script, new RegExp(`\\p{scx=${script}}`, 'u')] as const);
const NEUTRAL = /[\p{scx=Common}\p{scx=Inherited}]/u;

/** Japanese, Chinese and Korean names legitimately mix Han with their own scripts and Latin. */
const CJK_MIXES: readonly (readonly Script[])[] = [
  ['Latin', 'Han', 'Hiragana', 'Katakana'],
  ['Latin', 'Han', 'Bopomofo'],
  ['Latin', 'Han', 'Hangul'],
];

export type LabelScripts =
  | { kind: 'single'; script: Script | undefined }
  | { kind: 'cjk' }
  | { kind: 'mixed'; scripts: Script[] }
  | { kind: 'unusual' };

function scriptsOf(character: string): Script[] {
  return PATTERNS.filter(([, pattern]) => pattern.test(character)).map(([script]) => script);
}

/** Classifies a Unicode label (one part of a host between dots). */
export function labelScripts(label: string): LabelScripts {
  const sets: Script[][] = [];
  for (const character of label) {
    const scripts = scriptsOf(character);
    if (scripts.length > 0) sets.push(scripts);
    else if (!NEUTRAL.test(character)) return { kind: 'unusual' };
  }
  if (sets.length === 0) return { kind: 'single', script: undefined };
  const common = sets.reduce((kept, scripts) => kept.filter((script) => scripts.includes(script)));
  if (common.length > 0) return { kind: 'single', script: common.includes('Latin') ? 'Latin' : common[0] };
  if (CJK_MIXES.some((mix) => sets.every((scripts) => scripts.some((script) => mix.includes(script))))) {
    return { kind: 'cjk' };
  }
  const seen = new Set(sets.flat());
  return { kind: 'mixed', scripts: [...seen] };
}
