import { FINAL_BIT, LAST_BIT, LISTED_BIT, NO_EDGES, TARGET_MASK } from './artefact';
import { COST, isJoiner, keyboardNeighbours, substitutionCost } from './edit-costs';
import type { WordGraph } from './word-graph';

interface Candidate {
  word: string;
  cost: number;
}

/**
 * Finds the dictionary words closest to a typed word by walking the word automaton depth-first
 * while filling one row of a weighted Damerau–Levenshtein table per character (see
 * edit-costs.ts). A branch is abandoned as soon as every cell of its row exceeds the budget,
 * and the budget shrinks to the worst of the best candidates found so far, so the walk touches
 * a tiny part of the millions of word forms. typo-js instead generates every string two edits
 * away and looks each one up, which is why it needs seconds per word.
 */
export class SuggestionSearch {
  private readonly graph: WordGraph;
  private readonly alphabet: string[];
  private readonly alphabetIndex = new Int16Array(65536).fill(-1);
  private readonly neighbours: ReadonlySet<string>;

  constructor(graph: WordGraph, keyboard: string) {
    this.graph = graph;
    this.alphabet = graph.alphabet().map((code) => String.fromCharCode(code));
    this.alphabet.forEach((character, index) => (this.alphabetIndex[character.charCodeAt(0)] = index));
    this.neighbours = keyboardNeighbours(keyboard);
  }

  /** Up to `keep` dictionary words within the budget for `typed`, cheapest first. */
  nearest(typed: string, keep: number, splits: readonly Candidate[] = []): Candidate[] {
    const n = typed.length;
    const width = n + 1;
    let budget = n <= 2 ? COST.edit : n <= 4 ? 14 : 2 * COST.edit;
    const maxDepth = n + Math.floor(budget / COST.joiner) + 1;
    const input = Uint16Array.from(typed, (c) => c.charCodeAt(0));

    // substitution[a * n + i]: typing input[i] where the word has alphabet[a].
    const substitution = new Uint8Array(this.alphabet.length * n);
    // A wrong first letter is a rare slip unless it is only its accent, its case or a neighbouring key.
    this.alphabet.forEach((intended, a) => {
      for (let i = 0; i < n; i += 1) {
        const cost = substitutionCost(typed[i]!, intended, this.neighbours);
        substitution[a * n + i] = i === 0 && cost > COST.neighbouringKey ? cost + COST.firstLetter : cost;
      }
    });
    const deletion = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) {
      deletion[i] = i > 0 && input[i] === input[i - 1] ? COST.doubledLetter : isJoiner(input[i]!) ? COST.joiner : COST.extraLetter;
    }
    if (n > 0) deletion[0] = deletion[0]! + COST.firstLetter;
    const rows = new Int32Array((maxDepth + 1) * width);
    for (let i = 1; i <= n; i += 1) rows[i] = rows[i - 1]! + deletion[i - 1]!;
    const word = new Uint16Array(maxDepth);
    let found: Candidate[] = [...splits];

    const unexpected = unexpectedShape(typed);
    const record = (length: number, cost: number, listed: boolean) => {
      const candidate = String.fromCharCode(...word.subarray(0, length));
      found.push({ word: candidate, cost: cost + unexpected(candidate) + (listed ? 0 : COST.inflectedForm) });
      if (found.length >= keep * 2) {
        found = rank(found, typed).slice(0, keep);
        budget = Math.min(budget, found.at(-1)!.cost);
      }
    };
    const { edges, labels } = this.graph;
    const alphabetIndex = this.alphabetIndex;
    const walk = (node: number, depth: number, previous: number) => {
      const above = depth * width;
      const here = above + width;
      for (let edge = node; ; edge += 1) {
        const packed = edges[edge]!;
        const code = labels[edge]!;
        const costs = alphabetIndex[code]! * n;
        const insertion = code === previous ? COST.doubledLetter : isJoiner(code) ? COST.joiner : COST.missingLetter;
        let best = rows[above]! + insertion + COST.firstLetter;
        rows[here] = best;
        let rowMin = best;
        for (let i = 1; i <= n; i += 1) {
          best = rows[above + i - 1]! + substitution[costs + i - 1]!;
          const inserted = rows[above + i]! + insertion;
          if (inserted < best) best = inserted;
          const deleted = rows[here + i - 1]! + deletion[i - 1]!;
          if (deleted < best) best = deleted;
          if (i > 1 && depth > 0 && code === input[i - 2] && previous === input[i - 1] && code !== previous) {
            const swapped = rows[above - width + i - 2]! + COST.transposition;
            if (swapped < best) best = swapped;
          }
          rows[here + i] = best;
          if (best < rowMin) rowMin = best;
        }
        word[depth] = code;
        if ((packed & FINAL_BIT) !== 0 && rows[here + n]! <= budget) record(depth + 1, rows[here + n]!, (packed & LISTED_BIT) !== 0);
        const target = packed & TARGET_MASK;
        if (rowMin <= budget && target !== NO_EDGES && depth + 1 < maxDepth) walk(target, depth + 1, code);
        if ((packed & LAST_BIT) !== 0) break;
      }
    };
    walk(0, 0, -1);
    return rank(found, typed).slice(0, keep);
  }
}

// Ranking-only surcharges (never below the edit cost, so pruning stays exact): an apostrophe the
// agent did not type (d'coup for ducoup) or a capital in a word typed in lowercase (Mich for
// wich) is seldom what was meant. An inflected form (mercis, vendredis) is also surcharged, in
// `record`: without word frequencies, the dictionary's own entries are the common words.
function unexpectedShape(typed: string): (candidate: string) => number {
  const typedApostrophe = typed.includes("'");
  const typedCapital = typed !== typed.toLowerCase();
  return (candidate) =>
    (!typedApostrophe && candidate.includes("'") ? COST.joiner : 0) +
    (!typedCapital && candidate !== candidate.toLowerCase() ? 2 * COST.caseOnly : 0);
}

/** Cheapest first; then the length closest to what was typed; then a stable alphabetical order. */
function rank(candidates: Candidate[], typed: string): Candidate[] {
  const unique = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const seen = unique.get(candidate.word);
    if (!seen || candidate.cost < seen.cost) unique.set(candidate.word, candidate);
  }
  return [...unique.values()].sort(
    (a, b) =>
      a.cost - b.cost ||
      Math.abs(a.word.length - typed.length) - Math.abs(b.word.length - typed.length) ||
      (a.word < b.word ? -1 : a.word > b.word ? 1 : 0),
  );
}
