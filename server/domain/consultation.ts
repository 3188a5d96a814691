import type { AgentEvent, AgentRef, ConsultMessage, Consultation, Interaction } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { announceEntry } from './announce';
import { agentRef } from './agents';
import { appendEvent } from './events';
import { appendSystemEntry } from './system-entries';
import type { Work } from './work';

// IM consultations between the agent handling an interaction (host) and a colleague (guest): stored
// with the interaction, shown in both panels, never sent to the customer.

export interface ConsultationRow {
  id: string;
  interaction_id: string;
  host_agent: string;
  guest_agent: string;
  started_at: unknown;
  ended_at: unknown;
  summary: Consultation['summary'];
}

/** How many of the newest transcript entries the guest sees. */
const EXCERPT_ENTRIES = 10;

export function summaryOf(interaction: Interaction): Consultation['summary'] {
  return {
    customer: interaction.customer,
    mode: interaction.mode,
    queue: interaction.queue,
    createdAt: interaction.createdAt,
    excerpt: interaction.transcript.filter((e) => e.kind === 'message').slice(-EXCERPT_ENTRIES),
  };
}

/** The consultations matching `where` (on `c`), with their messages, oldest first. */
export async function loadConsultations(q: Queryable, where: string, params: unknown[]): Promise<Consultation[]> {
  const rows = await q.query<ConsultationRow & { host_name: string; guest_name: string }>(
    `SELECT c.*, h.name AS host_name, g.name AS guest_name FROM consultations c
     JOIN agents h ON h.id = c.host_agent JOIN agents g ON g.id = c.guest_agent
     WHERE ${where} ORDER BY c.started_at, c.id`,
    params,
  );
  if (rows.length === 0) return [];
  const messages = await q.query<{ id: string; consultation_id: string; at: unknown; author_agent: string; author_name: string; text: string }>(
    'SELECT * FROM consultation_messages WHERE consultation_id = ANY($1::text[]) ORDER BY position',
    [rows.map((r) => r.id)],
  );
  return rows.map((row) => ({
    id: row.id,
    interactionId: row.interaction_id,
    host: { agentId: row.host_agent, name: row.host_name },
    guest: { agentId: row.guest_agent, name: row.guest_name },
    startedAt: Number(row.started_at),
    summary: row.summary,
    messages: messages
      .filter((m) => m.consultation_id === row.id)
      .map((m) => ({ id: m.id, at: Number(m.at), author: { agentId: m.author_agent, name: m.author_name }, text: m.text })),
  }));
}

/** The open consultations an agent hosts or is a guest of (for the snapshot). */
export function openConsultationsOf(q: Queryable, agentId: string): Promise<Consultation[]> {
  return loadConsultations(q, '(c.host_agent = $1 OR c.guest_agent = $1) AND c.ended_at IS NULL', [agentId]);
}

/** Both sides get each consultation event. */
export async function tellBothSides(work: Work, row: Pick<ConsultationRow, 'host_agent' | 'guest_agent'>, event: AgentEvent): Promise<void> {
  await appendEvent(work, row.host_agent, event);
  await appendEvent(work, row.guest_agent, event);
}

export async function addConsultMessage(work: Work, row: ConsultationRow, message: ConsultMessage): Promise<void> {
  await work.tx.query(
    `INSERT INTO consultation_messages (id, consultation_id, at, author_agent, author_name, text) VALUES ($1, $2, $3, $4, $5, $6)`,
    [message.id, row.id, message.at, message.author.agentId, message.author.name, message.text],
  );
  await tellBothSides(work, row, { type: 'consultationMessage', consultationId: row.id, message });
}

/**
 * Ends a consultation: by one side (`endedBy`; the host's transcript shows who ended it at once),
 * or with its interaction (the entry stays in the transcript for whoever reads it later).
 */
export async function closeConsultation(work: Work, row: ConsultationRow, endedBy?: AgentRef): Promise<void> {
  await work.tx.query('UPDATE consultations SET ended_at = $2, ended_by = $3 WHERE id = $1', [row.id, work.now, endedBy?.agentId ?? null]);
  await tellBothSides(work, row, {
    type: 'consultationEnded',
    consultationId: row.id,
    reason: endedBy ? 'ended' : 'interaction_closed',
    ...(endedBy ? { endedBy } : {}),
  });
  const other = await agentRef(work.tx, endedBy?.agentId === row.guest_agent ? row.host_agent : row.guest_agent);
  const entry = await appendSystemEntry(work, row.interaction_id, 'consultation_ended', { name: endedBy?.name ?? '', target: other.name });
  if (endedBy) await announceEntry(work, row.interaction_id, row.host_agent, entry);
}

/** The interaction is leaving its owner: its open consultations end with it. */
export async function endConsultationsOf(work: Work, interactionId: string): Promise<void> {
  const open = await work.tx.query<ConsultationRow>(
    'SELECT * FROM consultations WHERE interaction_id = $1 AND ended_at IS NULL ORDER BY started_at FOR UPDATE',
    [interactionId],
  );
  for (const row of open) await closeConsultation(work, row);
}
