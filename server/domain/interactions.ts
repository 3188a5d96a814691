import { randomUUID } from 'node:crypto';
import type { Author, CaseData, CloseReason, ContactCard, Customer, DeliveryStatus, Interaction, InteractionMode, MessageEntry, MessageMedia, TranscriptEntry, TransferStatus } from '../../lib/protocol';
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
  contact_unknown: boolean | null;
  contact_phones: string[] | null;
  contact_emails: string[] | null;
  contact_notes: string | null;
  note: string;
  disposition: string | null;
  case_data: CaseData | null;
  callback_id: string | null;
  callback_note: string | null;
  callback_due_at: unknown;
  callback_by: string | null;
  inactivity_deadline: unknown;
  closed_at: unknown;
  close_reason: string | null;
  dismissed_at: unknown;
  transfer_status: TransferStatus | null;
  region: string | null;
  opted_out?: boolean | null;
  suspected_opt_out?: string | null;
}

// The interaction's own contact (set at creation, moved by a manual assignment); rows stored
// before contacts were attached fall back to the number's contact.
const SELECT_INTERACTIONS = `
  SELECT i.id, i.mode, i.channel, i.customer_phone, i.centre_number, i.queue, i.state, i.agent_id,
         i.created_at, i.accepted_at, c.id AS contact_id, c.name AS contact_name, c.unknown AS contact_unknown, n.region,
         (SELECT coalesce(json_agg(cp.phone ORDER BY cp.rank, cp.phone), '[]'::json) FROM contact_phones cp WHERE cp.contact_id = c.id) AS contact_phones,
         c.emails AS contact_emails, c.notes AS contact_notes,
         i.note, i.disposition, i.case_data, i.callback_id, cb.note AS callback_note, cb.due_at AS callback_due_at,
         cba.name AS callback_by,
         i.inactivity_deadline, i.closed_at, i.close_reason, i.dismissed_at, i.transfer_status,
         EXISTS (SELECT 1 FROM consent k WHERE k.customer_phone = i.customer_phone AND k.scope IN (i.centre_number, '*') AND k.opted_out) AS opted_out,
         i.suspected_opt_out
  FROM interactions i
  LEFT JOIN contact_phones p ON p.phone = i.customer_phone
  LEFT JOIN contacts c ON c.id = coalesce(i.contact_id, p.contact_id)
  LEFT JOIN callbacks cb ON cb.id = i.callback_id
  LEFT JOIN agents cba ON cba.id = cb.agent_id
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

/** The contact as the desktop shows it (null for rows without one). */
export function contactCardOf(row: InteractionRow): ContactCard | null {
  if (row.contact_id === null) return null;
  return {
    id: row.contact_id,
    name: row.contact_name ?? '',
    unknown: row.contact_unknown ?? false,
    phones: row.contact_phones ?? [],
    emails: row.contact_emails ?? [],
    notes: row.contact_notes ?? '',
  };
}

/** The customer as the desktop names them: the contact's name unless the contact is unknown. */
export function customerOf(row: Pick<InteractionRow, 'customer_phone' | 'contact_id' | 'contact_name' | 'contact_unknown'>): Customer {
  return {
    phone: row.customer_phone,
    ...(row.contact_name && !row.contact_unknown ? { name: row.contact_name } : {}),
    ...(row.contact_id !== null ? { contactId: row.contact_id } : {}),
  };
}

function toInteraction(row: InteractionRow, transcript: TranscriptEntry[]): Interaction {
  const contact = contactCardOf(row);
  return {
    id: row.id,
    mode: row.mode,
    channel: row.channel,
    customer: customerOf(row),
    centreNumber: row.centre_number,
    ...(row.region !== null ? { region: row.region } : {}),
    queue: row.queue,
    createdAt: Number(row.created_at),
    ...(row.accepted_at !== null ? { acceptedAt: Number(row.accepted_at) } : {}),
    transcript,
    ...(contact ? { contact } : {}),
    note: row.note,
    ...(row.disposition !== null ? { disposition: row.disposition } : {}),
    caseData: row.case_data ?? {},
    ...(row.callback_id !== null
      ? { callback: { id: row.callback_id, note: row.callback_note ?? '', dueAt: Number(row.callback_due_at ?? 0), scheduledBy: row.callback_by ?? '' } }
      : {}),
    ...(row.state === 'assigned' && row.inactivity_deadline !== null ? { inactivityDeadline: Number(row.inactivity_deadline) } : {}),
    ...(isEndedSession(row) ? { ended: { at: Number(row.closed_at), reason: 'inactivity' as const } } : {}),
    ...(row.transfer_status !== null ? { transfer: row.transfer_status } : {}),
    ...consentField(row),
  };
}

/** Present only when there is something to show: an opt-out, or a message that looks like one. */
function consentField(row: InteractionRow): Pick<Interaction, 'consent'> {
  if (row.opted_out) return { consent: { optedOut: true } };
  return row.suspected_opt_out ? { consent: { optedOut: false, suspectedEntryId: row.suspected_opt_out } } : {};
}

/** A session closed by inactivity: it stays on its agent's desk (read-only) until marked done. */
export function isEndedSession(row: Pick<InteractionRow, 'state' | 'close_reason'>): boolean {
  return row.state === 'closed' && row.close_reason === 'inactivity';
}

export async function createInteraction(
  work: Work,
  fields: {
    mode: InteractionMode;
    channel: 'sms' | 'mms';
    customerPhone: string;
    centreNumber: string;
    queue: string;
    contactId?: string;
    caseData?: CaseData;
    callbackId?: string;
  },
): Promise<string> {
  const id = randomUUID();
  await work.tx.query(
    `INSERT INTO interactions (id, mode, channel, customer_phone, centre_number, queue, state, created_at, contact_id, case_data, callback_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $8, $9::jsonb, $10)`,
    [
      id,
      fields.mode,
      fields.channel,
      fields.customerPhone,
      fields.centreNumber,
      fields.queue,
      work.now,
      fields.contactId ?? null,
      json(fields.caseData ?? {}),
      fields.callbackId ?? null,
    ],
  );
  return id;
}

export async function appendMessage(
  work: Work,
  interactionId: string,
  message: { direction: 'in' | 'out'; author: Author; text: string; media?: MessageMedia[]; segments?: number; delivery?: DeliveryStatus },
): Promise<MessageEntry> {
  const { media, ...rest } = message;
  const entry: MessageEntry = { kind: 'message', id: randomUUID(), at: work.now, ...rest, ...(media?.length ? { media } : {}) };
  await work.tx.query(
    `INSERT INTO transcript_entries (id, interaction_id, at, kind, direction, author, text, media, segments, delivery)
     VALUES ($1, $2, $3, 'message', $4, $5::jsonb, $6, $7::jsonb, $8, $9::jsonb)`,
    [
      entry.id,
      interactionId,
      entry.at,
      entry.direction,
      json(entry.author),
      entry.text,
      entry.media ? json(entry.media) : null,
      entry.segments ?? null,
      entry.delivery ? json(entry.delivery) : null,
    ],
  );
  for (const file of entry.media ?? []) {
    await work.tx.query(
      'INSERT INTO transcript_media (interaction_id, media_id, entry_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [interactionId, file.id, entry.id],
    );
  }
  return entry;
}

export async function closeInteraction(work: Work, id: string, reason: CloseReason): Promise<void> {
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
  source_interaction_id?: string | null;
  segments?: number | null;
  delivery?: DeliveryStatus | null;
}

export function toTranscriptEntry(row: EntryRow): TranscriptEntry {
  const source = row.source_interaction_id ? { source: row.source_interaction_id } : {};
  if (row.kind === 'system') {
    return {
      kind: 'system',
      id: row.id,
      at: Number(row.at),
      code: row.code as Extract<TranscriptEntry, { kind: 'system' }>['code'],
      params: row.params ?? {},
      ...source,
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
    ...(row.segments ? { segments: row.segments } : {}),
    ...(row.delivery ? { delivery: row.delivery } : {}),
    ...source,
  };
}

export type { EntryRow };
