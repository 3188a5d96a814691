import { randomUUID } from 'node:crypto';
import type { ContactCard } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { DomainError } from '../domain/errors';
import type { Work } from '../domain/work';

interface ContactRow {
  id: string;
  name: string;
  unknown: boolean;
  emails: string[];
  notes: string;
  merged_into: string | null;
  phones: string[];
}

const SELECT_CONTACTS = `
  SELECT c.id, c.name, c.unknown, c.emails, c.notes, c.merged_into,
         (SELECT coalesce(json_agg(p.phone ORDER BY p.rank, p.phone), '[]'::json) FROM contact_phones p WHERE p.contact_id = c.id) AS phones
  FROM contacts c`;

export const toContactCard = (row: ContactRow): ContactCard => ({
  id: row.id,
  name: row.name,
  unknown: row.unknown,
  phones: row.phones,
  emails: row.emails,
  notes: row.notes,
});

/** The contact (following a manual assignment to the contact it was merged into). */
export async function loadContactRow(q: Queryable, id: string): Promise<ContactRow> {
  const [row] = await q.query<ContactRow>(`${SELECT_CONTACTS} WHERE c.id = $1`, [id]);
  if (!row) throw new DomainError('not_found', `There is no contact ${id}.`);
  if (row.merged_into) return loadContactRow(q, row.merged_into);
  return row;
}

export async function loadContactCard(q: Queryable, id: string): Promise<ContactCard> {
  return toContactCard(await loadContactRow(q, id));
}

/** Known contacts whose rows match a WHERE clause, by name. */
export async function findContactCards(q: Queryable, where: string, params: unknown[], limit: number): Promise<ContactCard[]> {
  const rows = await q.query<ContactRow>(
    `${SELECT_CONTACTS} WHERE c.merged_into IS NULL AND ${where} ORDER BY lower(c.name), c.id LIMIT ${Math.floor(limit)}`,
    params,
  );
  return rows.map(toContactCard);
}

/**
 * The contact of a customer number; a number nobody knows gets an "unknown" contact at once, so
 * that its history and notes have something to hang on until an agent names or assigns it.
 */
export async function contactForPhone(work: Work, phone: string): Promise<string> {
  const [known] = await work.tx.query<{ contact_id: string }>('SELECT contact_id FROM contact_phones WHERE phone = $1', [phone]);
  if (known) return known.contact_id;
  const id = `unknown-${randomUUID()}`;
  await work.tx.query(`INSERT INTO contacts (id, name, unknown, updated_at) VALUES ($1, '', true, $2)`, [id, work.now]);
  // Two texts from a new number racing: the second one finds the first one's row.
  const [inserted] = await work.tx.query<{ contact_id: string }>(
    `INSERT INTO contact_phones (phone, contact_id) VALUES ($1, $2)
     ON CONFLICT (phone) DO UPDATE SET phone = excluded.phone RETURNING contact_id`,
    [phone, id],
  );
  if (inserted && inserted.contact_id !== id) await work.tx.query('DELETE FROM contacts WHERE id = $1', [id]);
  return inserted?.contact_id ?? id;
}
