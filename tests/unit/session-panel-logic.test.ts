import { describe, expect, it } from 'vitest';
import { formatSilence, partyOf, systemEntryText } from '../../components/transcript/parties';
import { offerAnswerOf, offerNotificationText, OFFER_NOTIFICATION_PREFIX } from '../../entrypoints/background/offer-notification';
import type { Offer, SystemEntry, TranscriptEntry } from '../../lib/protocol';
import { newlyWarned, sessionClock } from '../../lib/session/timer';
import { offerPreview } from '../../lib/transcript/offer-preview';
import { translator } from '../support/messages';

const system = (code: SystemEntry['code'], params: Record<string, string>): SystemEntry => ({ kind: 'system', id: 's', at: 1, code, params });

describe('transcript parties and system entries', () => {
  it('tells the customer, the agent, colleagues and the system apart', () => {
    const from = (author: Extract<TranscriptEntry, { kind: 'message' }>['author']): TranscriptEntry => ({
      kind: 'message',
      id: 'e',
      at: 1,
      direction: author.role === 'customer' ? 'in' : 'out',
      author,
      text: 'x',
    });
    expect(partyOf(from({ role: 'customer' }), 'alice')).toBe('customer');
    expect(partyOf(from({ role: 'agent', agentId: 'alice', name: 'Alice' }), 'alice')).toBe('me');
    expect(partyOf(from({ role: 'agent', agentId: 'bob', name: 'Bob' }), 'alice')).toBe('agent');
    expect(partyOf(from({ role: 'agent', agentId: 'bob', name: 'Bob' }), undefined)).toBe('agent');
    expect(partyOf(system('agent_joined', { name: 'Bob' }), 'alice')).toBe('system');
  });

  it('words each system code with its names, in order', () => {
    expect(systemEntryText(system('agent_joined', { name: 'Bob' }))).toEqual({ key: 'system_agent_joined', args: ['Bob'] });
    expect(systemEntryText(system('agent_transferred', { name: 'Alice', target: 'Bob' }))).toEqual({ key: 'system_agent_transferred', args: ['Alice', 'Bob'] });
    expect(systemEntryText(system('consultation_started', { name: 'Alice', target: 'Bob' })).args).toEqual(['Alice', 'Bob']);
    expect(systemEntryText(system('consultation_ended', { name: 'Bob', target: 'Alice' }))).toEqual({ key: 'system_consultation_ended', args: ['Bob', 'Alice'] });
    expect(systemEntryText(system('consultation_ended', { name: '', target: 'Bob' }))).toEqual({
      key: 'system_consultation_ended_with_interaction',
      args: ['Bob'],
    });
    expect(systemEntryText(system('session_ended_inactivity', { seconds: '600' })).args).toEqual(['10 min']);
    expect(systemEntryText(system('agent_left', {})).args).toEqual(['']);
  });

  it('states the inactivity time in minutes when whole, else seconds', () => {
    expect([formatSilence(600), formatSilence(90), formatSilence(2)]).toEqual(['10 min', '90 s', '2 s']);
  });
});

describe('session timer', () => {
  it('warns from 60 s before the deadline and never goes below zero', () => {
    expect(sessionClock(100_000, 30_000)).toEqual({ leftMs: 70_000, warning: false });
    expect(sessionClock(100_000, 40_000)).toEqual({ leftMs: 60_000, warning: true });
    expect(sessionClock(100_000, 120_000)).toEqual({ leftMs: 0, warning: true });
  });

  it('announces each session once per deadline: again only after an SMS moved the deadline', () => {
    const first = newlyWarned([{ id: 'a', deadline: 100_000 }, { id: 'b', deadline: 500_000 }], 50_000, new Set());
    expect(first.fresh).toEqual(['a']);
    expect(newlyWarned([{ id: 'a', deadline: 100_000 }], 60_000, first.warned).fresh).toEqual([]);
    // A customer text moved the deadline: out of the warning, then into it again later.
    const moved = newlyWarned([{ id: 'a', deadline: 200_000 }], 60_000, first.warned);
    expect(moved.fresh).toEqual([]);
    expect(newlyWarned([{ id: 'a', deadline: 200_000 }], 150_000, moved.warned).fresh).toEqual(['a']);
  });
});

