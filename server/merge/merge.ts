import { randomUUID } from 'node:crypto';
import type { CommandOf } from '../../lib/protocol';
import { json, type Queryable } from '../db/db';
import { releaseInteraction } from '../domain/closing';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { closeInteraction, loadInteraction, lockInteraction, type InteractionRow } from '../domain/interactions';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { routeWaiting } from '../routing/route';
import { myOpenInteraction } from '../domain/ownership';

/**
 * Merges into the agent's interaction another of the same contact — an open interaction the agent
 * also handles (which closes as merged), or a call/email activity the agent started — so that one
 * transcript, ordered by time, tells the whole exchange. Every entry keeps its source interaction.
 */
export async function mergeInteractions(work: Work, agentId: string, command: CommandOf<'mergeInteractions'>): Promise<void> {
  const kept = await myOpenInteraction(work, agentId, command.interactionId);
  if (!kept.contact_id) throw new DomainError('conflict', 'This interaction has no contact to merge with.');
  // Entries written before the merge carry this interaction as their source from now on.
  await work.tx.query('UPDATE transcript_entries SET source_interaction_id = $1 WHERE interaction_id = $1 AND source_interaction_id IS NULL', [kept.id]);
  if (command.source.kind === 'interaction') await mergeInteraction(work, agentId, kept, command.source.interactionId);
  else await mergeActivity(work, agentId, kept, command.source.activityId);
  await orderByTime(work.tx, kept.id);
  const { transcript } = await loadInteraction(work.tx, kept.id);
  await appendEvent(work, agentId, { type: 'interactionsMerged', interactionId: kept.id, transcript });
}

async function mergeInteraction(work: Work, agentId: string, kept: InteractionRow, otherId: string): Promise<void> {
  if (otherId === kept.id) throw new DomainError('bad_request', 'An interaction cannot be merged with itself.');
  const other = await lockInteraction(work, otherId);
  if (other.agent_id !== agentId) throw new DomainError('forbidden', 'The other interaction is not assigned to you.');
  if (other.state !== 'assigned') throw new DomainError('conflict', 'The other interaction is already closed.');
  if (other.contact_id !== kept.contact_id) throw new DomainError('conflict', 'Only interactions of the same contact can be merged.');

  await work.tx.query(
    `UPDATE transcript_entries SET interaction_id = $1, source_interaction_id = coalesce(source_interaction_id, $2) WHERE interaction_id = $2`,
    [kept.id, other.id],
  );
  // The other's note, disposition and case data are not lost: they join this interaction's.
  const note = [kept.note, other.note].filter((n) => n.trim() !== '').join('\n');
  const [details] = await work.tx.query<{ case_data: Record<string, string>; disposition: string | null }>(
    `UPDATE interactions k SET note = $2, disposition = coalesce(k.disposition, o.disposition), case_data = o.case_data || k.case_data
     FROM interactions o WHERE k.id = $1 AND o.id = $3 RETURNING k.case_data, k.disposition`,
    [kept.id, note, other.id],
  );
  await work.tx.query('UPDATE interactions SET merged_into = $2 WHERE id = $1', [other.id, kept.id]);
  await releaseInteraction(work, other.id);
  await closeInteraction(work, other.id, 'merged');
  const entry = await appendSystemEntry(work, kept.id, 'interaction_merged', { name: other.customer_phone });
  await work.tx.query('UPDATE transcript_entries SET source_interaction_id = $2 WHERE id = $1', [entry.id, kept.id]);
  await appendEvent(work, agentId, { type: 'interactionClosed', interactionId: other.id, reason: 'merged' });
  await appendEvent(work, agentId, {
    type: 'interactionDetailsChanged',
    interactionId: kept.id,
    note,
    disposition: details?.disposition ?? null,
    caseData: details?.case_data ?? {},
  });
  // The agent has room for one more.
  await routeWaiting(work);
}

async function mergeActivity(work: Work, agentId: string, kept: InteractionRow, activityId: string): Promise<void> {
  const [activity] = await work.tx.query<{
    id: string;
    interaction_id: string;
    agent_id: string;
    kind: 'call' | 'email';
    target: string;
    at: unknown;
    merged_into: string | null;
    contact_id: string | null;
  }>(
    `SELECT a.id, a.interaction_id, a.agent_id, a.kind, a.target, a.at, a.merged_into, i.contact_id
     FROM activities a JOIN interactions i ON i.id = a.interaction_id WHERE a.id = $1 FOR UPDATE OF a`,
    [activityId],
  );
  if (!activity) throw new DomainError('not_found', `There is no activity ${activityId}.`);
  if (activity.agent_id !== agentId) throw new DomainError('forbidden', 'This call or email was started by another agent.');
  if (activity.contact_id !== kept.contact_id) throw new DomainError('conflict', 'Only a call or email with the same contact can be merged.');
  if (activity.merged_into) throw new DomainError('conflict', 'This call or email is already merged into an interaction.');
  // A call started from this very interaction is already in its transcript (recordActivity writes
  // the line as it happens): merging it only records that it belongs here.
  if (activity.interaction_id !== kept.id) {
    await work.tx.query(
      `INSERT INTO transcript_entries (id, interaction_id, at, kind, code, params, source_interaction_id)
       VALUES ($1, $2, $3, 'system', $4, $5::jsonb, $6)`,
      [randomUUID(), kept.id, Number(activity.at), activity.kind === 'call' ? 'activity_call' : 'activity_email', json({ name: activity.target }), activity.interaction_id],
    );
  }
  await work.tx.query('UPDATE activities SET merged_into = $2 WHERE id = $1', [activity.id, kept.id]);
}

/** Renumbers one transcript's entries in time order (merged entries interleave with the others). */
async function orderByTime(tx: Queryable, interactionId: string): Promise<void> {
  await tx.query(
    `WITH ordered AS (
       SELECT id, row_number() OVER (ORDER BY at, position) AS rn FROM transcript_entries WHERE interaction_id = $1
     ), top AS (SELECT max(position) AS p FROM transcript_entries)
     UPDATE transcript_entries t SET position = top.p + ordered.rn FROM ordered, top WHERE t.id = ordered.id`,
    [interactionId],
  );
  await tx.query(`SELECT setval(pg_get_serial_sequence('transcript_entries', 'position'), (SELECT max(position) FROM transcript_entries))`);
}
