import { decodeArtefact, type ArtefactHeader } from './artefact';
import { SpellingDictionary } from './dictionary';
import { COST } from './edit-costs';
import { matchApostrophe } from './normalise';
import { SuggestionSearch } from './suggest';
import { hyphenParts, wordTokens, type WordToken } from './tokenize';
import { WordGraph } from './word-graph';

/** A misspelled word in a checked text, with UTF-16 offsets for underlining. */
export type Misspelling = WordToken;

export const DEFAULT_SUGGESTION_LIMIT = 5;
// Longer "words" are pasted identifiers or keyboard mashing: not worth a search.
const MAX_SUGGESTED_LENGTH = 40;
const ONE_LETTER_WORDS = new Set(['a', 'à', 'y', 'I']);

/**
 * Spell checking for one language over a decoded artefact: the engine the Worker runs, usable
 * directly in Node (tests, benchmarks).
 */
export class SpellingEngine {
  readonly header: ArtefactHeader;
  private readonly dictionary: SpellingDictionary;
  private readonly search: SuggestionSearch;
  private readonly noSuggest: ReadonlySet<string>;
  private personal: string[] = [];

  constructor(artefact: ArrayBuffer, personalWords: readonly string[] = []) {
    const { header, edges, labels } = decodeArtefact(artefact);
    const graph = new WordGraph(edges, labels);
    this.header = header;
    this.dictionary = new SpellingDictionary(header, graph);
    this.search = new SuggestionSearch(graph, header.keyboard);
    this.noSuggest = new Set(header.noSuggest);
    this.setPersonalWords(personalWords);
  }

  isCorrect(word: string): boolean {
    return this.dictionary.isCorrect(word);
  }

  /** The misspelled words of `text`; for a hyphenated word, only its misspelled parts. */
  check(text: string): Misspelling[] {
    const misspellings: Misspelling[] = [];
    for (const token of wordTokens(text)) {
      if (this.dictionary.isCorrect(token.word)) continue;
      const parts = hyphenParts(token);
      if (parts.length === 1) misspellings.push(token);
      else misspellings.push(...parts.filter((part) => !this.dictionary.isCorrect(part.word)));
    }
    return misspellings;
  }

  /** Replacements for a misspelled word, best first, in the case and apostrophe it was typed with. */
  suggest(typed: string, limit = DEFAULT_SUGGESTION_LIMIT): string[] {
    const word = typed.trim();
    if (word === '' || word.length > MAX_SUGGESTED_LENGTH || this.dictionary.isCorrect(word)) return [];
    const normal = this.dictionary.normalise(word);
    const scheme = caseScheme(normal);
    const searched = scheme === 'upper' ? normal.toLowerCase() : scheme === 'capitalised' ? normal[0]!.toLowerCase() + normal.slice(1) : normal;
    const splits = this.splitIntoTwoWords(searched);
    const ranked = this.search.nearest(searched, limit + 5, splits).map((candidate) => candidate.word);
    // Two words run together are a slip of the space bar, not of spelling: the best split keeps
    // a place even when closer single words fill the list (alot → … a lot).
    const split = splits[0]?.word;
    const eligible = ranked.filter((candidate) => !this.noSuggest.has(candidate)).slice(0, limit);
    if (split !== undefined && !eligible.includes(split)) eligible.splice(limit - 1, 1, split);
    const suggestions: string[] = [];
    for (const candidate of eligible) {
      const recased = scheme === 'upper' ? candidate.toUpperCase() : scheme === 'capitalised' ? candidate[0]!.toUpperCase() + candidate.slice(1) : candidate;
      const suggestion = matchApostrophe(recased, word);
      if (!suggestions.includes(suggestion)) suggestions.push(suggestion);
    }
    return suggestions;
  }

  get personalWords(): readonly string[] {
    return this.personal;
  }

  setPersonalWords(words: readonly string[]): void {
    this.personal = [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))].sort();
    this.dictionary.setPersonalWords(this.personal);
  }

  // "alot" → "a lot", "ducoup" → "du coup": two dictionary words typed without the space. The
  // dictionaries list every letter and many two-letter abbreviations as words, so short parts
  // are only trusted at the start (a lot, du coup): "occured" is not "occur ed".
  private splitIntoTwoWords(word: string): { word: string; cost: number }[] {
    const splits = [];
    for (let i = 1; i < word.length - 2; i += 1) {
      const left = word.slice(0, i);
      const right = word.slice(i);
      if ((left.length > 1 || ONE_LETTER_WORDS.has(left)) && this.dictionary.exact(left) && this.dictionary.exact(right)) {
        splits.push({ word: `${left} ${right}`, cost: COST.splitWords + (left.length === 1 ? COST.joiner / 2 : 0) });
      }
    }
    return splits.sort((a, b) => a.cost - b.cost);
  }
}

function caseScheme(word: string): 'upper' | 'capitalised' | 'as-typed' {
  const lower = word.toLowerCase();
  if (word.length > 1 && word === word.toUpperCase() && word !== lower) return 'upper';
  const first = word[0]!;
  if (first !== first.toLowerCase() && word.slice(1) === lower.slice(1)) return 'capitalised';
  return 'as-typed';
}
