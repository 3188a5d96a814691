import { randomUUID } from 'node:crypto';
import type { CommandOf } from '../../lib/protocol';
import { DomainError } from '../domain/errors';
import { lockInteraction } from '../domain/interactions';
import type { Work } from '../domain/work';

/**
 * Records a call or email the agent started from the panel, on an interaction they handle or
 * handled: the contact's history shows who did what, and when.
 */
export async function recordActivity(work: Work, agentId: string, command: CommandOf<'recordActivity'>): Promise<{ activityId: string }> {
  const interaction = await lockInteraction(work, command.interactionId);
  if (interaction.agent_id !== agentId) throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  const id = randomUUID();
  await work.tx.query(
    `INSERT INTO activities (id, interaction_id, agent_id, customer_phone, kind, target, via, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, interaction.id, agentId, interaction.customer_phone, command.activity, command.target, command.via, work.now],
  );
  return { activityId: id };
}
