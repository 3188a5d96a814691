import { describe, expect, it } from 'vitest';
import { ArtefactError, decodeArtefact, encodeArtefact, type ArtefactHeader } from '../../lib/spelling/artefact';
import { SpellingEngine } from '../../lib/spelling/engine';
import { WordGraph } from '../../lib/spelling/word-graph';
import { buildWordGraph } from '../../scripts/dictionaries/dawg-builder';

const WORDS = ["aujourd'hui", 'chanta', 'chantai', 'chantais', 'chante', 'chanter', 'chantes', 'danse', 'danser', 'danses', 'hôpital', 'hôpitaux'];

function header(edgeCount: number, wordCount: number): ArtefactHeader {
  return {
    language: 'fr',
    source: { dictionary: 'test', version: '0', expandedBy: 'test' },
    wordCount,
    edgeCount,
    inputConversions: [['’', "'"]],
    keepCase: [],
    noSuggest: [],
    notStandalone: [],
    compound: null,
    keyboard: 'azertyuiop|qsdfghjklm|wxcvbn',
  };
}

function smallArtefact(): ArrayBuffer {
  const graph = buildWordGraph(WORDS);
  return encodeArtefact({ header: header(graph.edges.length, graph.wordCount), edges: graph.edges, labels: graph.labels }).buffer;
}

describe('word graph', () => {
  it('holds exactly the words it was built from', () => {
    const graph = buildWordGraph(WORDS);
    const lookup = new WordGraph(graph.edges, graph.labels);
    expect(graph.wordCount).toBe(WORDS.length);
    for (const word of WORDS) expect(lookup.has(word), word).toBe(true);
    for (const word of ['', 'chant', 'chanters', 'danseur', 'Danse', 'hopital', 'aujourd', 'x']) expect(lookup.has(word), word).toBe(false);
  });

  it('stores shared endings once (inflections are what makes it small)', () => {
    const stems = ['aim', 'chant', 'dans', 'jou', 'parl', 'rêv'];
    const endings = ['e', 'er', 'es', 'ez', 'ons', 'ait', 'aient', 'erons'];
    const forms = stems.flatMap((stem) => endings.map((ending) => stem + ending)).sort();
    const stemLetters = stems.join('').length;
    const endingLetters = endings.join('').length;
    // A trie would need every ending under every stem: 6 × 29 ending letters.
    expect(buildWordGraph(forms).edges.length).toBeLessThanOrEqual(stemLetters + endingLetters);
  });

  it('refuses unsorted input instead of building a wrong graph', () => {
    expect(() => buildWordGraph(['b', 'a'])).toThrow(/not sorted/);
  });
});

describe('artefact file', () => {
  it('round-trips through bytes and serves checks and suggestions', () => {
    const engine = new SpellingEngine(smallArtefact());
    expect(engine.header.wordCount).toBe(WORDS.length);
    expect(engine.check('chantait, aujourd’hui chante hopital')).toEqual([
      { word: 'chantait', start: 0, end: 8 },
      { word: 'hopital', start: 29, end: 36 },
    ]);
    expect(engine.suggest('hopital')[0]).toBe('hôpital');
  });

  it('rejects what is not an artefact with a message a person can act on', () => {
    const valid = new Uint8Array(smallArtefact());
    const wrongVersion = valid.slice();
    wrongVersion[4] = 99;
    const cases: [ArrayBuffer, RegExp][] = [
      [new ArrayBuffer(0), /cannot be 0 bytes/],
      [new TextEncoder().encode('<!doctype html><p>Not found</p>').buffer, /not a Texto spelling artefact/],
      [wrongVersion.buffer, /format 99 is not supported.*rebuild/],
      [valid.slice(0, valid.length - 2).buffer, /truncated/],
      [valid.slice(0, 20).buffer, /truncated/],
    ];
    for (const [buffer, message] of cases) {
      expect(() => decodeArtefact(buffer)).toThrow(ArtefactError);
      expect(() => decodeArtefact(buffer)).toThrow(message);
    }
  });
});
