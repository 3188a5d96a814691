import type { ArtefactHeader } from './artefact';
import { createWordNormaliser } from './normalise';
import { WordGraph } from './word-graph';

const MAX_REMEMBERED_VERDICTS = 10_000;

/**
 * Decides whether one word is correctly spelled, with the same rules as typo-js's `check` (the
 * reference the tests compare against): the exact form, else its lowercase or capitalised form
 * for a word typed in capitals or at a sentence start, unless the dictionary marks the word
 * KEEPCASE; then the COMPOUNDRULE patterns (English ordinals: 21st, 112th). On top of typo-js:
 * typographic apostrophes and the affix file's input conversions, and the agent's own words.
 */
export class SpellingDictionary {
  readonly graph: WordGraph;
  readonly normalise: (word: string) => string;
  private readonly keepCase: ReadonlySet<string>;
  private readonly notStandalone: ReadonlySet<string>;
  private readonly compound: { minLength: number; patterns: RegExp[] } | null;
  private readonly personal = new Set<string>();
  // The whole message is re-checked on each keystroke, so nearly every word was seen just before.
  private readonly verdicts = new Map<string, boolean>();

  constructor(header: ArtefactHeader, graph: WordGraph) {
    this.graph = graph;
    this.normalise = createWordNormaliser(header.inputConversions);
    this.keepCase = new Set(header.keepCase);
    this.notStandalone = new Set(header.notStandalone);
    this.compound = header.compound && {
      minLength: header.compound.minLength,
      patterns: header.compound.patterns.map((pattern) => new RegExp(pattern, 'i')),
    };
  }

  isCorrect(typed: string): boolean {
    const known = this.verdicts.get(typed);
    if (known !== undefined) return known;
    const verdict = this.decide(typed.trim());
    if (this.verdicts.size >= MAX_REMEMBERED_VERDICTS) this.verdicts.clear();
    this.verdicts.set(typed, verdict);
    return verdict;
  }

  private decide(word: string): boolean {
    if (word === '') return false;
    if (this.checkCaseVariants(word)) return true;
    // The typed form first: a few entries are not in NFC (the ohm sign Ω in French units).
    const normal = this.normalise(word);
    return normal !== word && this.checkCaseVariants(normal);
  }

  // typo-js's `check`, rule for rule (including the early `false` for KEEPCASE words).
  private checkCaseVariants(word: string): boolean {
    if (this.exact(word)) return true;
    const first = word[0]!;
    if (word.toUpperCase() === word) {
      const capitalised = first + word.slice(1).toLowerCase();
      if (this.keepCase.has(capitalised)) return false;
      if (this.exact(capitalised) || this.exact(word.toLowerCase())) return true;
    }
    const uncapitalised = first.toLowerCase() + word.slice(1);
    if (uncapitalised !== word) {
      if (this.keepCase.has(uncapitalised)) return false;
      if (this.exact(uncapitalised)) return true;
    }
    return false;
  }

  /** A word as the dictionary lists it (no case variant), personal words included. */
  exact(word: string): boolean {
    if (this.graph.has(word) || this.personal.has(word)) return true;
    if (this.notStandalone.has(word) || !this.compound || word.length < this.compound.minLength) return false;
    return this.compound.patterns.some((pattern) => pattern.test(word));
  }

  setPersonalWords(words: Iterable<string>): void {
    this.verdicts.clear();
    this.personal.clear();
    for (const word of words) this.personal.add(word).add(this.normalise(word));
  }
}
