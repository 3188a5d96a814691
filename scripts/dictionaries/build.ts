import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeArtefact } from '../../lib/spelling/artefact';
import { expandDictionary } from './expand';
import { artefactOutputPath, DICTIONARY_LANGUAGES, SPELLING_DICTIONARIES, type DictionaryLanguage } from './languages';

// Turns the Hunspell dictionaries of the npm packages into spelling artefacts, cached under
// node_modules/.cache keyed by the dictionary's package version, the typo-js version and a hash
// of this builder's code, so a build or a test run after the first one only copies files.
// Run alone: `npx tsx scripts/dictionaries/build.ts [--out DIR] [en fr]`.

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../..');
const defaultCacheDir = join(projectRoot, 'node_modules/.cache/texto-spelling');

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  return dirname(require.resolve(name));
}

function packageVersion(name: string, dir = packageDir(name)): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

function builderHash(): string {
  const hash = createHash('sha256');
  for (const file of ['build.ts', 'expand.ts', 'dawg-builder.ts']) hash.update(readFileSync(join(here, file)));
  hash.update(readFileSync(join(projectRoot, 'lib/spelling/artefact.ts')));
  return hash.digest('hex').slice(0, 12);
}

/** Builds one artefact from scratch (seconds for French). */
export function buildArtefact(language: DictionaryLanguage): Uint8Array {
  const name = SPELLING_DICTIONARIES[language];
  const dir = packageDir(name);
  const aff = readFileSync(join(dir, 'index.aff'), 'utf8');
  const dic = readFileSync(join(dir, 'index.dic'), 'utf8');
  const { graph, tables } = expandDictionary(aff, dic, language);
  return encodeArtefact({
    header: {
      language,
      source: { dictionary: name, version: packageVersion(name, dir), expandedBy: `typo-js ${packageVersion('typo-js')}` },
      wordCount: graph.wordCount,
      edgeCount: graph.edges.length,
      ...tables,
    },
    edges: graph.edges,
    labels: graph.labels,
  });
}

/** The path of an up-to-date artefact for `language`, building it only if the cache has none. */
export function ensureArtefact(language: DictionaryLanguage, cacheDir = defaultCacheDir): string {
  const name = SPELLING_DICTIONARIES[language];
  const key = `${language}-${name}@${packageVersion(name)}-typo-js@${packageVersion('typo-js')}-${builderHash()}`;
  const path = join(cacheDir, `${key}.bin`);
  if (existsSync(path)) return path;
  mkdirSync(cacheDir, { recursive: true });
  const bytes = buildArtefact(language);
  // Concurrent builds (two test files, two browsers) each write a whole file and rename it.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
  for (const file of readdirSync(cacheDir)) {
    if (file.startsWith(`${language}-`) && file.endsWith('.bin') && file !== `${key}.bin`) rmSync(join(cacheDir, file), { force: true });
  }
  return path;
}

/** Ensures every artefact and copies it to `outDir/dictionaries/<language>.bin`. */
export function writeArtefacts(outDir: string, languages: readonly DictionaryLanguage[] = DICTIONARY_LANGUAGES): string[] {
  return languages.map((language) => {
    const destination = join(outDir, artefactOutputPath(language));
    mkdirSync(dirname(destination), { recursive: true });
    copyFileSync(ensureArtefact(language), destination);
    return destination;
  });
}

function main(args: string[]) {
  const requested: string[] = [];
  let outDir: string | undefined;
  let usageError = false;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--out') {
      outDir = args[i + 1];
      usageError ||= outDir === undefined;
      i += 1;
    } else requested.push(args[i]!);
  }
  if (usageError || requested.some((arg) => !(arg in SPELLING_DICTIONARIES))) {
    console.error(`Usage: tsx scripts/dictionaries/build.ts [--out DIR] [${DICTIONARY_LANGUAGES.join(' ')}]`);
    process.exit(2);
  }
  const languages = requested.length > 0 ? (requested as DictionaryLanguage[]) : DICTIONARY_LANGUAGES;
  for (const language of languages) {
    const started = performance.now();
    const path = ensureArtefact(language);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${language}: ${path} (${(readFileSync(path).length / 1e6).toFixed(2)} MB, ${seconds} s)`);
  }
  if (outDir) for (const written of writeArtefacts(outDir, languages)) console.log(`wrote ${written}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
