import type { CommandOf, ContactCard } from '../../lib/protocol';
import { agentMay } from '../config/agent-settings';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { lockInteraction } from '../domain/interactions';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { announceContact } from './announce';
import { loadContactCard, loadContactRow } from './cards';
import { moveContact } from './move';

/**
 * Attaches an unknown contact's interaction to a known contact (permission contact.assign). The
 * whole unknown contact moves: its numbers (so the next text is recognised), every interaction
 * (and so their notes and activities: the history), its scheduled callbacks and its notes. The
 * transcript says so.
 */
export async function assignContact(work: Work, agentId: string, command: CommandOf<'assignContact'>): Promise<{ contact: ContactCard }> {
  if (!agentMay(work.ctx.config, agentId, 'contact.assign')) {
    throw new DomainError('forbidden', 'You are not allowed to assign contacts (ask for the contact.assign permission).');
  }
  const interaction = await lockInteraction(work, command.interactionId);
  if (interaction.agent_id !== agentId || interaction.state !== 'assigned') {
    throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  }
  if (!interaction.contact_id || !interaction.contact_unknown) {
    throw new DomainError('conflict', `This interaction already belongs to ${interaction.contact_name || 'a known contact'}; only an unknown contact's interaction can be assigned.`);
  }
  const target = await loadContactRow(work.tx, command.contactId);
  if (target.unknown) throw new DomainError('bad_request', 'Choose a known contact (one with a name) to assign the interaction to.');
  const unknownId = interaction.contact_id;

  const moved = await moveContact(work.tx, unknownId, target.id, work.now);

  const contact = await loadContactCard(work.tx, target.id);
  const entry = await appendSystemEntry(work, interaction.id, 'contact_assigned', { name: contact.name });
  await appendEvent(work, agentId, { type: 'transcriptAppended', interactionId: interaction.id, entry });
  // Every open interaction that moved shows its new contact, wherever it is.
  const pending = await work.tx.query<{ interaction_id: string; agent_id: string }>(
    `SELECT interaction_id, agent_id FROM offers WHERE state = 'pending' AND interaction_id = ANY($1::text[])`,
    [moved.map((m) => m.id)],
  );
  for (const row of moved) {
    if (row.state === 'assigned' && row.agent_id) await appendEvent(work, row.agent_id, { type: 'contactAssigned', interactionId: row.id, contact });
  }
  for (const offer of pending) await appendEvent(work, offer.agent_id, { type: 'contactAssigned', interactionId: offer.interaction_id, contact });
  await announceContact(work, contact);
  return { contact };
}
