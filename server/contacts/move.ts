import type { Queryable } from '../db/db';

/**
 * Moves everything of an unknown contact to another one and marks it merged: its numbers (after
 * the target's own), its interactions (and so their notes and activities), its callbacks and its
 * notes. Returns the interactions that moved.
 */
export async function moveContact(
  tx: Queryable,
  fromId: string,
  toId: string,
  now: number,
): Promise<{ id: string; state: string; agent_id: string | null }[]> {
  const moved = await tx.query<{ id: string; state: string; agent_id: string | null }>(
    'UPDATE interactions SET contact_id = $2 WHERE contact_id = $1 RETURNING id, state, agent_id',
    [fromId, toId],
  );
  await tx.query(
    `UPDATE contact_phones SET contact_id = $2, rank = rank + (SELECT coalesce(max(rank) + 1, 0) FROM contact_phones WHERE contact_id = $2)
     WHERE contact_id = $1`,
    [fromId, toId],
  );
  await tx.query('UPDATE callbacks SET contact_id = $2 WHERE contact_id = $1', [fromId, toId]);
  await tx.query(
    `UPDATE contacts t SET notes = CASE WHEN u.notes = '' THEN t.notes WHEN t.notes = '' THEN u.notes ELSE t.notes || E'\\n' || u.notes END,
       updated_at = $3
     FROM contacts u WHERE t.id = $2 AND u.id = $1`,
    [fromId, toId, now],
  );
  await tx.query('UPDATE contacts SET merged_into = $2, updated_at = $3 WHERE id = $1', [fromId, toId, now]);
  return moved;
}
