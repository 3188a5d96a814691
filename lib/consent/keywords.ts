/**
 * Consent keywords (STOP, ARRÊT, START, HELP…) as carriers and regulators expect them: a message
 * is a keyword only when it is nothing else once trimmed, case-folded and stripped of accents and
 * punctuation ("Stop." and "ARRÊT !" are; "Stop. Merci" is not). A message that contains an
 * opt-out word without being only it is "suspected": the agent is asked, nothing happens alone.
 */

export type ConsentKeywordKind = 'opt_out' | 'opt_in' | 'help';

export interface ConsentKeywords {
  optOut: readonly string[];
  optIn: readonly string[];
  help: readonly string[];
}

export const DEFAULT_OPT_OUT_KEYWORDS = [
  'STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'OPT-OUT',
  'ARRET', 'ARRETE', 'DESABONNER', 'DESINSCRIRE',
] as const;
export const DEFAULT_OPT_IN_KEYWORDS = ['START', 'UNSTOP', 'YES', 'OUI', 'REPRENDRE'] as const;
export const DEFAULT_HELP_KEYWORDS = ['HELP', 'INFO', 'AIDE'] as const;

export const DEFAULT_CONSENT_KEYWORDS: ConsentKeywords = {
  optOut: DEFAULT_OPT_OUT_KEYWORDS,
  optIn: DEFAULT_OPT_IN_KEYWORDS,
  help: DEFAULT_HELP_KEYWORDS,
};

/**
 * The comparable form of a text: accents removed (NFKD then combining marks dropped), lower case,
 * every run of characters that are not letters or digits turned into one space, trimmed. So
 * "Opt-Out", "opt out" and "OPT_OUT!" all read "opt out".
 */
export function foldKeyword(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export type ConsentMatch =
  | { kind: ConsentKeywordKind; keyword: string }
  /** Contains an opt-out word (or a form of it: "arrêtez", "désabonnez") but says more. */
  | { kind: 'suspected_opt_out'; keyword: string };

const LISTS: readonly [ConsentKeywordKind, keyof ConsentKeywords][] = [
  ['opt_out', 'optOut'],
  ['opt_in', 'optIn'],
  ['help', 'help'],
];

/** Length of the common beginning of two words. */
function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * A word of the message is a form of a one-word keyword when it is the keyword, starts with it
 * (keywords of five letters or more: "arrêtez", "cancelled"; not "quite" for QUIT), or differs
 * only in its last two letters from a keyword of eight letters or more ("désabonnez").
 */
function isFormOf(word: string, keyword: string): boolean {
  if (word === keyword) return true;
  if (keyword.length >= 5 && word.startsWith(keyword)) return true;
  return keyword.length >= 8 && sharedPrefix(word, keyword) >= keyword.length - 2 && word.length <= keyword.length + 1;
}

/** Inside a sentence, a keyword shorter than this is an ordinary word ("the end of the day"). */
const MIN_SUSPECT_LENGTH = 4;

function containsKeyword(words: readonly string[], keyword: string): boolean {
  const parts = keyword.split(' ');
  if (parts.length === 1) return keyword.length >= MIN_SUSPECT_LENGTH && words.some((word) => isFormOf(word, keyword));
  return words.some((_, start) => parts.every((part, i) => words[start + i] === part));
}

/** What a customer's message means for consent, or undefined for an ordinary message. */
export function matchConsentKeyword(text: string, keywords: ConsentKeywords = DEFAULT_CONSENT_KEYWORDS): ConsentMatch | undefined {
  const folded = foldKeyword(text);
  if (!folded) return undefined;
  for (const [kind, list] of LISTS) {
    const keyword = keywords[list].find((candidate) => foldKeyword(candidate) === folded);
    if (keyword !== undefined) return { kind, keyword };
  }
  const words = folded.split(' ');
  const suspected = keywords.optOut.find((candidate) => {
    const keyword = foldKeyword(candidate);
    return keyword !== '' && containsKeyword(words, keyword);
  });
  return suspected === undefined ? undefined : { kind: 'suspected_opt_out', keyword: suspected };
}
