import { randomUUID } from 'node:crypto';
import type { CommandOf } from '../../lib/protocol';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { appendSystemEntry } from '../domain/system-entries';
import { lockInteraction } from '../domain/interactions';
import type { Work } from '../domain/work';

/**
 * Records a call or email the agent started from the panel, on an interaction they handle or
 * handled: the contact's history shows who did what, and when.
 */
export async function recordActivity(work: Work, agentId: string, command: CommandOf<'recordActivity'>): Promise<{ activityId: string; entryId: string }> {
  const interaction = await lockInteraction(work, command.interactionId);
  if (interaction.agent_id !== agentId) throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  const id = randomUUID();
  await work.tx.query(
    `INSERT INTO activities (id, interaction_id, agent_id, customer_phone, kind, target, via, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, interaction.id, agentId, interaction.customer_phone, command.activity, command.target, command.via, work.now],
  );
  // The transcript says it too (who, what, when), so the agent sees the click was recorded.
  const [agent] = await work.tx.query<{ name: string }>('SELECT name FROM agents WHERE id = $1', [agentId]);
  // `name` is what was called or written to, as in a line merged in from an activity (issue 6);
  // `agent` says who.
  const entry = await appendSystemEntry(work, interaction.id, command.activity === 'call' ? 'activity_call' : 'activity_email', {
    name: command.target,
    agent: agent?.name ?? agentId,
  });
  await appendEvent(work, agentId, { type: 'transcriptAppended', interactionId: interaction.id, entry });
  return { activityId: id, entryId: entry.id };
}
