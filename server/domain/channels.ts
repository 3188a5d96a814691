import type { ChannelState, MediaChannel } from '../../lib/protocol';
import type { Queryable } from '../db/db';
import { DomainError } from './errors';
import { broadcastEvent } from './events';
import type { Work } from './work';

const ORDER: MediaChannel[] = ['sms', 'mms', 'im'];

export async function readChannels(q: Queryable): Promise<ChannelState[]> {
  const rows = await q.query<{ channel: MediaChannel; available: boolean }>('SELECT channel, available FROM channels');
  return rows
    .map((r) => ({ channel: r.channel, available: r.available }))
    .sort((a, b) => ORDER.indexOf(a.channel) - ORDER.indexOf(b.channel));
}

/** `unavailable` when the channel is down, with a message the agent or caller can act on. */
export async function requireChannel(q: Queryable, channel: MediaChannel, action: string): Promise<void> {
  const [row] = await q.query<{ available: boolean }>('SELECT available FROM channels WHERE channel = $1', [channel]);
  if (!row?.available) {
    throw new DomainError('unavailable', `The ${channel.toUpperCase()} channel is down, so ${action}. Try again when it is back.`);
  }
}

/** Marks a channel up or down and tells every agent (only when it actually changed). */
export async function setChannelAvailability(work: Work, channel: MediaChannel, available: boolean): Promise<ChannelState[]> {
  const changed = await work.tx.query('UPDATE channels SET available = $2 WHERE channel = $1 AND available <> $2 RETURNING 1', [
    channel,
    available,
  ]);
  const channels = await readChannels(work.tx);
  if (changed.length > 0) await broadcastEvent(work, { type: 'channelsChanged', channels });
  return channels;
}
