import type { QueryResultOf } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { DomainError } from '../domain/errors';
import { toTranscriptEntry, type EntryRow } from '../domain/interactions';
import { currentContactId, requireHistoryAccess } from './access';

/** One past interaction's transcript, opened on demand from the contact's history. */
export async function historyTranscript(q: Queryable, agentId: string, interactionId: string): Promise<QueryResultOf<'historyTranscript'>> {
  const [interaction] = await q.query<{ contact_id: string | null; agent_id: string | null }>(
    'SELECT contact_id, agent_id FROM interactions WHERE id = $1',
    [interactionId],
  );
  if (!interaction) throw new DomainError('not_found', `There is no interaction ${interactionId}.`);
  if (interaction.agent_id !== agentId) {
    if (!interaction.contact_id) throw new DomainError('forbidden', 'This interaction is not yours to read.');
    await requireHistoryAccess(q, agentId, await currentContactId(q, interaction.contact_id));
  }
  const rows = await q.query<EntryRow>('SELECT * FROM transcript_entries WHERE interaction_id = $1 ORDER BY position', [interactionId]);
  return { query: 'historyTranscript', interactionId, transcript: rows.map(toTranscriptEntry) };
}
