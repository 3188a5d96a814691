import type { CaseData, CommandOf } from '../../lib/protocol';
import type { TextoConfig } from '../config';
import { json } from '../db/db';
import { DomainError } from '../domain/errors';
import { appendEvent } from '../domain/events';
import type { Work } from '../domain/work';
import { myAssignedInteraction } from './ownership';

/** A new interaction's case data: the number's configuration, then what the gateway sent. */
export function initialCaseData(config: TextoConfig, centreNumber: string, fromGateway: CaseData | undefined): CaseData {
  const number = config.numbers.find((n) => n.number === centreNumber);
  return { ...(number?.caseData ?? {}), ...(fromGateway ?? {}) };
}

/** A later text of an open interaction brings gateway fields: new keys join, known ones stay as they are. */
export async function addGatewayCaseData(work: Work, interactionId: string, fromGateway: CaseData): Promise<void> {
  const [row] = await work.tx.query<{ case_data: CaseData; state: string; agent_id: string | null; changed: boolean }>(
    `WITH before AS (SELECT case_data FROM interactions WHERE id = $1)
     UPDATE interactions SET case_data = $2::jsonb || interactions.case_data WHERE id = $1
     RETURNING case_data, state, agent_id, case_data <> (SELECT case_data FROM before) AS changed`,
    [interactionId, json(fromGateway)],
  );
  if (row?.changed && row.state === 'assigned' && row.agent_id) {
    await appendEvent(work, row.agent_id, { type: 'interactionDetailsChanged', interactionId, caseData: row.case_data });
  }
}

/** Changes one case-data value; only the keys the configuration marks editable (`caseData.editable`). */
export async function setCaseData(work: Work, agentId: string, command: CommandOf<'setCaseData'>): Promise<{ caseData: CaseData }> {
  const interaction = await myAssignedInteraction(work, agentId, command.interactionId);
  const { editable } = work.ctx.config.caseData;
  if (!editable.includes(command.key)) {
    throw new DomainError('forbidden', `The case-data field "${command.key}" is read-only${editable.length ? `; editable fields: ${editable.join(', ')}` : ''}.`);
  }
  const [row] = await work.tx.query<{ case_data: CaseData }>(
    `UPDATE interactions SET case_data = case_data || jsonb_build_object($2::text, $3::text) WHERE id = $1 RETURNING case_data`,
    [interaction.id, command.key, command.value],
  );
  const caseData = row?.case_data ?? {};
  await appendEvent(work, agentId, { type: 'interactionDetailsChanged', interactionId: interaction.id, caseData });
  return { caseData };
}
