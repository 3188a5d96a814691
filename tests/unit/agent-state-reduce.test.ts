import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../lib/agent-state/reduce';
import type { AgentState, Consultation, Interaction, TransferStatus } from '../../lib/protocol';
import { consultationWith, interactionWith } from './support/agent-state';

const interaction = (id: string, extra: Partial<Interaction> = {}): Interaction => interactionWith(id, { acceptedAt: 2, ...extra });

const consultation = (id: string, interactionId = 'i1'): Consultation =>
  consultationWith(id, interactionId, { agentId: 'alice', name: 'Alice Martin' }, { agentId: 'bob', name: 'Bob Durand' }, 5);

const base = (extra: Partial<AgentState> = {}): AgentState => ({
  agent: { id: 'alice', username: 'alice', name: 'Alice Martin' },
  status: 'ready',
  channels: [],
  offers: [],
  interactions: [interaction('i1', { inactivityDeadline: 100 }), interaction('i2')],
  ...extra,
});

const pending: TransferStatus = { id: 't1', state: 'pending', target: { kind: 'agent', agentId: 'bob', name: 'Bob Durand' }, at: 9 };

describe('applyEvent: interactionUpdated', () => {
  it('sets the fields present, clears those given as null, keeps the others', () => {
    const moved = applyEvent(base(), { type: 'interactionUpdated', interactionId: 'i1', inactivityDeadline: 700, transfer: pending });
    expect(moved.interactions[0]).toMatchObject({ id: 'i1', inactivityDeadline: 700, transfer: pending });
    expect(moved.interactions[1]).toEqual(interaction('i2'));

    const ended = applyEvent(moved, {
      type: 'interactionUpdated',
      interactionId: 'i1',
      ended: { at: 800, reason: 'inactivity' },
      inactivityDeadline: null,
      transfer: null,
    });
    expect(ended.interactions[0]!.ended).toEqual({ at: 800, reason: 'inactivity' });
    expect('inactivityDeadline' in ended.interactions[0]!).toBe(false);
    expect('transfer' in ended.interactions[0]!).toBe(false);
  });

  it('ignores an update of an interaction the agent does not have, and does not change the previous state', () => {
    const before = base();
    const after = applyEvent(before, { type: 'interactionUpdated', interactionId: 'gone', inactivityDeadline: 5 });
    expect(after.interactions).toEqual(before.interactions);
    applyEvent(before, { type: 'interactionUpdated', interactionId: 'i1', inactivityDeadline: 5 });
    expect(before.interactions[0]!.inactivityDeadline).toBe(100);
  });

  it('removes a transferred interaction from the sender’s desk', () => {
    const after = applyEvent(base(), { type: 'interactionClosed', interactionId: 'i1', reason: 'transferred' });
    expect(after.interactions.map((i) => i.id)).toEqual(['i2']);
  });
});

describe('applyEvent: consultations', () => {
  it('adds a consultation to a state stored before consultations existed, and replaces a repeated one', () => {
    const started = applyEvent(base(), { type: 'consultationStarted', consultation: consultation('c1') });
    expect(started.consultations?.map((c) => c.id)).toEqual(['c1']);
    const again = applyEvent(started, { type: 'consultationStarted', consultation: consultation('c1') });
    expect(again.consultations).toHaveLength(1);
  });

  it('appends each message once, to its consultation only', () => {
    let state = applyEvent(base(), { type: 'consultationStarted', consultation: consultation('c1') });
    state = applyEvent(state, { type: 'consultationStarted', consultation: consultation('c2', 'i2') });
    const message = { id: 'm1', at: 6, author: { agentId: 'bob', name: 'Bob Durand' }, text: 'Oui' };
    state = applyEvent(state, { type: 'consultationMessage', consultationId: 'c1', message });
    state = applyEvent(state, { type: 'consultationMessage', consultationId: 'c1', message });
    expect(state.consultations?.find((c) => c.id === 'c1')?.messages).toEqual([message]);
    expect(state.consultations?.find((c) => c.id === 'c2')?.messages).toEqual([]);
  });

  it('removes an ended consultation; an end for an unknown one changes nothing', () => {
    let state = applyEvent(base(), { type: 'consultationStarted', consultation: consultation('c1') });
    state = applyEvent(state, { type: 'consultationEnded', consultationId: 'nope', reason: 'ended' });
    expect(state.consultations).toHaveLength(1);
    state = applyEvent(state, { type: 'consultationEnded', consultationId: 'c1', reason: 'ended', endedBy: { agentId: 'bob', name: 'Bob Durand' } });
    expect(state.consultations).toEqual([]);
  });
});

describe('applyEvent: transfer offers', () => {
  it('replaces an offer re-sent with its grown transcript, keeping who it is from', () => {
    const from = { agentId: 'bob', name: 'Bob Durand' };
    const offer = { interaction: interaction('i9'), offeredAt: 1, expiresAt: 2, transfer: { id: 't1', from } };
    let state = applyEvent(base(), { type: 'offerMade', offer });
    const grown = { ...offer, interaction: interaction('i9', { transcript: [{ kind: 'message', id: 'e1', at: 3, direction: 'in', author: { role: 'customer' }, text: 'Allô' }] }) } as const;
    state = applyEvent(state, { type: 'offerMade', offer: grown });
    expect(state.offers).toHaveLength(1);
    expect(state.offers[0]?.transfer?.from).toEqual(from);
    expect(state.offers[0]?.interaction.transcript).toHaveLength(1);
    state = applyEvent(state, { type: 'interactionAssigned', interaction: grown.interaction });
    expect(state.offers).toEqual([]);
    expect(state.interactions.map((i) => i.id)).toEqual(['i1', 'i2', 'i9']);
  });
});
