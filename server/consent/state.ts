import { randomUUID } from 'node:crypto';
import type { ConsentState, SystemEntry } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { announceEntry } from '../domain/announce';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import { appendSystemEntry } from '../domain/system-entries';
import type { Work } from '../domain/work';
import { pendingOfferOf, refreshOffer } from '../routing/offers';
import { consentScope } from './settings';

/**
 * True when texts from `centreNumber` to `phone` are refused: an opt-out stored for that number
 * or for the whole centre. Independent of the current `consent.scope`, so changing it never
 * lets a text through to someone who opted out under the other setting.
 */
export async function isOptedOut(q: Queryable, phone: string, centreNumber: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM consent WHERE customer_phone = $1 AND scope IN ($2, $3) AND opted_out', [phone, centreNumber, '*']);
  return rows.length > 0;
}

/** Refuses a send to a customer who opted out, with what the agent can do about it. */
export async function requireConsent(q: Queryable, phone: string, centreNumber: string): Promise<void> {
  if (await isOptedOut(q, phone, centreNumber)) {
    throw new DomainError(
      'opted_out',
      `${phone} refused texts (STOP) from ${centreNumber}: nothing can be sent to them. Reach them another way; they can text START to accept texts again.`,
    );
  }
}

export interface ConsentChange {
  phone: string;
  centreNumber: string;
  optedOut: boolean;
  via: 'keyword' | 'agent' | 'carrier';
  keyword?: string;
  agent?: { agentId: string; name: string };
  carrierCode?: string;
  /** The interaction where it happened: it gets the system line. */
  interactionId: string;
}

/** The consent the panel shows for one interaction. */
export async function consentOf(q: Queryable, interactionId: string): Promise<ConsentState> {
  const [row] = await q.query<{ customer_phone: string; centre_number: string; suspected_opt_out: string | null }>(
    'SELECT customer_phone, centre_number, suspected_opt_out FROM interactions WHERE id = $1',
    [interactionId],
  );
  if (!row) return { optedOut: false };
  const optedOut = await isOptedOut(q, row.customer_phone, row.centre_number);
  return { optedOut, ...(row.suspected_opt_out && !optedOut ? { suspectedEntryId: row.suspected_opt_out } : {}) };
}

/** Tells whoever shows this interaction (its owner, or the agent it is offered to) its consent now. */
export async function announceConsent(work: Work, interactionId: string): Promise<void> {
  const [row] = await work.tx.query<{ state: string; agent_id: string | null }>('SELECT state, agent_id FROM interactions WHERE id = $1', [interactionId]);
  if (row?.state === 'assigned' && row.agent_id) {
    await appendEvent(work, row.agent_id, { type: 'consentChanged', interactionId, consent: await consentOf(work.tx, interactionId) });
  }
  const offer = await pendingOfferOf(work, interactionId);
  if (offer) await refreshOffer(work, offer);
}

/**
 * Records a change of consent (the state and its audit row), writes the system line in the
 * interaction where it happened and tells the agents of every open interaction it affects.
 * Returns the system line, or undefined when the state was already that (nothing written).
 */
export async function changeConsent(work: Work, change: ConsentChange): Promise<SystemEntry | undefined> {
  const scope = consentScope(work.ctx.config, change.centreNumber);
  const before = await isOptedOut(work.tx, change.phone, change.centreNumber);
  if (before === change.optedOut) return undefined;
  await work.tx.query(
    `INSERT INTO consent (customer_phone, scope, opted_out, changed_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (customer_phone, scope) DO UPDATE SET opted_out = EXCLUDED.opted_out, changed_at = EXCLUDED.changed_at`,
    [change.phone, scope, change.optedOut, work.now],
  );
  // An opt-in lifts an opt-out kept under the other scope too: the customer asked for texts again.
  if (!change.optedOut) {
    await work.tx.query(`UPDATE consent SET opted_out = false, changed_at = $3 WHERE customer_phone = $1 AND scope IN ($2, '*') AND opted_out`, [
      change.phone,
      change.centreNumber,
      work.now,
    ]);
  }
  await work.tx.query(
    `INSERT INTO consent_changes (id, customer_phone, scope, opted_out, at, via, keyword, agent_id, agent_name, carrier_code, centre_number, interaction_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      randomUUID(),
      change.phone,
      scope,
      change.optedOut,
      work.now,
      change.via,
      change.keyword ?? null,
      change.agent?.agentId ?? null,
      change.agent?.name ?? null,
      change.carrierCode ?? null,
      change.centreNumber,
      change.interactionId,
    ],
  );
  if (change.optedOut) await work.tx.query('UPDATE interactions SET suspected_opt_out = NULL WHERE customer_phone = $1', [change.phone]);
  const line = await appendSystemEntry(work, change.interactionId, change.optedOut ? 'consent_opted_out' : 'consent_opted_in', {
    via: change.via,
    ...(change.keyword ? { keyword: change.keyword } : {}),
    ...(change.agent ? { name: change.agent.name } : {}),
    ...(change.carrierCode ? { code: change.carrierCode } : {}),
  });
  const affected = await work.tx.query<{ id: string; state: string; agent_id: string | null }>(
    `SELECT id, state, agent_id FROM interactions WHERE customer_phone = $1 AND state <> 'closed' ${scope === '*' ? '' : 'AND centre_number = $2'}`,
    scope === '*' ? [change.phone] : [change.phone, change.centreNumber],
  );
  for (const interaction of affected) {
    if (interaction.id === change.interactionId && interaction.state === 'assigned' && interaction.agent_id) {
      await announceEntry(work, interaction.id, interaction.agent_id, line);
    }
    await announceConsent(work, interaction.id);
  }
  return line;
}
