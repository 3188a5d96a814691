import { randomUUID } from 'node:crypto';
import type { CommandOf, Consultation } from '../../lib/protocol';
import { agentRef, agentLoads, isPresent } from '../domain/agents';
import { announceEntry } from '../domain/announce';
import { requireChannel } from '../domain/channels';
import { addConsultMessage, closeConsultation, summaryOf, tellBothSides, type ConsultationRow } from '../domain/consultation';
import { DomainError } from '../domain/errors';
import { loadInteraction } from '../domain/interactions';
import { myOpenInteraction } from '../domain/ownership';
import { recordRecentTarget } from '../domain/recent-targets';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { json } from '../db/db';

/**
 * "IM": the agent handling an interaction opens a side conversation with a colleague about it.
 * The colleague must be online (Ready or not: a consultation is not a customer interaction).
 */
export async function startConsultation(work: Work, agentId: string, command: CommandOf<'startConsultation'>): Promise<{ consultationId: string }> {
  const interaction = await myOpenInteraction(work, agentId, command.interactionId);
  if (command.agentId === agentId) throw new DomainError('bad_request', 'You cannot consult yourself.');
  const [guest] = await agentLoads(work.tx, [command.agentId]);
  if (!guest?.active) throw new DomainError('not_found', `There is no agent ${command.agentId}.`);
  if (!isPresent(work, guest.id)) throw new DomainError('conflict', `${guest.name} is offline. Choose someone else.`);
  const [open] = await work.tx.query<{ name: string }>(
    'SELECT a.name FROM consultations c JOIN agents a ON a.id = c.guest_agent WHERE c.interaction_id = $1 AND c.ended_at IS NULL',
    [interaction.id],
  );
  if (open) throw new DomainError('conflict', `A consultation with ${open.name} is already open on this interaction. End it first.`);
  await requireChannel(work.tx, 'im', 'the consultation was not started');

  const host = await agentRef(work.tx, agentId);
  const consultation: Consultation = {
    id: randomUUID(),
    interactionId: interaction.id,
    host,
    guest: { agentId: guest.id, name: guest.name },
    startedAt: work.now,
    summary: summaryOf(await loadInteraction(work.tx, interaction.id)),
    messages: [],
  };
  await work.tx.query(
    `INSERT INTO consultations (id, interaction_id, host_agent, guest_agent, started_at, summary) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
    [consultation.id, interaction.id, agentId, guest.id, work.now, json(consultation.summary)],
  );
  await recordRecentTarget(work, agentId, 'agent', guest.id);
  await tellBothSides(work, { host_agent: agentId, guest_agent: guest.id }, { type: 'consultationStarted', consultation });
  const entry = await appendSystemEntry(work, interaction.id, 'consultation_started', { name: host.name, target: guest.name });
  await announceEntry(work, interaction.id, agentId, entry);
  return { consultationId: consultation.id };
}

/** The open consultation, locked, if this agent takes part in it; otherwise why not. */
async function myOpenConsultation(work: Work, agentId: string, consultationId: string): Promise<ConsultationRow> {
  const [row] = await work.tx.query<ConsultationRow>('SELECT * FROM consultations WHERE id = $1 FOR UPDATE', [consultationId]);
  if (!row) throw new DomainError('not_found', `There is no consultation ${consultationId}.`);
  if (row.host_agent !== agentId && row.guest_agent !== agentId) throw new DomainError('forbidden', 'You do not take part in this consultation.');
  if (row.ended_at !== null) throw new DomainError('conflict', 'This consultation has ended.');
  return row;
}

export async function consultMessage(work: Work, agentId: string, command: CommandOf<'consultMessage'>): Promise<{ messageId: string }> {
  const row = await myOpenConsultation(work, agentId, command.consultationId);
  await requireChannel(work.tx, 'im', 'your message was not sent');
  const message = { id: randomUUID(), at: work.now, author: await agentRef(work.tx, agentId), text: command.text };
  await addConsultMessage(work, row, message);
  return { messageId: message.id };
}

/** "End consultation", from either side. */
export async function endConsultation(work: Work, agentId: string, command: CommandOf<'endConsultation'>): Promise<void> {
  const row = await myOpenConsultation(work, agentId, command.consultationId);
  await closeConsultation(work, row, await agentRef(work.tx, agentId));
}
