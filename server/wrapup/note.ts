import type { CommandOf } from '../../lib/protocol';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { lockInteraction } from '../domain/interactions';
import type { Work } from '../domain/work';
import { onDesk } from './ownership';

/**
 * Replaces the interaction's note (the panel saves as the agent types). The agent who handled it
 * may still save after it closed: the last keystrokes before Mark Done or a page-mode reply
 * arrive after the close, and they belong in the history.
 */
export async function setNote(work: Work, agentId: string, command: CommandOf<'setNote'>): Promise<{ note: string }> {
  const interaction = await lockInteraction(work, command.interactionId);
  if (interaction.agent_id !== agentId) throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  if (interaction.note === command.note) return { note: command.note };
  await work.tx.query('UPDATE interactions SET note = $2 WHERE id = $1', [interaction.id, command.note]);
  if (onDesk(interaction)) {
    await appendEvent(work, agentId, { type: 'interactionDetailsChanged', interactionId: interaction.id, note: command.note });
  }
  return { note: command.note };
}
