import type { DeliveryReason, DeliveryStatus } from '../../lib/protocol';

/** One message as the carrier knows it (Twilio: one per send; the simulator: one per SMS on the air). */
export type PartState = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

export interface PartStatus {
  state: PartState;
  reason?: DeliveryReason;
  code?: string;
}

/** States only move forward: a late `sent` never undoes `delivered`; the first final state stays. */
const RANK: Record<PartState, number> = { queued: 0, sent: 1, delivered: 2, undelivered: 2, failed: 2 };

export function movesForward(from: PartState, to: PartState): boolean {
  return RANK[to] > RANK[from];
}

const isFinal = (state: PartState) => RANK[state] === 2;

/**
 * The reply's state from its parts, told honestly: delivered only when every part arrived,
 * partly delivered when some did and the others failed for good, not delivered when none did.
 * While some part is still on its way the reply is as far as its slowest part.
 */
export function aggregateDelivery(parts: readonly PartStatus[], attempt: number): DeliveryStatus {
  const total = parts.length;
  const delivered = parts.filter((p) => p.state === 'delivered').length;
  const failure = parts.find((p) => p.state === 'undelivered' || p.state === 'failed');
  const cause = failure ? { ...(failure.reason ? { reason: failure.reason } : {}), ...(failure.code ? { code: failure.code } : {}) } : {};
  const counts = total > 1 ? { delivered, parts: total } : {};
  const base = { ...counts, ...(attempt > 1 ? { attempt } : {}) };
  if (total === 0) return { state: 'queued', ...base };
  if (parts.every((p) => isFinal(p.state))) {
    if (delivered === total) return { state: 'delivered', ...base };
    if (delivered > 0) return { state: 'partly_delivered', ...base, ...cause };
    return { state: parts.some((p) => p.state === 'failed') ? 'failed' : 'undelivered', ...base, ...cause };
  }
  return { state: parts.some((p) => p.state === 'queued') ? 'queued' : 'sent', ...base };
}
