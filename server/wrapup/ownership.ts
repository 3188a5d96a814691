import { DomainError } from '../domain/errors';
import { isEndedSession, lockInteraction, type InteractionRow } from '../domain/interactions';
import type { Work } from '../domain/work';

/** Still on its agent's desk: assigned, or a session ended by inactivity not yet marked done. */
export function onDesk(row: InteractionRow): boolean {
  return row.state === 'assigned' || (isEndedSession(row) && row.dismissed_at === null);
}

/**
 * The interaction, locked, if this agent may wrap it up: it is theirs and on their desk (a session
 * ended by inactivity still gets its disposition, note and case data before Mark Done).
 */
export async function myAssignedInteraction(work: Work, agentId: string, interactionId: string): Promise<InteractionRow> {
  const interaction = await lockInteraction(work, interactionId);
  if (interaction.agent_id !== agentId) throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  if (!onDesk(interaction)) throw new DomainError('conflict', 'This interaction is already closed.');
  return interaction;
}
