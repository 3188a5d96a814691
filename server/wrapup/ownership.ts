import { DomainError } from '../domain/errors';
import { lockInteraction, type InteractionRow } from '../domain/interactions';
import type { Work } from '../domain/work';

/** The interaction, locked, if this agent handles it now; otherwise why not. */
export async function myAssignedInteraction(work: Work, agentId: string, interactionId: string): Promise<InteractionRow> {
  const interaction = await lockInteraction(work, interactionId);
  if (interaction.agent_id !== agentId) throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  if (interaction.state === 'closed') throw new DomainError('conflict', 'This interaction is already closed.');
  return interaction;
}
