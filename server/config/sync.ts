import type { Db, Queryable } from '../db/db';
import { json } from '../db/db';
import { moveContact } from '../contacts/move';
import type { TextoConfig } from './schema';
import { sessionInactivitySeconds } from './session-inactivity';

/**
 * Writes the configuration's agents, queues, numbers and contacts into the database. Idempotent:
 * a second start with the same file changes nothing, and runtime state (agent status, event
 * seqs, interactions) is kept. Agents missing from the file are deactivated, not deleted, since
 * transcripts and events refer to them.
 */
export async function syncConfig(db: Db, config: TextoConfig): Promise<void> {
  await db.transaction(async (tx) => {
    await syncQueues(tx, config);
    await syncAgents(tx, config);
    await syncNumbers(tx, config);
    await syncContacts(tx, config);
  });
}

async function syncQueues(tx: Queryable, config: TextoConfig) {
  await tx.query('DELETE FROM queues WHERE NOT (name = ANY($1::text[]))', [config.queues.map((q) => q.name)]);
  for (const queue of config.queues) {
    await tx.query(
      `INSERT INTO queues (name, description) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET description = excluded.description`,
      [queue.name, queue.description ?? null],
    );
  }
}

async function syncAgents(tx: Queryable, config: TextoConfig) {
  const ids = config.agents.map((a) => a.id ?? a.username);
  // Removed agents free their username (it may be reused by a new id) and lose their tokens.
  await tx.query(
    `UPDATE agents SET active = false, status = 'not_ready', username = '#' || id WHERE NOT (id = ANY($1::text[]))`,
    [ids],
  );
  await tx.query('DELETE FROM auth_tokens WHERE NOT (agent_id = ANY($1::text[]))', [ids]);
  for (const agent of config.agents) {
    const id = agent.id ?? agent.username;
    const [previous] = await tx.query<{ password_hash: string }>('SELECT password_hash FROM agents WHERE id = $1', [id]);
    // A changed password signs the agent out everywhere.
    if (previous && previous.password_hash !== agent.passwordHash) {
      await tx.query('DELETE FROM auth_tokens WHERE agent_id = $1', [id]);
    }
    await tx.query(
      `INSERT INTO agents (id, username, name, password_hash, capacity, active) VALUES ($1, $2, $3, $4, $5, true)
       ON CONFLICT (id) DO UPDATE SET username = excluded.username, name = excluded.name,
         password_hash = excluded.password_hash, capacity = excluded.capacity, active = true`,
      [id, agent.username, agent.name, agent.passwordHash, agent.capacity],
    );
    await tx.query('DELETE FROM agent_queues WHERE agent_id = $1', [id]);
    for (const queue of agent.queues) {
      await tx.query('INSERT INTO agent_queues (agent_id, queue) VALUES ($1, $2)', [id, queue]);
    }
  }
}

async function syncNumbers(tx: Queryable, config: TextoConfig) {
  await tx.query('DELETE FROM centre_numbers');
  for (const n of config.numbers) {
    await tx.query(
      `INSERT INTO centre_numbers (number, mode, queue, region, session_inactivity_seconds) VALUES ($1, $2, $3, $4, $5)`,
      [n.number, n.mode, n.queue, n.region, sessionInactivitySeconds(config, n)],
    );
  }
}

/**
 * Contacts from the file. Agents may edit contacts, so a contact's row is rewritten only when its
 * entry in the file changed since the last start (the entry last applied is kept with the row). A
 * number the file gives to a contact that had reached the centre as an unknown contact brings that
 * unknown contact's history along.
 */
async function syncContacts(tx: Queryable, config: TextoConfig) {
  const now = Date.now();
  for (const contact of config.contacts) {
    const entry = json({ name: contact.name, phones: contact.phones, emails: contact.emails, notes: contact.notes });
    const [unchanged] = await tx.query('SELECT 1 FROM contacts WHERE id = $1 AND config_entry = $2::jsonb', [contact.id, entry]);
    if (unchanged) continue;
    await tx.query(
      `INSERT INTO contacts (id, name, emails, notes, unknown, config_entry, updated_at) VALUES ($1, $2, $3::jsonb, $4, false, $5::jsonb, $6)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, emails = excluded.emails, notes = excluded.notes, unknown = false,
         merged_into = NULL, config_entry = excluded.config_entry, updated_at = excluded.updated_at`,
      [contact.id, contact.name, json(contact.emails), contact.notes, entry, now],
    );
    await tx.query('DELETE FROM contact_phones WHERE contact_id = $1 AND NOT (phone = ANY($2::text[]))', [
      contact.id,
      contact.phones,
    ]);
    for (const [rank, phone] of contact.phones.entries()) {
      const [owner] = await tx.query<{ contact_id: string; unknown: boolean }>(
        'SELECT p.contact_id, c.unknown FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.phone = $1',
        [phone],
      );
      if (owner?.unknown) await moveContact(tx, owner.contact_id, contact.id, now);
      await tx.query(
        `INSERT INTO contact_phones (phone, contact_id, rank) VALUES ($1, $2, $3)
         ON CONFLICT (phone) DO UPDATE SET contact_id = excluded.contact_id, rank = excluded.rank`,
        [phone, contact.id, rank],
      );
    }
  }
}
