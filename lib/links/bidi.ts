/**
 * Bidirectional control characters: explicit embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069) and the implicit marks (LRM, RLM, ALM). An override such as U+202E makes the
 * text after it display right-to-left, so `https://x.fr/‮gpj.exe` reads as `exe.jpg` — the
 * "Trojan Source" trick. In a link they have no honest use.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

/** Explicit overrides only: they reverse strong characters too, which no SMS needs. */
const BIDI_OVERRIDES = /[\u202D\u202E]/gu;

/** Every format (Cf) character: bidi controls, zero-width spaces and joiners, BOM, tags. */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** `⟪U+202E⟫`: how an invisible character is shown so the agent sees it is there. */
export function visibleCodePoint(character: string): string {
  const hex = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `⟪U+${hex}⟫`;
}

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/**
 * For link text and tooltips: every invisible format character, bidi controls first among them,
 * becomes a visible `⟪U+XXXX⟫` marker, so nothing can reorder or hide part of an address.
 */
export function revealInvisible(text: string): string {
  return text.replace(FORMAT_CHARACTERS, visibleCodePoint);
}

/**
 * For plain message text: explicit overrides become visible; embeddings, isolates and marks stay,
 * because Arabic and Hebrew writers use them legitimately and, with every entity isolated in its
 * own `<bdi>`, they can no longer reorder a link.
 */
export function revealOverrides(text: string): string {
  return text.replace(BIDI_OVERRIDES, visibleCodePoint);
}
