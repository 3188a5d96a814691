import type { ContactCard } from '../../lib/protocol';
import { appendEvent } from '../domain/events';
import type { Work } from '../domain/work';

/** Agents who show this contact now: they hold (or are offered) one of its open interactions. */
export async function agentsShowingContact(work: Work, contactId: string): Promise<string[]> {
  const rows = await work.tx.query<{ agent_id: string }>(
    `SELECT DISTINCT agent_id FROM (
       SELECT i.agent_id FROM interactions i WHERE i.contact_id = $1 AND i.state = 'assigned'
       UNION
       SELECT o.agent_id FROM offers o JOIN interactions i ON i.id = o.interaction_id
       WHERE i.contact_id = $1 AND o.state = 'pending'
     ) holders WHERE agent_id IS NOT NULL ORDER BY agent_id`,
    [contactId],
  );
  return rows.map((r) => r.agent_id);
}

/** Tells every agent showing the contact about its new details. */
export async function announceContact(work: Work, contact: ContactCard): Promise<void> {
  for (const agentId of await agentsShowingContact(work, contact.id)) {
    await appendEvent(work, agentId, { type: 'contactChanged', contact });
  }
}
