import type { HistoryConsentChange } from '../../lib/protocol';
import type { Queryable } from '../db/db';

const MAX_CHANGES = 200;

/** Every change of consent of these numbers, newest first: the audit trail of the contact's history. */
export async function consentChangesOf(q: Queryable, phones: readonly string[]): Promise<HistoryConsentChange[]> {
  if (phones.length === 0) return [];
  const rows = await q.query<{
    id: string;
    at: unknown;
    opted_out: boolean;
    customer_phone: string;
    scope: string;
    centre_number: string;
    via: HistoryConsentChange['via'];
    keyword: string | null;
    agent_name: string | null;
    carrier_code: string | null;
  }>(
    `SELECT id, at, opted_out, customer_phone, scope, centre_number, via, keyword, agent_name, carrier_code
     FROM consent_changes WHERE customer_phone = ANY($1::text[]) ORDER BY at DESC, id LIMIT ${MAX_CHANGES}`,
    [phones],
  );
  return rows.map((row) => ({
    id: row.id,
    at: Number(row.at),
    optedOut: row.opted_out,
    phone: row.customer_phone,
    scope: row.scope,
    centreNumber: row.centre_number,
    via: row.via,
    ...(row.keyword ? { keyword: row.keyword } : {}),
    ...(row.agent_name ? { agentName: row.agent_name } : {}),
    ...(row.carrier_code ? { carrierCode: row.carrier_code } : {}),
  }));
}
