import type { CommandOf, ContactCard } from '../../lib/protocol';
import { agentMay } from '../config/agent-settings';
import { json } from '../db/db';
import { DomainError } from '../domain/errors';
import type { Work } from '../domain/work';
import { announceContact } from './announce';
import { loadContactCard, loadContactRow } from './cards';

const unique = (values: string[]) => [...new Set(values)];

/**
 * Replaces a contact's name, numbers, addresses and notes (permission contact.edit). An unknown
 * contact given a name becomes known. A number already belonging to someone else is refused:
 * moving a number between contacts is a manual assignment.
 */
export async function updateContact(work: Work, agentId: string, command: CommandOf<'updateContact'>): Promise<{ contact: ContactCard }> {
  if (!agentMay(work.ctx.config, agentId, 'contact.edit')) {
    throw new DomainError('forbidden', 'You are not allowed to edit contacts (ask for the contact.edit permission).');
  }
  const current = await loadContactRow(work.tx, command.contactId);
  const name = command.contactName.trim();
  if (!current.unknown && name === '') throw new DomainError('bad_request', 'A known contact needs a name.');
  const phones = unique(command.phones);
  const emails = unique(command.emails.map((e) => e.trim()));

  const taken = await work.tx.query<{ phone: string; name: string; unknown: boolean }>(
    `SELECT p.phone, c.name, c.unknown FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
     WHERE p.phone = ANY($1::text[]) AND p.contact_id <> $2 ORDER BY p.phone`,
    [phones, current.id],
  );
  const clash = taken[0];
  if (clash) {
    const owner = clash.unknown ? 'another (unknown) contact' : clash.name;
    throw new DomainError('conflict', `${clash.phone} already belongs to ${owner}. Assign that contact's interaction instead of adding the number.`);
  }

  await work.tx.query(
    `UPDATE contacts SET name = $2, unknown = $3, emails = $4::jsonb, notes = $5, updated_at = $6 WHERE id = $1`,
    [current.id, name, current.unknown && name === '', json(emails), command.notes, work.now],
  );
  await work.tx.query('DELETE FROM contact_phones WHERE contact_id = $1 AND NOT (phone = ANY($2::text[]))', [current.id, phones]);
  for (const [rank, phone] of phones.entries()) {
    await work.tx.query(
      `INSERT INTO contact_phones (phone, contact_id, rank) VALUES ($1, $2, $3)
       ON CONFLICT (phone) DO UPDATE SET rank = excluded.rank`,
      [phone, current.id, rank],
    );
  }
  const contact = await loadContactCard(work.tx, current.id);
  await announceContact(work, contact);
  return { contact };
}