describe('offer notifications', () => {
  const offer = (transfer?: Offer['transfer']): Offer => ({
    interaction: {
      id: 'i1',
      mode: 'session',
      channel: 'sms',
      customer: { phone: '+33612345678', name: 'Camille' },
      centreNumber: '+33937000002',
      queue: 'general',
      createdAt: 1,
      transcript: [{ kind: 'message', id: 'e', at: 1, direction: 'in', author: { role: 'customer' }, text: 'é'.repeat(250) }],
    },
    offeredAt: 1,
    expiresAt: 2,
    ...(transfer ? { transfer } : {}),
  });

  it('names the customer, and the colleague for a transfer; cuts a long text', () => {
    const plain = offerNotificationText(offer(), translator('en'));
    expect(plain.title).toEqual(['notification_offer_title', 'Camille (+33612345678)']);
    expect(plain.message).toHaveLength(201);
    expect(offerNotificationText(offer({ id: 't', from: { agentId: 'bob', name: 'Bob Durand' } }), translator('en')).title).toEqual([
      'transfer_notification_title',
      'Bob Durand',
      'Camille (+33612345678)',
    ]);
  });

  it('shows addresses in the notification as the transcript does: a look-alike host in punycode, overrides visible', () => {
    const text = (t: string): Offer['interaction'] => ({
      ...offer().interaction,
      transcript: [{ kind: 'message', id: 'e', at: 1, direction: 'in', author: { role: 'customer' }, text: t }],
    });
    expect(offerPreview(text('Allez sur https://\u0430pple.com/login vite'), translator('en'))).toBe('Allez sur https://xn--pple-43d.com/login vite');
    expect(offerPreview(text('Écrivez à support@\u0430pple.com'), translator('en'))).toBe('Écrivez à support@xn--pple-43d.com');
    expect(offerPreview(text('facture\u202Etxt.exe'), translator('en'))).toBe('facture⟪U+202E⟫txt.exe');
    expect(offerPreview(text('Rien à signaler'), translator('en'))).toBe('Rien à signaler');
  });

  it('announces the pictures of an MMS, so that one with pictures only is not an empty message', () => {
    const picture = { id: 'a'.repeat(64), contentType: 'image/jpeg', width: 10, height: 10 } as const;
    const mms = (text: string, pictures: number): Offer['interaction'] => ({
      ...offer().interaction,
      channel: 'mms',
      transcript: [{ kind: 'message', id: 'e', at: 1, direction: 'in', author: { role: 'customer' }, text, media: Array(pictures).fill(picture) }],
    });
    expect(offerPreview(mms('', 1), translator('en'))).toBe('1 picture');
    expect(offerPreview(mms('  ', 3), translator('fr'))).toBe('3 images');
    expect(offerPreview(mms('Voici la facture', 2), translator('en'))).toBe('Voici la facture (2 pictures)');
    expect(offerPreview(mms('Sans image', 0), translator('en'))).toBe('Sans image');
    expect(offerNotificationText({ ...offer(), interaction: mms('', 2) }, translator('fr')).message).toBe('2 images');
  });

  it('maps the first button to Accept and the second to Reject, for our notifications only', () => {
    expect(offerAnswerOf(`${OFFER_NOTIFICATION_PREFIX}i1`, 0)).toEqual({ interactionId: 'i1', answer: 'accept' });
    expect(offerAnswerOf(`${OFFER_NOTIFICATION_PREFIX}i1`, 1)).toEqual({ interactionId: 'i1', answer: 'reject' });
    expect(offerAnswerOf(`${OFFER_NOTIFICATION_PREFIX}i1`, 2)).toBeUndefined();
    expect(offerAnswerOf('someone-else:i1', 0)).toBeUndefined();
    expect(offerAnswerOf(OFFER_NOTIFICATION_PREFIX, 0)).toBeUndefined();
  });
});
