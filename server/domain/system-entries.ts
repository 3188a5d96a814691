import { randomUUID } from 'node:crypto';
import type { SystemCode, SystemEntry } from '../../lib/protocol';
import { json } from '../db/db';
import type { Work } from './work';

/**
 * Writes a system event into an interaction's transcript (who joined, left, transferred,
 * consulted, why the session ended). The panel words it from `code` and `params`.
 */
export async function appendSystemEntry(
  work: Work,
  interactionId: string,
  code: SystemCode,
  params: Record<string, string> = {},
): Promise<SystemEntry> {
  const entry: SystemEntry = { kind: 'system', id: randomUUID(), at: work.now, code, params };
  await work.tx.query(
    `INSERT INTO transcript_entries (id, interaction_id, at, kind, code, params) VALUES ($1, $2, $3, 'system', $4, $5::jsonb)`,
    [entry.id, interactionId, entry.at, code, json(params)],
  );
  return entry;
}
