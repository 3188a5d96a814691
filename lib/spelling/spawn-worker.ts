import type { SpellingRequest, SpellingResponse } from './protocol';

/** What the client needs from a worker: the browser's Worker or, in tests, a Node worker thread. */
export interface SpellingWorkerEndpoint {
  postMessage(request: SpellingRequest, transfer?: Transferable[]): void;
  onMessage(listener: (response: SpellingResponse) => void): void;
  onError(listener: (error: Error) => void): void;
  terminate(): void;
}

/** Starts the spelling Worker from an extension page (Vite bundles worker.ts as its own chunk). */
export function spawnSpellingWorker(): SpellingWorkerEndpoint {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'texto-spelling' });
  return {
    postMessage: (request, transfer = []) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<SpellingResponse>) => listener(event.data)),
    onError: (listener) =>
      worker.addEventListener('error', (event) => listener(new Error(event.message || 'The spelling worker could not start.'))),
    terminate: () => worker.terminate(),
  };
}
