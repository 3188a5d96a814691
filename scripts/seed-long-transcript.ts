// Builds a long conversation straight in the database, for the 10,000-message benchmark and the
// windowing e2e test: feeding thousands of texts through the simulator API would take minutes.
import { randomUUID } from 'node:crypto';
import type { Db } from '../server/db/db';

export interface LongInteraction {
  agentId: string;
  agentName: string;
  customerPhone: string;
  centreNumber: string;
  messages: number;
}

/**
 * An interaction assigned to `agentId` whose transcript alternates customer and agent messages
 * (`Message 1 …` to `Message N …`, one in four with a link, a number or an address, one in ten on
 * several lines), written in one statement. Returns its id.
 */
export async function seedLongInteraction(db: Db, seed: LongInteraction): Promise<string> {
  const id = randomUUID();
  const start = Date.now() - seed.messages * 30_000;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO interactions (id, mode, channel, customer_phone, centre_number, queue, state, agent_id, created_at, accepted_at)
       VALUES ($1, 'session', 'sms', $2, $3, 'general', 'assigned', $4, $5, $5)`,
      [id, seed.customerPhone, seed.centreNumber, seed.agentId, start],
    );
    await tx.query(
      `INSERT INTO transcript_entries (id, interaction_id, at, kind, direction, author, text)
       SELECT $1 || '-' || n, $1, $2::bigint + n * 30000, 'message',
              CASE WHEN n % 2 = 1 THEN 'in' ELSE 'out' END,
              CASE WHEN n % 2 = 1 THEN '{"role":"customer"}'::jsonb
                   ELSE jsonb_build_object('role', 'agent', 'agentId', $3::text, 'name', $4::text) END,
              'Message ' || n || ' ' ||
              CASE n % 4
                WHEN 0 THEN 'voir https://www.example.com/suivi?colis=' || n || ' pour le détail'
                WHEN 1 THEN 'rappelez-moi au 06 12 34 ' || lpad((n % 100)::text, 2, '0') || ' 78 svp'
                WHEN 2 THEN 'mon adresse est client' || n || '@example.org'
                ELSE 'merci pour votre aide, bonne journée à vous'
              END ||
              CASE WHEN n % 10 = 0 THEN E'\\nune deuxième ligne\\net une troisième' ELSE '' END
       FROM generate_series(1, $5::int) AS n`,
      [id, start, seed.agentId, seed.agentName, seed.messages],
    );
  });
  return id;
}
