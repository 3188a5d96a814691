import { HISTORY_PAGE_MAX, type ContactHistory, type HistoryActivity, type HistoryInteraction, type InteractionMode, type QueryResultOf } from '../../lib/protocol';
import type { TextoConfig } from '../config';
import { consentChangesOf } from '../consent/history';
import { loadContactCard } from '../contacts/cards';
import { likePattern } from '../contacts/search';
import type { Queryable } from '../db/db';
import { currentContactId, requireHistoryAccess } from './access';

const DEFAULT_LIMIT = 200;
const MAX_ACTIVITIES = 200;
const RECENT_MS = 30 * 24 * 3600_000;
const PREVIEW_CHARS = 140;

interface HistoryRow {
  id: string;
  created_at: unknown;
  closed_at: unknown;
  state: string;
  close_reason: string | null;
  customer_phone: string;
  centre_number: string;
  mode: InteractionMode;
  channel: string;
  agent_name: string | null;
  disposition: string | null;
  note: string;
  merged_into: string | null;
  preview: string | null;
  entry_count: unknown;
}

/** Disposition codes whose label (any language) contains the search text. */
function codesLabelled(config: TextoConfig, text: string): string[] {
  const needle = text.toLocaleLowerCase();
  return config.dispositions.codes
    .filter((c) => [c.label.en, c.label.fr].some((label) => label.toLocaleLowerCase().includes(needle)))
    .map((c) => c.code);
}

/**
 * A contact's interactions (newest first, open ones too) and activities, optionally only those
 * whose transcript, note, disposition or activity target contains `text`; with how many
 * interactions are in progress and how many started in the last 30 days.
 */
export async function contactHistory(
  q: Queryable,
  config: TextoConfig,
  agentId: string,
  query: { contactId: string; text?: string | undefined; limit?: number | undefined },
  now = Date.now(),
): Promise<QueryResultOf<'contactHistory'>> {
  const contactId = await currentContactId(q, query.contactId);
  await requireHistoryAccess(q, agentId, contactId);
  const text = query.text?.trim() ?? '';
  const params: unknown[] = [contactId];
  let match = '';
  if (text) {
    params.push(likePattern(text), codesLabelled(config, text));
    match = `AND (i.note ILIKE $2 OR i.disposition ILIKE $2 OR i.disposition = ANY($3::text[])
      OR EXISTS (SELECT 1 FROM transcript_entries t WHERE t.interaction_id = i.id AND t.text ILIKE $2)
      OR EXISTS (SELECT 1 FROM activities ac WHERE ac.interaction_id = i.id AND ac.target ILIKE $2))`;
  }
  const limit = Math.min(query.limit ?? DEFAULT_LIMIT, HISTORY_PAGE_MAX);
  const rows = await q.query<HistoryRow>(
    `SELECT i.id, i.created_at, i.closed_at, i.state, i.close_reason, i.customer_phone, i.centre_number, i.mode, i.channel,
            a.name AS agent_name, i.disposition, i.note, i.merged_into,
            (SELECT left(t.text, ${PREVIEW_CHARS}) FROM transcript_entries t
             WHERE t.interaction_id = i.id AND t.kind = 'message' AND t.direction = 'in' ORDER BY t.position LIMIT 1) AS preview,
            (SELECT count(*) FROM transcript_entries t WHERE t.interaction_id = i.id) AS entry_count
     FROM interactions i LEFT JOIN agents a ON a.id = i.agent_id
     WHERE i.contact_id = $1 ${match}
     ORDER BY i.created_at DESC, i.id LIMIT ${limit}`,
    params,
  );
  const [totals] = await q.query<{ total: unknown; in_progress: unknown; recent: unknown }>(
    `SELECT (SELECT count(*) FROM interactions i WHERE i.contact_id = $1 ${match}) AS total,
            (SELECT count(*) FROM interactions WHERE contact_id = $1 AND state <> 'closed') AS in_progress,
            (SELECT count(*) FROM interactions WHERE contact_id = $1 AND created_at >= ${Math.floor(now - RECENT_MS)}) AS recent`,
    params,
  );
  const activities = await q.query<{
    id: string;
    interaction_id: string;
    at: unknown;
    kind: 'call' | 'email';
    target: string;
    via: 'transcript' | 'contact_menu';
    agent_name: string;
    merged_into: string | null;
  }>(
    `SELECT ac.id, ac.interaction_id, ac.at, ac.kind, ac.target, ac.via, ag.name AS agent_name, ac.merged_into
     FROM activities ac JOIN interactions i ON i.id = ac.interaction_id JOIN agents ag ON ag.id = ac.agent_id
     WHERE i.contact_id = $1 ${text ? 'AND (ac.target ILIKE $2 OR i.id = ANY($3::text[]))' : ''}
     ORDER BY ac.at DESC, ac.id LIMIT ${MAX_ACTIVITIES}`,
    text ? [contactId, likePattern(text), rows.map((r) => r.id)] : [contactId],
  );
  const contact = await loadContactCard(q, contactId);
  const history: ContactHistory = {
    contact,
    inProgress: Number(totals?.in_progress ?? 0),
    last30Days: Number(totals?.recent ?? 0),
    interactions: rows.map(toHistoryInteraction),
    activities: activities.map(
      (a): HistoryActivity => ({
        id: a.id,
        interactionId: a.interaction_id,
        at: Number(a.at),
        kind: a.kind,
        target: a.target,
        via: a.via,
        agentName: a.agent_name,
        ...(a.merged_into ? { mergedInto: a.merged_into } : {}),
      }),
    ),
    consentChanges: await consentChangesOf(q, contact.phones),
    total: Number(totals?.total ?? 0),
    ...(text ? { text } : {}),
    asOf: now,
  };
  return { query: 'contactHistory', history };
}

function toHistoryInteraction(row: HistoryRow): HistoryInteraction {
  return {
    id: row.id,
    createdAt: Number(row.created_at),
    ...(row.closed_at !== null ? { closedAt: Number(row.closed_at) } : {}),
    open: row.state !== 'closed',
    ...(row.close_reason ? { closeReason: row.close_reason } : {}),
    phone: row.customer_phone,
    centreNumber: row.centre_number,
    mode: row.mode,
    channel: row.channel,
    ...(row.agent_name ? { agentName: row.agent_name } : {}),
    ...(row.disposition ? { disposition: row.disposition } : {}),
    note: row.note,
    preview: row.preview ?? '',
    entryCount: Number(row.entry_count),
    ...(row.merged_into ? { mergedInto: row.merged_into } : {}),
  };
}
