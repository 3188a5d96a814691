import type { SpellingResponse } from './protocol';
import { createSpellingWorkerHost } from './worker-host';

// The spelling Worker's entry point (spawn-worker.ts starts it). Only the global scope's
// message API is used, so a Node worker thread that provides `self` runs this same file.

interface SpellingWorkerScope {
  postMessage(response: SpellingResponse): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = self as unknown as SpellingWorkerScope;
const handle = createSpellingWorkerHost((response) => scope.postMessage(response));
scope.addEventListener('message', (event) => handle(event.data));
