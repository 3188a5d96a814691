import type { ScheduledCallback } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { DomainError } from '../domain/errors';
import type { Work } from '../domain/work';

export const CALLBACK_DUE = 'callback.due';

export interface CallbackRow {
  id: string;
  agent_id: string;
  contact_id: string | null;
  phone: string;
  centre_number: string;
  queue: string;
  note: string;
  due_at: unknown;
  time_zone: string;
  source_interaction_id: string | null;
  state: 'scheduled' | 'offered' | 'cancelled';
  contact_name: string | null;
  contact_unknown: boolean | null;
}

const SELECT_CALLBACKS = `
  SELECT cb.*, c.name AS contact_name, c.unknown AS contact_unknown
  FROM callbacks cb LEFT JOIN contacts c ON c.id = cb.contact_id`;

export function toScheduledCallback(row: CallbackRow): ScheduledCallback {
  return {
    id: row.id,
    dueAt: Number(row.due_at),
    timeZone: row.time_zone,
    phone: row.phone,
    ...(row.contact_id ? { contactId: row.contact_id } : {}),
    ...(row.contact_name && !row.contact_unknown ? { contactName: row.contact_name } : {}),
    note: row.note,
    ...(row.source_interaction_id ? { sourceInteractionId: row.source_interaction_id } : {}),
  };
}

/** The agent's callbacks still to come, soonest first (the snapshot's `callbacks`). */
export async function scheduledCallbacksOf(q: Queryable, agentId: string): Promise<ScheduledCallback[]> {
  const rows = await q.query<CallbackRow>(`${SELECT_CALLBACKS} WHERE cb.agent_id = $1 AND cb.state = 'scheduled' ORDER BY cb.due_at, cb.id`, [
    agentId,
  ]);
  return rows.map(toScheduledCallback);
}

export async function loadCallback(q: Queryable, id: string): Promise<CallbackRow | undefined> {
  const [row] = await q.query<CallbackRow>(`${SELECT_CALLBACKS} WHERE cb.id = $1`, [id]);
  return row;
}

/** The agent's own scheduled callback, locked; otherwise why it cannot be changed. */
export async function myScheduledCallback(work: Work, agentId: string, id: string): Promise<CallbackRow> {
  const [locked] = await work.tx.query<{ agent_id: string; state: string }>('SELECT agent_id, state FROM callbacks WHERE id = $1 FOR UPDATE', [id]);
  if (!locked) throw new DomainError('not_found', `There is no callback ${id}.`);
  if (locked.agent_id !== agentId) throw new DomainError('forbidden', 'This callback was scheduled by another agent.');
  if (locked.state !== 'scheduled') {
    throw new DomainError('conflict', locked.state === 'cancelled' ? 'This callback was cancelled.' : 'This callback has already fallen due.');
  }
  return (await loadCallback(work.tx, id))!;
}

const MAX_AHEAD_MS = 366 * 24 * 3600_000;

/** A due time the agent can act on: in the future, within a year. */
export function checkDueAt(dueAt: number, now: number): void {
  if (dueAt <= now) throw new DomainError('bad_request', 'Choose a time in the future for the callback.');
  if (dueAt > now + MAX_AHEAD_MS) throw new DomainError('bad_request', 'A callback can be scheduled at most one year ahead.');
}

/** An IANA time zone such as Europe/Paris (the one the agent's time is shown in). */
export function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DomainError('bad_request', `"${timeZone.slice(0, 64)}" is not a time zone such as Europe/Paris.`);
  }
}
