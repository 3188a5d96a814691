import { describe, expect, it } from 'vitest';
import { countUnread, markRead, pruneUnread, totalUnread, unreadKeyOf } from '../../lib/agent-state/unread';
import type { AgentEvent, AgentState, Consultation, MessageEntry } from '../../lib/protocol';
import { consultationWith, interactionWith } from './support/agent-state';

const consultation = (id: string, interactionId: string, host: string, guest: string): Consultation =>
  consultationWith(id, interactionId, { agentId: host, name: host }, { agentId: guest, name: guest });
const state: AgentState = {
  agent: { id: 'alice', username: 'alice', name: 'Alice' },
  status: 'ready',
  channels: [],
  offers: [],
  interactions: [interactionWith('i1'), interactionWith('i2')],
  consultations: [consultation('hosted', 'i1', 'alice', 'bob'), consultation('guest', 'i9', 'carol', 'alice')],
};
const message = (direction: 'in' | 'out', id = 'e1'): MessageEntry => ({
  kind: 'message',
  id,
  at: 1,
  direction,
  author: direction === 'in' ? { role: 'customer' } : { role: 'agent', agentId: 'alice', name: 'Alice' },
  text: 'x',
});
const customerText = (interactionId: string): AgentEvent => ({ type: 'transcriptAppended', interactionId, entry: message('in') });
const imFrom = (consultationId: string, agentId: string): AgentEvent => ({
  type: 'consultationMessage',
  consultationId,
  message: { id: 'm', at: 1, author: { agentId, name: agentId }, text: 'x' },
});

describe('unread counts', () => {
  it('counts customer texts, not the agent’s own replies nor system entries', () => {
    expect(unreadKeyOf(state, customerText('i1'))).toBe('i1');
    expect(unreadKeyOf(state, { type: 'transcriptAppended', interactionId: 'i1', entry: message('out') })).toBeUndefined();
    expect(
      unreadKeyOf(state, { type: 'transcriptAppended', interactionId: 'i1', entry: { kind: 'system', id: 's', at: 1, code: 'agent_joined', params: {} } }),
    ).toBeUndefined();
    expect(unreadKeyOf(state, { type: 'statusChanged', status: 'ready' })).toBeUndefined();
  });

  it('counts a colleague’s IM on the hosted interaction’s tab, or on the consultation’s own tab for a guest; never one’s own', () => {
    expect(unreadKeyOf(state, imFrom('hosted', 'bob'))).toBe('i1');
    expect(unreadKeyOf(state, imFrom('guest', 'carol'))).toBe('guest');
    expect(unreadKeyOf(state, imFrom('guest', 'alice'))).toBeUndefined();
    expect(unreadKeyOf(state, imFrom('unknown', 'bob'))).toBeUndefined();
  });

  it('adds one per message nobody is viewing; what a panel shows stays read', () => {
    let unread = countUnread({}, state, customerText('i1'), new Set(['i2']));
    unread = countUnread(unread, state, customerText('i1'), new Set(['i2']));
    unread = countUnread(unread, state, customerText('i2'), new Set(['i2']));
    unread = countUnread(unread, state, imFrom('guest', 'carol'), new Set());
    expect(unread).toEqual({ i1: 2, guest: 1 });
    expect(totalUnread(unread)).toBe(3);
    expect(markRead(unread, 'i1')).toEqual({ guest: 1 });
    const same = markRead(unread, 'nothing');
    expect(same).toBe(unread);
  });

  it('forgets the count of an item leaving the desk, and after a snapshot keeps only what is still there', () => {
    const unread = { i1: 2, guest: 1, gone: 4 };
    expect(countUnread(unread, state, { type: 'interactionClosed', interactionId: 'i1', reason: 'transferred' }, new Set())).toEqual({ guest: 1, gone: 4 });
    expect(countUnread(unread, state, { type: 'consultationEnded', consultationId: 'guest', reason: 'ended' }, new Set())).toEqual({ i1: 2, gone: 4 });
    expect(pruneUnread(unread, state)).toEqual({ i1: 2, guest: 1 });
    expect(pruneUnread(unread, null)).toEqual({});
  });
});
