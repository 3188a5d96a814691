import { randomUUID } from 'node:crypto';
import type { SystemCode, SystemEntry } from '../../lib/protocol';
import { json } from '../db/db';
import type { Work } from './work';

/** Writes a system line into a transcript (the panel words it from `system_<code>`). */
export async function appendSystemEntry(
  work: Work,
  interactionId: string,
  code: SystemCode,
  params: Record<string, string>,
): Promise<SystemEntry> {
  const entry: SystemEntry = { kind: 'system', id: randomUUID(), at: work.now, code, params };
  await work.tx.query(
    `INSERT INTO transcript_entries (id, interaction_id, at, kind, code, params) VALUES ($1, $2, $3, 'system', $4, $5::jsonb)`,
    [entry.id, interactionId, entry.at, entry.code, json(entry.params)],
  );
  return entry;
}
