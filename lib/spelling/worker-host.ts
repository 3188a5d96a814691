import { ArtefactError } from './artefact';
import { SpellingEngine } from './engine';
import { withoutPersonalWord, withPersonalWord } from './personal-words';
import {
  MAX_CHECKED_LENGTH,
  MAX_SUGGESTIONS,
  SPELLING_LANGUAGES,
  SpellingError,
  type SpellingRequest,
  type SpellingResponse,
} from './protocol';

/**
 * The Worker's side of the protocol, free of any Worker API so that the browser Worker and a
 * Node worker thread run the same code: feed it each incoming message, it posts one response
 * per request id, and a bad request gets a `failed` response instead of killing the worker.
 */
export function createSpellingWorkerHost(post: (response: SpellingResponse) => void): (message: unknown) => void {
  let engine: SpellingEngine | undefined;

  const loaded = () => {
    if (!engine) throw new SpellingError('not-loaded', 'The spelling dictionary is not loaded yet.');
    return engine;
  };

  const answer = (request: SpellingRequest): SpellingResponse => {
    const { id } = request;
    switch (request.type) {
      case 'load': {
        const personalWords = request.personalWords.reduce<string[]>((words, word) => {
          try {
            return withPersonalWord(words, word);
          } catch {
            return words; // a stored word that is no longer acceptable is dropped, not fatal
          }
        }, []);
        engine = new SpellingEngine(request.artefact, personalWords);
        if (engine.header.language !== request.language) {
          const found = engine.header.language;
          engine = undefined;
          throw new SpellingError('invalid-artefact', `This spelling artefact is for “${found}”, not “${request.language}”.`);
        }
        return { type: 'loaded', id, language: request.language, wordCount: engine.header.wordCount, personalWords };
      }
      case 'check':
        return { type: 'checked', id, misspellings: loaded().check(request.text) };
      case 'suggest':
        return { type: 'suggested', id, suggestions: loaded().suggest(request.word, request.limit) };
      case 'addWord':
      case 'removeWord': {
        const current = loaded();
        const change = request.type === 'addWord' ? withPersonalWord : withoutPersonalWord;
        current.setPersonalWords(change(current.personalWords, request.word));
        return { type: 'personalWords', id, personalWords: [...current.personalWords] };
      }
    }
  };

  return (message) => {
    const id = isRecord(message) && typeof message.id === 'number' ? message.id : -1;
    try {
      post(answer(parseRequest(message)));
    } catch (error) {
      if (error instanceof SpellingError) post({ type: 'failed', id, code: error.code, message: error.message });
      else if (error instanceof ArtefactError) post({ type: 'failed', id, code: 'invalid-artefact', message: error.message });
      else post({ type: 'failed', id, code: 'worker-failed', message: `Spell checking failed: ${String(error)}` });
    }
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function parseRequest(message: unknown): SpellingRequest {
  const invalid = (why: string) => new SpellingError('invalid-request', `Invalid spelling request: ${why}.`);
  if (!isRecord(message) || typeof message.id !== 'number' || !Number.isSafeInteger(message.id)) throw invalid('no numeric id');
  const request = message as SpellingRequest;
  switch (request.type) {
    case 'load':
      if (!SPELLING_LANGUAGES.includes(request.language)) throw invalid(`unknown language ${String(request.language)}`);
      if (!(request.artefact instanceof ArrayBuffer)) throw invalid('the artefact must be an ArrayBuffer');
      if (!Array.isArray(request.personalWords) || !request.personalWords.every((w) => typeof w === 'string')) {
        throw invalid('personal words must be a list of strings');
      }
      return request;
    case 'check':
      if (typeof request.text !== 'string') throw invalid('the text must be a string');
      if (request.text.length > MAX_CHECKED_LENGTH) throw invalid(`the text is longer than ${MAX_CHECKED_LENGTH} characters`);
      return request;
    case 'suggest':
      if (typeof request.word !== 'string') throw invalid('the word must be a string');
      if (!Number.isInteger(request.limit) || request.limit < 1 || request.limit > MAX_SUGGESTIONS) {
        throw invalid(`the limit must be between 1 and ${MAX_SUGGESTIONS}`);
      }
      return request;
    case 'addWord':
    case 'removeWord':
      if (typeof request.word !== 'string') throw invalid('the word must be a string');
      return request;
    default:
      throw invalid(`unknown type ${JSON.stringify((message as { type?: unknown }).type)}`);
  }
}
