import { FINAL_BIT, LAST_BIT, LISTED_BIT, NO_EDGES } from '../../lib/spelling/artefact';

// Builds the minimal acyclic automaton of a sorted word list in one pass (incremental
// construction for sorted input, Daciuk et al. 2000): after each word, the part of the previous
// word's path that the new word no longer shares is replaced by equivalent registered states.
// Inflected word lists share most suffixes, so 3 million French forms fit in a few megabytes.

// 0: not a word; 1: a word made by an affix rule; 2: a word listed as such in the .dic file.
type Ending = 0 | 1 | 2;

interface State {
  final: Ending;
  labels: number[];
  targets: State[];
  id: number;
}

const newState = (): State => ({ final: 0, labels: [], targets: [], id: -1 });

export interface PackedGraph {
  edges: Uint32Array;
  labels: Uint16Array;
  wordCount: number;
}

/**
 * `words` must be sorted by UTF-16 code units (the default `Array.prototype.sort`). `isListed`
 * tells the words the dictionary lists itself (lemmas) from the forms its affix rules make:
 * suggestions prefer the former when the edit costs tie.
 */
export function buildWordGraph(words: Iterable<string>, isListed: (word: string) => boolean = () => true): PackedGraph {
  const root = newState();
  const register = new Map<string, State>();
  const path: State[] = [root];
  let previous: string | undefined;
  let wordCount = 0;
  let nextId = 0;

  const signature = (state: State) => {
    let key = String(state.final);
    for (let i = 0; i < state.labels.length; i += 1) key += `,${state.labels[i]}:${state.targets[i]!.id}`;
    return key;
  };
  const minimise = (keepDepth: number) => {
    for (let depth = path.length - 1; depth > keepDepth; depth -= 1) {
      const state = path[depth]!;
      const parent = path[depth - 1]!;
      const key = signature(state);
      const twin = register.get(key);
      if (twin) parent.targets[parent.targets.length - 1] = twin;
      else {
        state.id = nextId++;
        register.set(key, state);
      }
    }
    path.length = keepDepth + 1;
  };

  for (const word of words) {
    if (word === '' || word === previous) continue;
    if (previous !== undefined && word < previous) throw new Error(`Words are not sorted: "${previous}" before "${word}".`);
    let common = 0;
    const limit = previous === undefined ? 0 : Math.min(word.length, previous.length);
    while (common < limit && word.charCodeAt(common) === previous!.charCodeAt(common)) common += 1;
    minimise(common);
    let state = path[common]!;
    for (let i = common; i < word.length; i += 1) {
      const next = newState();
      state.labels.push(word.charCodeAt(i));
      state.targets.push(next);
      path.push(next);
      state = next;
    }
    state.final = isListed(word) ? 2 : 1;
    previous = word;
    wordCount += 1;
  }
  minimise(0);
  return pack(root, wordCount);
}

// Lays states out breadth-first: each state's edges are contiguous, the root's first.
function pack(root: State, wordCount: number): PackedGraph {
  const offsets = new Map<State, number>([[root, 0]]);
  const order: State[] = [root];
  let edgeCount = root.labels.length;
  for (let index = 0; index < order.length; index += 1) {
    for (const target of order[index]!.targets) {
      if (offsets.has(target)) continue;
      if (target.labels.length === 0) offsets.set(target, NO_EDGES);
      else {
        offsets.set(target, edgeCount);
        edgeCount += target.labels.length;
        order.push(target);
      }
    }
  }
  if (edgeCount >= NO_EDGES) throw new Error(`${edgeCount} edges do not fit the artefact format.`);
  const edges = new Uint32Array(edgeCount);
  const labels = new Uint16Array(edgeCount);
  for (const state of order) {
    const start = offsets.get(state)!;
    const last = state.labels.length - 1;
    state.labels.forEach((label, i) => {
      const target = state.targets[i]!;
      labels[start + i] = label;
      const ending = target.final === 2 ? FINAL_BIT | LISTED_BIT : target.final === 1 ? FINAL_BIT : 0;
      edges[start + i] = (offsets.get(target)! | ending | (i === last ? LAST_BIT : 0)) >>> 0;
    });
  }
  return { edges, labels, wordCount };
}
