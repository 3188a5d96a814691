import { browser } from 'wxt/browser';
import type { AgentProfile, AgentSettings, AgentState } from '@/lib/protocol';
import type { OutboxEntry } from '@/lib/outbox/outbox';

/** Who is signed in. In `storage.local`: the agent stays signed in across browser restarts. */
export interface StoredAuth {
  server: string;
  token: string;
  agent: AgentProfile;
}

/**
 * What a stopped service worker needs to resume exactly where it was. In `storage.session`
 * (memory only, cleared when the browser closes): Chrome may stop the worker at any moment.
 */
export interface StoredDesk {
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

/** Firefox before 115 has no storage.session; its MV2 background page lives as long as the browser. */
function sessionArea() {
  return browser.storage.session ?? null;
}

let memoryDesk: StoredDesk | null = null;

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

export async function loadDesk(): Promise<StoredDesk | null> {
  const area = sessionArea();
  if (!area) return memoryDesk;
  const stored = await area.get(DESK_KEY);
  return (stored[DESK_KEY] as StoredDesk | undefined) ?? null;
}

export async function saveDesk(desk: StoredDesk): Promise<void> {
  const area = sessionArea();
  if (!area) {
    memoryDesk = desk;
    return;
  }
  await area.set({ [DESK_KEY]: desk });
}

export async function clearDesk(): Promise<void> {
  memoryDesk = null;
  await sessionArea()?.remove(DESK_KEY);
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
