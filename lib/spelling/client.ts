import type { Misspelling } from './engine';
import { SpellingError, type SpellingLanguage, type SpellingRequest, type SpellingResponse } from './protocol';
import { spawnSpellingWorker, type SpellingWorkerEndpoint } from './spawn-worker';

export interface SpellCheckerOptions {
  language: SpellingLanguage;
  /** Fetches the language's artefact, e.g. `fetchBundledArtefact` (lib/spelling/bundled.ts). */
  loadArtefact: (language: SpellingLanguage) => Promise<ArrayBuffer>;
  /** The agent's own words, as stored (storage.local); invalid ones are dropped. */
  personalWords?: readonly string[];
  /** Quiet time after the last keystroke before the text is checked (default 80 ms). */
  debounceMs?: number;
  /** Where the worker comes from; tests pass a Node worker thread. */
  spawnWorker?: () => SpellingWorkerEndpoint;
}

export type CheckOutcome =
  | { status: 'checked'; text: string; misspellings: Misspelling[] }
  /** A newer `check` call replaced this one before its result was current. */
  | { status: 'superseded' };

export interface SpellChecker {
  readonly language: SpellingLanguage;
  /** Settles when the dictionary is usable; rejects with a SpellingError if it cannot load. */
  readonly ready: Promise<void>;
  /** Checks the message box text; call it on every keystroke, only the latest text is checked. */
  check(text: string): Promise<CheckOutcome>;
  suggest(word: string, limit?: number): Promise<string[]>;
  /** Adds a word to the personal dictionary; resolves to the whole list, to be stored. */
  addWord(word: string): Promise<readonly string[]>;
  removeWord(word: string): Promise<readonly string[]>;
  readonly personalWords: readonly string[];
  /** Stops the worker; pending calls reject with code `disposed`. */
  dispose(): void;
}

type Job = { text: string; generation: number; resolve: (outcome: CheckOutcome) => void; reject: (error: unknown) => void };
type Payload<T extends SpellingRequest['type']> = Omit<Extract<SpellingRequest, { type: T }>, 'id'>;
type AnyPayload = SpellingRequest extends infer R ? (R extends SpellingRequest ? Omit<R, 'id'> : never) : never;
const SUPERSEDED: CheckOutcome = { status: 'superseded' };

/**
 * The message box's spell checker: all dictionary work happens in a Worker, the main thread
 * only posts the text. Keystrokes are debounced, at most one check is in flight, and a result
 * for a text that has since changed is reported as superseded instead of being shown.
 */
export function createSpellChecker(options: SpellCheckerOptions): SpellChecker {
  const { language, debounceMs = 80 } = options;
  const worker = (options.spawnWorker ?? spawnSpellingWorker)();
  const pending = new Map<number, { resolve: (response: SpellingResponse) => void; reject: (error: unknown) => void }>();
  let nextId = 1;
  let failure: SpellingError | undefined;
  let personalWords: readonly string[] = [...(options.personalWords ?? [])];

  const failAll = (error: SpellingError) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  };
  worker.onMessage((response) => {
    const caller = pending.get(response.id);
    if (!caller) return;
    pending.delete(response.id);
    if (response.type === 'failed') caller.reject(new SpellingError(response.code, response.message));
    else caller.resolve(response);
  });
  worker.onError((error) => failAll(new SpellingError('worker-failed', error.message)));

  function send(payload: AnyPayload, transfer: Transferable[] = []) {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<SpellingResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...payload, id }, transfer);
    });
  }
  async function expect<T extends SpellingResponse['type']>(type: T, response: Promise<SpellingResponse>) {
    const answer = await response;
    if (answer.type !== type) throw new SpellingError('worker-failed', `The spelling worker answered ${answer.type} instead of ${type}.`);
    return answer as Extract<SpellingResponse, { type: T }>;
  }

  const ready = (async () => {
    const artefact = await options.loadArtefact(language);
    const payload: Payload<'load'> = { type: 'load', language, artefact, personalWords: [...personalWords] };
    personalWords = (await expect('loaded', send(payload, [artefact]))).personalWords;
  })();
  ready.catch(() => undefined); // callers see the rejection through `ready` or their own call

  let latestGeneration = 0;
  let scheduled: (Job & { timer: ReturnType<typeof setTimeout> }) | undefined;
  let inFlight = false;
  let queued: Job | undefined;

  const run = async (job: Job) => {
    inFlight = true;
    try {
      await ready;
      const { misspellings } = await expect('checked', send({ type: 'check', text: job.text }));
      job.resolve(job.generation === latestGeneration ? { status: 'checked', text: job.text, misspellings } : SUPERSEDED);
    } catch (error) {
      job.reject(error);
    } finally {
      inFlight = false;
      const next = queued;
      queued = undefined;
      if (next) void run(next);
    }
  };
  const dispatch = (job: Job) => {
    scheduled = undefined;
    if (!inFlight) return void run(job);
    queued?.resolve(SUPERSEDED);
    queued = job;
  };
  const changePersonalWords = async (type: 'addWord' | 'removeWord', word: string) => {
    await ready;
    personalWords = (await expect('personalWords', send({ type, word }))).personalWords;
    return personalWords;
  };

  return {
    language,
    ready,
    check(text) {
      const generation = ++latestGeneration;
      if (scheduled) {
        clearTimeout(scheduled.timer);
        scheduled.resolve(SUPERSEDED);
      }
      return new Promise<CheckOutcome>((resolve, reject) => {
        const job = { text, generation, resolve, reject };
        scheduled = { ...job, timer: setTimeout(() => dispatch(job), debounceMs) };
      });
    },
    async suggest(word, limit = 5) {
      await ready;
      return (await expect('suggested', send({ type: 'suggest', word, limit }))).suggestions;
    },
    addWord: (word) => changePersonalWords('addWord', word),
    removeWord: (word) => changePersonalWords('removeWord', word),
    get personalWords() {
      return personalWords;
    },
    dispose() {
      if (scheduled) {
        clearTimeout(scheduled.timer);
        scheduled.resolve(SUPERSEDED);
        scheduled = undefined;
      }
      queued?.resolve(SUPERSEDED);
      queued = undefined;
      failAll(new SpellingError('disposed', 'The spell checker was closed.'));
      worker.terminate();
    },
  };
}
