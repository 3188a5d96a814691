import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createSpellChecker, type SpellChecker } from '../../lib/spelling/client';
import { SpellingError, type SpellingResponse } from '../../lib/spelling/protocol';
import type { SpellingWorkerEndpoint } from '../../lib/spelling/spawn-worker';
import { artefactBuffer } from './spelling-fixtures';

// The real lib/spelling/worker.ts in a Node worker thread, given the `self` a browser Worker
// has; the client talks to it through the same endpoint interface as in the extension.
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.self = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: (type, listener) => parentPort.on(type, (data) => listener({ data })),
};
import('tsx/esm/api').then(({ register }) => { register(); return import(workerData.entry); });
`;

const threads: Worker[] = [];
function spawnThread(): SpellingWorkerEndpoint {
  const thread = new Worker(BOOTSTRAP, { eval: true, workerData: { entry: new URL('../../lib/spelling/worker.ts', import.meta.url).href } });
  threads.push(thread);
  return {
    postMessage: (request, transfer = []) => thread.postMessage(request, transfer as ArrayBuffer[]),
    onMessage: (listener) => thread.on('message', (response: SpellingResponse) => listener(response)),
    onError: (listener) => thread.on('error', listener),
    terminate: () => void thread.terminate(),
  };
}

const checkers: SpellChecker[] = [];
function checker(options: Partial<Parameters<typeof createSpellChecker>[0]> = {}) {
  const created = createSpellChecker({
    language: 'fr',
    loadArtefact: (language) => Promise.resolve(artefactBuffer(language)),
    debounceMs: 5,
    spawnWorker: spawnThread,
    ...options,
  });
  checkers.push(created);
  return created;
}

afterEach(async () => {
  for (const created of checkers.splice(0)) created.dispose();
  await Promise.all(threads.splice(0).map((thread) => thread.terminate()));
});

describe('spelling worker protocol (Node worker thread)', () => {
  it('loads the artefact and underlines the misspelled words of a text', { timeout: 120_000 }, async () => {
    const spelling = checker();
    await spelling.ready;
    await expect(spelling.check("Bonjour, je suis à l'hopital aujourd’hui.")).resolves.toEqual({
      status: 'checked',
      text: "Bonjour, je suis à l'hopital aujourd’hui.",
      misspellings: [{ word: "l'hopital", start: 19, end: 28 }],
    });
  });

  it('checks only the latest text when keystrokes come fast', { timeout: 120_000 }, async () => {
    const spelling = checker();
    await spelling.ready;
    const typed = ['B', 'Bo', 'Bon', 'Bonj', 'Bonju', 'Bonjuo', 'Bonjuor'];
    const outcomes = await Promise.all(typed.map((text) => spelling.check(text)));
    expect(outcomes.slice(0, -1).every((outcome) => outcome.status === 'superseded')).toBe(true);
    expect(outcomes.at(-1)).toEqual({ status: 'checked', text: 'Bonjuor', misspellings: [{ word: 'Bonjuor', start: 0, end: 7 }] });
  });

  it('reports a result that arrives after the text changed as superseded', { timeout: 120_000 }, async () => {
    // The worker's first answer is held back until the text has changed, so the first check is
    // certainly still in flight then.
    const thread = spawnThread();
    const held: SpellingResponse[] = [];
    let holding = true;
    let clientListener: ((response: SpellingResponse) => void) | undefined;
    let checkPosted: () => void = () => undefined;
    const firstCheckPosted = new Promise<void>((resolve) => (checkPosted = resolve));
    const spelling = checker({
      debounceMs: 0,
      spawnWorker: () => ({
        ...thread,
        postMessage: (request, transfer) => {
          if (request.type === 'check') checkPosted();
          thread.postMessage(request, transfer);
        },
        onMessage: (listener) => {
          clientListener = listener;
          thread.onMessage((response) => (holding && response.type === 'checked' ? held.push(response) : listener(response)));
        },
      }),
    });
    await spelling.ready;
    const first = spelling.check('Bonjuor');
    await firstCheckPosted;
    const second = spelling.check('Bonjour');
    await expect.poll(() => held.length, { timeout: 60_000 }).toBe(1);
    holding = false;
    for (const response of held.splice(0)) clientListener?.(response);
    await expect(first).resolves.toEqual({ status: 'superseded' });
    await expect(second).resolves.toEqual({ status: 'checked', text: 'Bonjour', misspellings: [] });
  });

  it('suggests corrections, best first', { timeout: 120_000 }, async () => {
    const spelling = checker();
    expect((await spelling.suggest('bonjuor'))[0]).toBe('bonjour');
    expect((await spelling.suggest('hopital', 3))[0]).toBe('hôpital');
  });

  it('adds and removes personal words and gives back the list to store', { timeout: 120_000 }, async () => {
    const spelling = checker({ personalWords: ['Zorglub', '   ', '42'] });
    await spelling.ready;
    expect(spelling.personalWords).toEqual(['Zorglub']);
    await expect(spelling.addWord(' Texto-Pro ')).resolves.toEqual(['Texto-Pro', 'Zorglub']);
    await expect(spelling.check('Zorglub et Texto-Pro')).resolves.toMatchObject({ misspellings: [] });
    await expect(spelling.removeWord('Zorglub')).resolves.toEqual(['Texto-Pro']);
    await expect(spelling.check('Zorglub')).resolves.toMatchObject({ misspellings: [{ word: 'Zorglub' }] });
  });

  it('refuses a personal word that is not one word, with a reason', { timeout: 120_000 }, async () => {
    const spelling = checker();
    const twoWords = spelling.addWord('deux mots');
    await expect(twoWords).rejects.toMatchObject({ code: 'invalid-word' });
    await expect(twoWords).rejects.toThrow(/several words/);
    await expect(spelling.addWord('')).rejects.toBeInstanceOf(SpellingError);
    await expect(spelling.addWord('x'.repeat(65))).rejects.toMatchObject({ code: 'invalid-word' });
    expect(spelling.personalWords).toEqual([]);
  });

  it('fails to load a file that is not an artefact, and stays up to say so', { timeout: 120_000 }, async () => {
    const spelling = checker({ loadArtefact: () => Promise.resolve(new TextEncoder().encode('<html>not found</html>').buffer) });
    await expect(spelling.ready).rejects.toMatchObject({ code: 'invalid-artefact' });
    await expect(spelling.ready).rejects.toThrow(/not a Texto spelling artefact/);
    await expect(spelling.suggest('bonjuor')).rejects.toMatchObject({ code: 'invalid-artefact' });
  });

  it('refuses an artefact of the wrong language', { timeout: 120_000 }, async () => {
    const spelling = checker({ language: 'en', loadArtefact: () => Promise.resolve(artefactBuffer('fr')) });
    await expect(spelling.ready).rejects.toMatchObject({ code: 'invalid-artefact' });
    await expect(spelling.ready).rejects.toThrow(/for “fr”, not “en”/);
  });

  it('answers malformed requests with an error and keeps working', { timeout: 120_000 }, async () => {
    const endpoint = spawnThread();
    const responses: SpellingResponse[] = [];
    endpoint.onMessage((response) => responses.push(response));
    const artefact = artefactBuffer('en');
    const requests: unknown[] = [
      { type: 'check', id: 1, text: 'too early' },
      { type: 'launch', id: 2 },
      { type: 'load', id: 3, language: 'en', artefact, personalWords: [] },
      { type: 'check', id: 4, text: 42 },
      { type: 'suggest', id: 5, word: 'teh', limit: 1000 },
      { type: 'check', id: 6, text: 'x'.repeat(20_001) },
      { type: 'check', id: 7, text: 'teh end' },
    ];
    for (const request of requests) endpoint.postMessage(request as never, request === requests[2] ? [artefact] : []);
    await expect.poll(() => responses.length, { timeout: 60_000 }).toBe(requests.length);
    expect(responses.map((response) => [response.id, response.type, 'code' in response ? response.code : ''])).toEqual([
      [1, 'failed', 'not-loaded'],
      [2, 'failed', 'invalid-request'],
      [3, 'loaded', ''],
      [4, 'failed', 'invalid-request'],
      [5, 'failed', 'invalid-request'],
      [6, 'failed', 'invalid-request'],
      [7, 'checked', ''],
    ]);
  });

  it('rejects pending and later calls once disposed', { timeout: 120_000 }, async () => {
    const spelling = checker();
    const pending = spelling.suggest('bonjuor');
    spelling.dispose();
    await expect(pending).rejects.toMatchObject({ code: 'disposed' });
    await expect(spelling.check('Bonjour')).rejects.toMatchObject({ code: 'disposed' });
  });
});
