import type { AgentRef, Consultation, Interaction } from '../../../lib/protocol';

/** A session-mode SMS interaction with an empty transcript, as a desk holds it; `extra` overrides any field. */
export const interactionWith = (id: string, extra: Partial<Interaction> = {}): Interaction => ({
  id,
  mode: 'session',
  channel: 'sms',
  customer: { phone: '+33612345678' },
  centreNumber: '+33937000002',
  queue: 'general',
  createdAt: 1,
  transcript: [],
  ...extra,
});

/** A consultation about `interactionId` between `host` and `guest`, with no messages yet. */
export const consultationWith = (id: string, interactionId: string, host: AgentRef, guest: AgentRef, startedAt = 1): Consultation => ({
  id,
  interactionId,
  host,
  guest,
  startedAt,
  summary: { customer: { phone: '+33612345678' }, mode: 'session', queue: 'general', createdAt: 1, excerpt: [] },
  messages: [],
});
