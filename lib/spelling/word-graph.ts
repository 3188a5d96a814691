import { FINAL_BIT, LAST_BIT, NO_EDGES, TARGET_MASK } from './artefact';

/** Read-only view of the packed word automaton (see artefact.ts for the layout). */
export class WordGraph {
  readonly edges: Uint32Array;
  readonly labels: Uint16Array;

  constructor(edges: Uint32Array, labels: Uint16Array) {
    this.edges = edges;
    this.labels = labels;
  }

  /** Whether `word` is one of the graph's words, exactly (case and accents included). */
  has(word: string): boolean {
    const { edges, labels } = this;
    let node = 0;
    let final = false;
    for (let i = 0; i < word.length; i += 1) {
      if (node === NO_EDGES) return false;
      const code = word.charCodeAt(i);
      let edge = node;
      // Labels of a node are sorted, so the scan stops at the first larger one.
      for (;;) {
        const label = labels[edge]!;
        if (label === code) break;
        if (label > code || (edges[edge]! & LAST_BIT) !== 0) return false;
        edge += 1;
      }
      const packed = edges[edge]!;
      final = (packed & FINAL_BIT) !== 0;
      node = packed & TARGET_MASK;
    }
    return final;
  }

  /** The distinct characters the words use (the suggestion search's alphabet). */
  alphabet(): number[] {
    const seen = new Set<number>();
    for (const label of this.labels) seen.add(label);
    return [...seen].sort((a, b) => a - b);
  }
}
