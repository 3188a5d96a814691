import { describe, expect, it } from 'vitest';
import { DESK_VERSION, restoreDesk } from '../../lib/session/stored-desk';

const reply = { id: 'c-1', requestId: 'r-1', command: { name: 'reply', interactionId: 'i-1', text: 'On my way' }, createdAt: 1 };
const desk = {
  version: DESK_VERSION,
  agentId: 'alice',
  lastSeq: 42,
  state: { agent: { id: 'alice', username: 'alice', name: 'Alice' }, status: 'ready', channels: [], offers: [], interactions: [] },
  settings: null,
  outbox: [reply],
  notifiedOffers: [],
  unread: {},
};

describe('the desk read back after a worker restart or an extension update', () => {
  it('is used as it is when it reads as this version', () => {
    expect(restoreDesk(structuredClone(desk))).toEqual({ kind: 'intact', desk });
  });

  it('is replaced (fresh snapshot: no state, lastSeq 0 upstream) when it comes from another version, keeping the replies it held', () => {
    const restored = restoreDesk({ ...desk, version: 1 });
    expect(restored).toMatchObject({ kind: 'replaced', agentId: 'alice', outbox: [reply], problem: expect.stringContaining('version') as string });
  });

  it('is replaced when its state is corrupt, and drops only the outbox entries that are not commands', () => {
    const restored = restoreDesk({ ...desk, state: { status: 'dancing' }, outbox: [reply, { id: 'x', command: { name: 'launch' } }, 'junk'] });
    expect(restored).toMatchObject({ kind: 'replaced', outbox: [reply], problem: expect.stringContaining('state') as string });
    expect(restoreDesk('garbage')).toMatchObject({ kind: 'replaced', agentId: undefined, outbox: [] });
    expect(restoreDesk(undefined)).toBeNull();
  });

  it('refuses a lastSeq past the integer range', () => {
    expect(restoreDesk({ ...desk, lastSeq: 1e300 })?.kind).toBe('replaced');
  });
});
