import { DomainError } from './errors';
import { isEndedSession, lockInteraction, type InteractionRow } from './interactions';
import type { Work } from './work';

/**
 * The interaction, locked, if this agent handles it now; otherwise why not. After a transfer the
 * old owner is refused like anyone else: the server, not the panel, decides.
 */
export async function myOpenInteraction(work: Work, agentId: string, interactionId: string): Promise<InteractionRow> {
  const interaction = await lockInteraction(work, interactionId);
  if (interaction.agent_id !== agentId) {
    throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  }
  if (isEndedSession(interaction)) {
    throw new DomainError('conflict', 'This session has ended for lack of activity. Mark it done; a new SMS from the customer starts a new session.');
  }
  if (interaction.state === 'closed') throw new DomainError('conflict', 'This interaction is already closed.');
  return interaction;
}
