import { effect, signal } from '@preact/signals';
import { parseWith, StandardResponseLibrary, type StandardResponse } from '@/lib/protocol';
import { readCachedLibrary, writeCachedLibrary } from '@/lib/responses/cache';
import type { BackgroundLink } from '../background-link';
import { describeFailure } from './run-command';
import type { SessionModel } from './session-model';
import type { SettingsModel } from './settings-model';

export type ResponsesStatus = 'loading' | 'ready' | 'unavailable';

/**
 * The standard responses library: read from IndexedDB at once (so it opens while the server is
 * unreachable), fetched through the background only when the welcome announces a version the
 * cache does not have, then cached again.
 */
export function createResponsesModel(link: BackgroundLink, session: SessionModel, settings: SettingsModel) {
  const library = signal<readonly StandardResponse[]>([]);
  const status = signal<ResponsesStatus>('loading');
  /** Why the library could not be fetched (shown while there is no cached copy). */
  const error = signal<string | null>(null);
  let loadedServer: string | undefined;
  let version: string | undefined;
  let chain = Promise.resolve();

  const show = (next: StandardResponseLibrary) => {
    library.value = next.responses;
    version = next.version;
    status.value = 'ready';
    error.value = null;
  };

  async function refresh(server: string | undefined, wanted: string | undefined) {
    if (!server) return;
    if (server !== loadedServer) {
      loadedServer = server;
      version = undefined;
      library.value = [];
      status.value = 'loading';
      const cached = await readCachedLibrary(server).catch(() => undefined);
      if (cached) show(cached);
    }
    if (wanted === undefined || wanted === version) {
      if (status.value === 'loading' && wanted === undefined) status.value = version ? 'ready' : 'unavailable';
      return;
    }
    const reply = await link.request({ type: 'fetchResponses' });
    if (!reply.ok) {
      error.value = describeFailure(reply);
      if (!version) status.value = 'unavailable';
      return;
    }
    const parsed = parseWith(StandardResponseLibrary, reply.result);
    if (!parsed.ok) {
      error.value = parsed.message;
      if (!version) status.value = 'unavailable';
      return;
    }
    show(parsed.value);
    await writeCachedLibrary(server, parsed.value).catch((cause: unknown) => console.warn('Texto: cannot cache the responses library:', cause));
  }

  // Every sync (each welcome, each panel start) re-checks: a failed fetch is retried then.
  effect(() => {
    const server = session.session.value?.server;
    const wanted = settings.settings.value?.standardResponses?.version;
    chain = chain.then(() => refresh(server, wanted)).catch((cause: unknown) => console.warn('Texto: responses library:', cause));
  });

  return { library, status, error };
}

export type ResponsesModel = ReturnType<typeof createResponsesModel>;
