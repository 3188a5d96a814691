import Typo from 'typo-js';
import type { ArtefactHeader } from '../../lib/spelling/artefact';
import { buildWordGraph, type PackedGraph } from './dawg-builder';

// Hunspell's default KEY (the affix file may give the language's own keyboard instead).
const DEFAULT_KEYBOARD = 'qwertyuiop|asdfghjkl|zxcvbnm';

export interface ExpandedDictionary {
  graph: PackedGraph;
  tables: Omit<ArtefactHeader, 'language' | 'source' | 'wordCount' | 'edgeCount'>;
}

/**
 * Lets typo-js expand every affix rule of a Hunspell dictionary (the slow part: seconds and
 * hundreds of megabytes for French), then keeps what typo-js's `check` needs: the word forms it
 * accepts exactly, and the flags it consults for case variants, suggestions and compounds.
 */
export function expandDictionary(aff: string, dic: string, language: string): ExpandedDictionary {
  const typo = new Typo(language, aff, dic);
  const accepted: string[] = [];
  const notStandalone: string[] = [];
  const keepCase: string[] = [];
  const noSuggest: string[] = [];
  for (const word of typo.dictionaryTable.keys()) {
    if (word === '') continue;
    if (typo.checkExact(word)) accepted.push(word);
    else notStandalone.push(word);
    if (typo.hasFlag(word, 'KEEPCASE')) keepCase.push(word);
    if (typo.hasFlag(word, 'NOSUGGEST')) noSuggest.push(word);
  }
  accepted.sort();
  const listed = listedWords(dic);
  const compoundMin = typo.flags.COMPOUNDMIN;
  return {
    graph: buildWordGraph(accepted, (word) => listed.has(word)),
    tables: {
      inputConversions: parseInputConversions(aff),
      keepCase: keepCase.sort(),
      noSuggest: noSuggest.sort(),
      notStandalone: notStandalone.sort(),
      compound:
        compoundMin !== undefined && typo.compoundRules.length > 0
          ? { minLength: Number(compoundMin), patterns: typo.compoundRules.map((rule) => rule.source) }
          : null,
      keyboard: typo.flags.KEY ?? DEFAULT_KEYBOARD,
    },
  };
}

// The .dic file's own entries (first line is the count; a tab starts a comment, as in typo-js).
function listedWords(dic: string): Set<string> {
  const words = new Set<string>();
  for (const line of dic.split(/\r?\n/).slice(1)) {
    if (line.startsWith('\t')) continue;
    const word = line.replace(/\s.*$/, '').split('/', 1)[0]!;
    if (word !== '') words.add(word);
  }
  return words;
}

// typo-js keeps only the last ICONV line as a "flag"; read the pairs from the affix file.
function parseInputConversions(aff: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const line of aff.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/);
    if (parts[0] === 'ICONV' && parts.length === 3) pairs.push([parts[1]!, parts[2]!]);
  }
  return pairs;
}
