import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Typo from 'typo-js';
import { ensureArtefact } from '../../scripts/dictionaries/build';
import { SPELLING_DICTIONARIES, type DictionaryLanguage } from '../../scripts/dictionaries/languages';

// Shared by the spelling tests: the real artefacts (built once, then cached by the build step)
// and typo-js on the same Hunspell files as the reference.

export function artefactBuffer(language: DictionaryLanguage): ArrayBuffer {
  const bytes = readFileSync(ensureArtefact(language));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

export function loadTypo(language: DictionaryLanguage): Typo {
  const dir = dirname(createRequire(import.meta.url).resolve(SPELLING_DICTIONARIES[language]));
  return new Typo(language, readFileSync(join(dir, 'index.aff'), 'utf8'), readFileSync(join(dir, 'index.dic'), 'utf8'));
}

/** A small deterministic generator, so a failing sample can be reproduced. */
export function seededRandom(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}
