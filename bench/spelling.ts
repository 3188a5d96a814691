/**
 * Spelling benchmark: the Worker's engine (compact artefact + automaton search) beside plain
 * typo-js on the same Hunspell dictionaries, measured in the same run. For each language it
 * prints medians over several fresh processes of: load time, memory held after GC (heap +
 * external), check time per keystroke while typing an SMS, and suggestion latency p50/p95 over
 * real misspellings with how often the intended word comes first or in the top five.
 * typo-js's `suggest` takes seconds per word, so it is timed on a spread subset of the typos,
 * once; the engine is timed on that same subset and on the whole list.
 * `npx tsx bench/spelling.ts` (BENCH_RUNS, BENCH_TYPO_JS_TYPOS to change the sizes).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SpellingEngine } from '../lib/spelling/engine';
import { ensureArtefact } from '../scripts/dictionaries/build';
import type { DictionaryLanguage } from '../scripts/dictionaries/languages';
import type { ProbeInput, ProbeResult } from './spelling-probe';
import { englishTypos, frenchTypos, type TypoPair } from './spelling-typos';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TYPO_JS_TYPOS = Number(process.env.BENCH_TYPO_JS_TYPOS ?? 25);
const MAX_TYPOS = 300;
const root = resolve(fileURLToPath(import.meta.url), '../..');

// Replies of SMS length (about 160 characters) as an agent would type them.
const MESSAGES: Record<DictionaryLanguage, string> = {
  en: "Hello Mrs Carter, thanks for your message. I've checked your order: the parcel left our warehouse today and should arrive on Thursday. Anything else?",
  fr: "Bonjour Madame, merci pour votre message. J'ai vérifié votre commande : le colis est parti aujourd'hui de l'entrepôt et arrivera jeudi. Autre chose ?",
};

const median = (values: number[]) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percentile = (values: number[], p: number) => values.toSorted((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

/** Typos whose typed form is rejected and whose intended words are accepted, spread evenly. */
export function selectTypos(language: DictionaryLanguage, engine: SpellingEngine): TypoPair[] {
  const candidates = (language === 'fr' ? frenchTypos() : englishTypos()).filter(
    ([typed, intended]) => !engine.isCorrect(typed) && intended.split(' ').every((word) => engine.isCorrect(word)),
  );
  const step = Math.max(1, candidates.length / MAX_TYPOS);
  const spread: TypoPair[] = [];
  for (let i = 0; i < candidates.length && spread.length < MAX_TYPOS; i += step) spread.push(candidates[Math.floor(i)]!);
  // Interleave so that the first TYPO_JS_TYPOS entries are themselves a spread sample.
  const stride = Math.max(1, Math.floor(spread.length / TYPO_JS_TYPOS));
  return [...Array(stride).keys()].flatMap((offset) => spread.filter((_, i) => i % stride === offset));
}

export async function probe(engine: 'texto' | 'typo-js', language: DictionaryLanguage, inputPath: string): Promise<ProbeResult> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(root, 'bench/spelling-probe.ts'), engine, language, inputPath],
    { cwd: root, maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as ProbeResult;
}

function row(label: string, texto: string, typo: string, ratio: string) {
  console.log(`  ${label.padEnd(44)} ${texto.padStart(14)} ${typo.padStart(14)}   ${ratio}`);
}

async function benchLanguage(language: DictionaryLanguage, workDir: string) {
  const artefactPath = ensureArtefact(language);
  const bytes = readFileSync(artefactPath);
  const engine = new SpellingEngine(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const typos = selectTypos(language, engine);
  const subset = typos.slice(0, TYPO_JS_TYPOS);
  const write = (name: string, input: ProbeInput) => {
    const path = join(workDir, `${language}-${name}.json`);
    writeFileSync(path, JSON.stringify(input));
    return path;
  };
  const message = MESSAGES[language];
  const fullInput = write('all', { artefactPath, message, typos });
  const subsetInput = write('subset', { artefactPath, message, typos: subset });
  const noTypos = write('none', { artefactPath, message, typos: [] });

  const texto: ProbeResult[] = [];
  const typo: ProbeResult[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    texto.push(await probe('texto', language, fullInput));
    typo.push(await probe('typo-js', language, run === 0 ? subsetInput : noTypos));
  }

  const { header } = engine;
  console.log(
    `\n${language}: ${header.source.dictionary} ${header.source.version}, ${header.wordCount.toLocaleString('en')} word forms, ` +
      `artefact ${(statSync(artefactPath).size / 1e6).toFixed(2)} MB — medians of ${RUNS} fresh processes`,
  );
  row('', 'texto', 'typo-js', 'ratio');
  const load = [median(texto.map((r) => r.loadMs)), median(typo.map((r) => r.loadMs))] as const;
  row('load (ms)', load[0].toFixed(1), load[1].toFixed(0), `${(load[1] / load[0]).toFixed(0)}× faster`);
  const held = [median(texto.map((r) => r.heldBytes)) / 1e6, median(typo.map((r) => r.heldBytes)) / 1e6] as const;
  row('memory held, heap + external (MB)', held[0].toFixed(1), held[1].toFixed(0), `${(held[1] / held[0]).toFixed(0)}× less`);
  const check = [median(texto.map((r) => r.checkMicrosPerKeystroke)), median(typo.map((r) => r.checkMicrosPerKeystroke))] as const;
  row(`check per keystroke, ${message.length}-char SMS (µs)`, check[0].toFixed(0), check[1].toFixed(0), `${(check[1] / check[0]).toFixed(1)}×`);

  const textoSubset = texto.map((r) => r.suggestMs.slice(0, subset.length));
  const typoSubset = typo[0]!.suggestMs;
  for (const p of [50, 95]) {
    const ours = median(textoSubset.map((ms) => percentile(ms, p)));
    const theirs = percentile(typoSubset, p);
    row(`suggest p${p}, ${subset.length} typos (ms)`, ours.toFixed(2), theirs.toFixed(0), `${(theirs / ours).toFixed(0)}× faster`);
  }
  const hits = (results: { firstHits: number; topFiveHits: number }, of: number) =>
    `${results.firstHits}/${of} · ${results.topFiveHits}/${of}`;
  const textoSubsetHits = {
    firstHits: subset.filter(([typed, intended]) => engine.suggest(typed, 5)[0] === intended).length,
    topFiveHits: subset.filter(([typed, intended]) => engine.suggest(typed, 5).includes(intended)).length,
  };
  row(`intended word first · in top 5, ${subset.length} typos`, hits(textoSubsetHits, subset.length), hits(typo[0]!, subset.length), '');
  for (const p of [50, 95]) {
    row(`suggest p${p}, all ${typos.length} typos (ms)`, median(texto.map((r) => percentile(r.suggestMs, p))).toFixed(2), '—', '');
  }
  row(`intended word first · in top 5, ${typos.length} typos`, hits(texto[0]!, typos.length), '—', '');
}

export async function run(): Promise<void> {
  console.log(`Spelling: texto engine vs plain typo-js (node ${process.version})`);
  const workDir = mkdtempSync(join(tmpdir(), 'texto-bench-spelling-'));
  try {
    for (const language of ['en', 'fr'] as const) await benchLanguage(language, workDir);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run();
