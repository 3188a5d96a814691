import type { Queryable } from '../db/db';
import { DomainError } from '../domain/errors';

/**
 * An agent reads a contact's history while it matters to them: they handle or are offered one of
 * the contact's open interactions, handled one of them, or have a callback scheduled with them.
 */
export async function requireHistoryAccess(q: Queryable, agentId: string, contactId: string): Promise<void> {
  const [row] = await q.query(
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM interactions WHERE contact_id = $1 AND agent_id = $2)
        OR EXISTS (SELECT 1 FROM offers o JOIN interactions i ON i.id = o.interaction_id
                   WHERE i.contact_id = $1 AND o.agent_id = $2 AND o.state = 'pending')
        OR EXISTS (SELECT 1 FROM callbacks WHERE contact_id = $1 AND agent_id = $2)`,
    [contactId, agentId],
  );
  if (!row) {
    throw new DomainError('forbidden', "You can read a contact's history while you handle, or after you handled, one of their interactions.");
  }
}

/** Follows manual assignments: a merged unknown contact's history is its new contact's. */
export async function currentContactId(q: Queryable, contactId: string): Promise<string> {
  let id = contactId;
  for (let hops = 0; hops < 10; hops++) {
    const [row] = await q.query<{ merged_into: string | null }>('SELECT merged_into FROM contacts WHERE id = $1', [id]);
    if (!row) throw new DomainError('not_found', `There is no contact ${contactId}.`);
    if (!row.merged_into) return id;
    id = row.merged_into;
  }
  return id;
}
