import { randomUUID } from 'node:crypto';
import type { Author, Interaction, InteractionMode, MessageEntry, MessageMedia, TranscriptEntry, TransferStatus } from '../../lib/protocol';
import { json, type Queryable } from '../db/db';
import { DomainError } from './errors';
import type { Work } from './work';

export type InteractionState = 'waiting' | 'offered' | 'assigned' | 'closed';

export interface InteractionRow {
  id: string;
  mode: InteractionMode;
  channel: 'sms' | 'mms';
  customer_phone: string;
  centre_number: string;
  queue: string;
  state: InteractionState;
  agent_id: string | null;
  created_at: unknown;
  accepted_at: unknown;
  contact_id: string | null;
  contact_name: string | null;
  inactivity_deadline: unknown;
  closed_at: unknown;
  close_reason: string | null;
  dismissed_at: unknown;
  transfer_status: TransferStatus | null;
  region: string | null;
}

const SELECT_INTERACTIONS = `
  SELECT i.id, i.mode, i.channel, i.customer_phone, i.centre_number, i.queue, i.state, i.agent_id,
         i.created_at, i.accepted_at, c.id AS contact_id, c.name AS contact_name, n.region,
         i.inactivity_deadline, i.closed_at, i.close_reason, i.dismissed_at, i.transfer_status
  FROM interactions i
  LEFT JOIN contact_phones p ON p.phone = i.customer_phone
  LEFT JOIN contacts c ON c.id = p.contact_id
  LEFT JOIN centre_numbers n ON n.number = i.centre_number`;

/** Reads one interaction's row, locked for the rest of the transaction; `not_found` if absent. */
export async function lockInteraction(work: Work, id: string): Promise<InteractionRow> {
  const [row] = await work.tx.query<InteractionRow>(`${SELECT_INTERACTIONS} WHERE i.id = $1 FOR UPDATE OF i`, [id]);
  if (!row) throw new DomainError('not_found', `There is no interaction ${id}.`);
  return row;
}

/** The interactions (with their whole transcripts) matching `where`, in the order asked. */
export async function loadInteractions(q: Queryable, where: string, params: unknown[]): Promise<Interaction[]> {
  const rows = await q.query<InteractionRow>(`${SELECT_INTERACTIONS} WHERE ${where}`, params);
  if (rows.length === 0) return [];
  const entries = await q.query<EntryRow>(
    'SELECT * FROM transcript_entries WHERE interaction_id = ANY($1::text[]) ORDER BY position',
    [rows.map((r) => r.id)],
  );
  const transcripts = new Map<string, TranscriptEntry[]>();
  for (const entry of entries) {
    const list = transcripts.get(entry.interaction_id) ?? [];
    list.push(toTranscriptEntry(entry));
    transcripts.set(entry.interaction_id, list);
  }
  return rows.map((row) => toInteraction(row, transcripts.get(row.id) ?? []));
}

export async function loadInteraction(q: Queryable, id: string): Promise<Interaction> {
  const [interaction] = await loadInteractions(q, 'i.id = $1', [id]);
  if (!interaction) throw new DomainError('not_found', `There is no interaction ${id}.`);
  return interaction;
}

function toInteraction(row: InteractionRow, transcript: TranscriptEntry[]): Interaction {
  return {
    id: row.id,
    mode: row.mode,
    channel: row.channel,
    customer: {
      phone: row.customer_phone,
      ...(row.contact_name !== null ? { name: row.contact_name } : {}),
      ...(row.contact_id !== null ? { contactId: row.contact_id } : {}),
    },
    centreNumber: row.centre_number,
    ...(row.region !== null ? { region: row.region } : {}),
    queue: row.queue,
    createdAt: Number(row.created_at),
    ...(row.accepted_at !== null ? { acceptedAt: Number(row.accepted_at) } : {}),
    transcript,
    ...(row.state === 'assigned' && row.inactivity_deadline !== null ? { inactivityDeadline: Number(row.inactivity_deadline) } : {}),
    ...(isEndedSession(row) ? { ended: { at: Number(row.closed_at), reason: 'inactivity' as const } } : {}),
    ...(row.transfer_status !== null ? { transfer: row.transfer_status } : {}),
  };
}

/** A session closed by inactivity: it stays on its agent's desk (read-only) until marked done. */
export function isEndedSession(row: Pick<InteractionRow, 'state' | 'close_reason'>): boolean {
  return row.state === 'closed' && row.close_reason === 'inactivity';
}

export async function createInteraction(
  work: Work,
  fields: { mode: InteractionMode; channel: 'sms' | 'mms'; customerPhone: string; centreNumber: string; queue: string },
): Promise<string> {
  const id = randomUUID();
  await work.tx.query(
    `INSERT INTO interactions (id, mode, channel, customer_phone, centre_number, queue, state, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7)`,
    [id, fields.mode, fields.channel, fields.customerPhone, fields.centreNumber, fields.queue, work.now],
  );
  return id;
}

export async function appendMessage(
  work: Work,
  interactionId: string,
  message: { direction: 'in' | 'out'; author: Author; text: string; media?: MessageMedia[] },
): Promise<MessageEntry> {
  const { media, ...rest } = message;
  const entry: MessageEntry = { kind: 'message', id: randomUUID(), at: work.now, ...rest, ...(media?.length ? { media } : {}) };
  await work.tx.query(
    `INSERT INTO transcript_entries (id, interaction_id, at, kind, direction, author, text, media)
     VALUES ($1, $2, $3, 'message', $4, $5::jsonb, $6, $7::jsonb)`,
    [entry.id, interactionId, entry.at, entry.direction, json(entry.author), entry.text, entry.media ? json(entry.media) : null],
  );
  for (const file of entry.media ?? []) {
    await work.tx.query(
      'INSERT INTO transcript_media (interaction_id, media_id, entry_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [interactionId, file.id, entry.id],
    );
  }
  return entry;
}

export async function closeInteraction(work: Work, id: string, reason: 'done' | 'replied' | 'inactivity'): Promise<void> {
  await work.tx.query(`UPDATE interactions SET state = 'closed', closed_at = $2, close_reason = $3 WHERE id = $1`, [
    id,
    work.now,
    reason,
  ]);
}

interface EntryRow {
  id: string;
  interaction_id: string;
  at: unknown;
  kind: 'message' | 'system';
  direction: 'in' | 'out' | null;
  author: Author | null;
  text: string | null;
  code: string | null;
  params: Record<string, string> | null;
  media?: MessageMedia[] | null;
}

function toTranscriptEntry(row: EntryRow): TranscriptEntry {
  if (row.kind === 'system') {
    return {
      kind: 'system',
      id: row.id,
      at: Number(row.at),
      code: row.code as Extract<TranscriptEntry, { kind: 'system' }>['code'],
      params: row.params ?? {},
    };
  }
  return {
    kind: 'message',
    id: row.id,
    at: Number(row.at),
    direction: row.direction ?? 'in',
    author: row.author ?? { role: 'customer' },
    text: row.text ?? '',
    ...(row.media ? { media: row.media } : {}),
  };
}
