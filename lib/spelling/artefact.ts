// The compact spelling artefact: a minimal acyclic automaton (DAWG) of every word form typo-js
// accepts for a Hunspell dictionary, plus the few tables its `check` consults besides the word
// list. Built once at build time (scripts/dictionaries), read in the Worker without parsing.
//
// Layout (little-endian): "TXSD", u32 format version, u32 header byte length, header JSON
// (UTF-8), zero padding to a multiple of 4, then `edgeCount` u32 edges, then `edgeCount` u16
// labels. An edge word holds the index of the target node's first edge (bits 0–28, NO_EDGES for
// a node without edges), whether the path so far is a word listed as such in the .dic file
// rather than made by an affix rule (bit 29), whether it is a word at all (bit 30) and whether
// it is the last edge of its node (bit 31). The root's edges start at index 0.

export const ARTEFACT_FORMAT_VERSION = 2;
const MAGIC = 0x44535854; // "TXSD" read as a little-endian u32

export const NO_EDGES = 0x1fffffff;
export const LISTED_BIT = 0x20000000;
export const FINAL_BIT = 0x40000000;
export const LAST_BIT = 0x80000000;
export const TARGET_MASK = 0x1fffffff;

export interface ArtefactHeader {
  language: string;
  /** Where the words come from, e.g. dictionary-fr 3.0.0 expanded by typo-js 1.4.0. */
  source: { dictionary: string; version: string; expandedBy: string };
  wordCount: number;
  edgeCount: number;
  /** Hunspell ICONV pairs: typed forms mapped before lookup (’ → ', ligatures, NFD accents). */
  inputConversions: [string, string][];
  /** Words whose case must not vary (KEEPCASE): no capitalised or all-caps variant is accepted. */
  keepCase: string[];
  /** Words never offered as suggestions (NOSUGGEST). */
  noSuggest: string[];
  /** Listed words that are not words on their own (ONLYINCOMPOUND): also not compound-checked. */
  notStandalone: string[];
  /** COMPOUNDRULE expressions (case-insensitive) applied to words of at least `minLength`. */
  compound: { minLength: number; patterns: string[] } | null;
  /** Hunspell KEY: groups of neighbouring keys on the language's usual keyboard. */
  keyboard: string;
}

export interface Artefact {
  header: ArtefactHeader;
  edges: Uint32Array;
  labels: Uint16Array;
}

export class ArtefactError extends Error {
  override name = 'ArtefactError';
}

export function encodeArtefact({ header, edges, labels }: Artefact): Uint8Array<ArrayBuffer> {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 12 + json.length;
  const edgesStart = Math.ceil(headerEnd / 4) * 4;
  const bytes = new Uint8Array(edgesStart + edges.length * 6);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, ARTEFACT_FORMAT_VERSION, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 12);
  new Uint32Array(bytes.buffer, edgesStart, edges.length).set(edges);
  new Uint16Array(bytes.buffer, edgesStart + edges.length * 4, labels.length).set(labels);
  return bytes;
}

/** Reads an artefact in place (no copy of the automaton); throws ArtefactError if it is not one. */
export function decodeArtefact(buffer: ArrayBuffer): Artefact {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] !== 1) {
    throw new ArtefactError('This platform is big-endian; spelling artefacts are little-endian.');
  }
  if (buffer.byteLength < 12) throw new ArtefactError(`A spelling artefact cannot be ${buffer.byteLength} bytes long.`);
  const view = new DataView(buffer);
  if (view.getUint32(0, true) !== MAGIC) throw new ArtefactError('This file is not a Texto spelling artefact.');
  const version = view.getUint32(4, true);
  if (version !== ARTEFACT_FORMAT_VERSION) {
    throw new ArtefactError(`Spelling artefact format ${version} is not supported (expected ${ARTEFACT_FORMAT_VERSION}); rebuild the extension.`);
  }
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > buffer.byteLength) throw new ArtefactError('The spelling artefact is truncated (header).');
  let header: ArtefactHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 12, headerLength))) as ArtefactHeader;
  } catch {
    throw new ArtefactError('The spelling artefact header is not valid JSON.');
  }
  const edgeCount = header.edgeCount;
  const edgesStart = Math.ceil((12 + headerLength) / 4) * 4;
  if (!Number.isInteger(edgeCount) || edgeCount < 1 || edgesStart + edgeCount * 6 !== buffer.byteLength) {
    throw new ArtefactError('The spelling artefact is truncated or its edge count is wrong.');
  }
  return {
    header,
    edges: new Uint32Array(buffer, edgesStart, edgeCount),
    labels: new Uint16Array(buffer, edgesStart + edgeCount * 4, edgeCount),
  };
}
