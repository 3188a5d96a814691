import type { MessageMedia } from '../../lib/protocol';
import { agentSettings } from '../config/agent-settings';
import { DomainError } from '../domain/errors';
import type { Work } from '../domain/work';
import { MEDIA_URL_LIFETIME_MS, signMediaPath } from '../media';

export interface MediaLinks {
  expiresAt: number;
  links: Record<string, { thumb: string; full: string; save?: string }>;
}

/**
 * Fresh signed paths to every image of an interaction the agent handles, made for this agent and
 * this request (never stored in the transcript). `save` only for agents with `media.save`; the
 * media route checks that permission again on every download.
 */
export async function mediaLinks(work: Work, agentId: string, interactionId: string): Promise<MediaLinks> {
  const [interaction] = await work.tx.query<{ agent_id: string | null }>('SELECT agent_id FROM interactions WHERE id = $1', [interactionId]);
  if (!interaction) throw new DomainError('not_found', `There is no interaction ${interactionId}.`);
  if (interaction.agent_id !== agentId) throw new DomainError('forbidden', 'This interaction is not assigned to you.');
  const rows = await work.tx.query<{ media: MessageMedia[] }>(
    'SELECT media FROM transcript_entries WHERE interaction_id = $1 AND media IS NOT NULL ORDER BY position',
    [interactionId],
  );
  const canSave = agentSettings(work.ctx.config, agentId).permissions.includes('media.save');
  const expiresAt = work.now + MEDIA_URL_LIFETIME_MS;
  const links: MediaLinks['links'] = {};
  const { secret } = work.ctx.media;
  for (const file of rows.flatMap((row) => row.media)) {
    if (links[file.id]) continue;
    const grant = { hash: file.id, interactionId, agentId, expiresAt };
    const full = signMediaPath({ ...grant, variant: 'full', ...(file.filename === undefined ? {} : { filename: file.filename }) }, secret);
    links[file.id] = {
      thumb: signMediaPath({ ...grant, variant: 'thumb' }, secret),
      full,
      ...(canSave ? { save: `${full}&download=1` } : {}),
    };
  }
  return { expiresAt, links };
}
