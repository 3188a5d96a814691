import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Typo from 'typo-js';
import { SpellingEngine } from '../lib/spelling/engine';
import { wordTokens } from '../lib/spelling/tokenize';
import { SPELLING_DICTIONARIES, type DictionaryLanguage } from '../scripts/dictionaries/languages';
import type { TypoPair } from './spelling-typos';

// One measurement in a fresh process (what opening the panel costs): run by bench/spelling.ts as
// `node --expose-gc --import tsx bench/spelling-probe.ts <texto|typo-js> <language> <input.json>`.
// Prints one JSON line: load time, memory held after GC, check time per keystroke, and the
// latency and hits of each suggestion asked for.

export interface ProbeInput {
  artefactPath: string;
  message: string;
  typos: TypoPair[];
}

export interface ProbeResult {
  loadMs: number;
  heldBytes: number;
  checkMicrosPerKeystroke: number;
  suggestMs: number[];
  firstHits: number;
  topFiveHits: number;
}

interface Speller {
  checkText(text: string): number;
  suggest(word: string): string[];
}

function loadTexto(artefactPath: string): Speller {
  const bytes = readFileSync(artefactPath);
  const engine = new SpellingEngine(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { checkText: (text) => engine.check(text).length, suggest: (word) => engine.suggest(word, 5) };
}

function loadTypo(language: DictionaryLanguage): Speller {
  const dir = dirname(createRequire(import.meta.url).resolve(SPELLING_DICTIONARIES[language]));
  const typo = new Typo(language, readFileSync(join(dir, 'index.aff'), 'utf8'), readFileSync(join(dir, 'index.dic'), 'utf8'));
  // The same words are checked, found by the same tokenizer.
  return { checkText: (text) => wordTokens(text).filter((token) => !typo.check(token.word)).length, suggest: (word) => typo.suggest(word, 5) };
}

function probe(engineName: string, language: DictionaryLanguage, input: ProbeInput): ProbeResult {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run the probe with node --expose-gc.');
  const memory = () => {
    gc();
    gc();
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.external;
  };
  const before = memory();
  const started = performance.now();
  const speller = engineName === 'texto' ? loadTexto(input.artefactPath) : loadTypo(language);
  const loadMs = performance.now() - started;
  const heldBytes = memory() - before;

  // Typing the message one character at a time, each keystroke checks the whole text so far.
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass += 1) {
    const passStart = performance.now();
    for (let end = 1; end <= input.message.length; end += 1) speller.checkText(input.message.slice(0, end));
    passes.push(((performance.now() - passStart) * 1000) / input.message.length);
  }

  const suggestMs: number[] = [];
  let firstHits = 0;
  let topFiveHits = 0;
  for (const [typed, intended] of input.typos) {
    const asked = performance.now();
    const suggestions = speller.suggest(typed);
    suggestMs.push(performance.now() - asked);
    if (suggestions[0] === intended) firstHits += 1;
    if (suggestions.includes(intended)) topFiveHits += 1;
  }
  return { loadMs, heldBytes, checkMicrosPerKeystroke: passes.sort((a, b) => a - b)[1]!, suggestMs, firstHits, topFiveHits };
}

const [engineName, language, inputPath] = process.argv.slice(2);
if (engineName && language && inputPath) {
  const input = JSON.parse(readFileSync(inputPath, 'utf8')) as ProbeInput;
  console.log(JSON.stringify(probe(engineName, language as DictionaryLanguage, input)));
}
