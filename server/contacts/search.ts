import type { ContactCard } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { findContactCards } from './cards';

const MAX_RESULTS = 20;

/** `%text%` for LIKE, with the user's own % and _ taken literally. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Known contacts matching part of a name, an address, or a number (digits compared without
 * spaces or punctuation, so "06 12 34" finds +33612345678 as "0612" or "612" would).
 */
export async function searchContacts(q: Queryable, text: string): Promise<ContactCard[]> {
  const trimmed = text.trim();
  const digits = trimmed.replace(/[^\d]/g, '');
  // A national number typed with its trunk 0 (06…) matches the E.164 digits after the country code.
  const national = digits.startsWith('0') ? digits.slice(1) : digits;
  return findContactCards(
    q,
    `NOT c.unknown AND (
       c.name ILIKE $1
       OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.emails) e WHERE e ILIKE $1)
       OR ($2 <> '' AND EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id AND p.phone LIKE $2))
     )`,
    [likePattern(trimmed), national.length >= 3 ? `%${national}%` : ''],
    MAX_RESULTS,
  );
}
