import { browser } from 'wxt/browser';
import type { AgentProfile, AgentSettings, AgentState } from '@/lib/protocol';
import type { OutboxEntry } from '@/lib/outbox/outbox';
import { DESK_VERSION, restoreDesk, type RestoredDesk } from '@/lib/session/stored-desk';

/** Who is signed in. In `storage.local`: the agent stays signed in across browser restarts. */
export interface StoredAuth {
  server: string;
  token: string;
  agent: AgentProfile;
}

/**
 * What a stopped service worker — or a closed browser — needs to resume exactly where it was. In
 * `storage.local` (on disk, kept across browser restarts until Sign out): a reply queued while the
 * server was down still goes once the browser is reopened. Read back through `restoreDesk`
 * (validated and versioned, `lib/session/stored-desk.ts`).
 */
export interface StoredDesk {
  version: typeof DESK_VERSION;
  agentId: string;
  lastSeq: number;
  state: AgentState | null;
  /** From the last welcome: permissions and the configuration's settings for this agent. */
  settings: AgentSettings | null;
  outbox: OutboxEntry[];
  /** Offers already announced by a system notification. */
  notifiedOffers: string[];
  /** Unread messages per interaction or consultation id (absent in desks stored before it existed). */
  unread?: Record<string, number>;
}

const AUTH_KEY = 'texto.auth';
const DESK_KEY = 'texto.desk';


export async function loadAuth(): Promise<StoredAuth | null> {
  const stored = await browser.storage.local.get(AUTH_KEY);
  return (stored[AUTH_KEY] as StoredAuth | undefined) ?? null;
}

export async function saveAuth(auth: StoredAuth): Promise<void> {
  await browser.storage.local.set({ [AUTH_KEY]: auth });
}

export async function clearAuth(): Promise<void> {
  await browser.storage.local.remove(AUTH_KEY);
}

export async function loadDesk(): Promise<RestoredDesk | null> {
  const stored = await browser.storage.local.get(DESK_KEY);
  if (stored[DESK_KEY] !== undefined) return restoreDesk(stored[DESK_KEY]);
  // An extension updated from a version that kept the desk in storage.session: read it once, as any unchecked copy.
  const session = browser.storage.session;
  if (!session) return null;
  const old = await session.get(DESK_KEY);
  await session.remove(DESK_KEY);
  return restoreDesk(old[DESK_KEY]);
}

export async function saveDesk(desk: StoredDesk): Promise<void> {
  await browser.storage.local.set({ [DESK_KEY]: desk });
}

export async function clearDesk(): Promise<void> {
  await browser.storage.local.remove(DESK_KEY);
}

/**
 * Coalesces writes: while one write is in flight, later calls only mark the desk dirty and one
 * more write follows with the newest copy. `whenSaved` resolves once the copy it was given (or a
 * newer one) is stored, so acks are sent only for what survives a stop.
 */
export function createDeskWriter(read: () => StoredDesk | null) {
  let inFlight: Promise<void> | null = null;
  let dirty = false;
  const writeLoop = async (): Promise<void> => {
    do {
      dirty = false;
      const desk = read();
      await (desk ? saveDesk(desk) : clearDesk());
    } while (dirty);
  };
  return {
    whenSaved(): Promise<void> {
      if (inFlight) {
        dirty = true;
        return inFlight;
      }
      inFlight = writeLoop().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
  };
}
