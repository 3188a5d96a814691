import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../lib/protocol';
import { shown, takeInteraction } from './helpers/contact-desk';
import { PAGE_NUMBER, SESSION_NUMBER } from './helpers/server';
import { freshPhone, textCentre } from './helpers/simulator';
import { useDesk } from './helpers/use-desk';

const describeEntry = (e: TranscriptEntry) => (e.kind === 'message' ? e.text : `[${e.code} ${e.params.name ?? ''}]`);

describe('merging interactions of one contact', () => {
  const desk = useDesk();

  it('merges a page-mode SMS into a session: one transcript ordered by time, each entry with its source, the other closed as merged', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const session = await takeInteraction(server.url, alice, phone, SESSION_NUMBER, 'S1 session ouverte');
    const page = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'P1 message page');
    await textCentre(server.url, phone, SESSION_NUMBER, 'S2 suite de la session');
    await alice.waitForEvent('transcriptAppended', (e) => e.interactionId === session && e.entry.kind === 'message' && e.entry.text.startsWith('S2'));
    await alice.ok({ name: 'setNote', interactionId: page, note: 'Note de la page' });
    await alice.ok({ name: 'setNote', interactionId: session, note: 'Note de la session' });
    await alice.ok({ name: 'setCaseData', interactionId: page, key: 'order_number', value: 'C-77' });

    expect(await bob.command({ name: 'mergeInteractions', interactionId: session, source: { kind: 'interaction', interactionId: page } })).toMatchObject({
      type: 'error',
      code: 'forbidden',
    });
    expect(await alice.command({ name: 'mergeInteractions', interactionId: session, source: { kind: 'interaction', interactionId: session } })).toMatchObject({
      type: 'error',
      code: 'bad_request',
    });

    const mark = alice.mark();
    await alice.ok({ name: 'mergeInteractions', interactionId: session, source: { kind: 'interaction', interactionId: page } });
    const closed = await alice.waitForEvent('interactionClosed', (e) => e.interactionId === page, mark);
    expect(closed.reason).toBe('merged');
    await alice.waitForEvent('interactionsMerged', (e) => e.interactionId === session, mark);
    const merged = shown(alice, session);
    const joined = '[agent_joined Alice Martin]';
    expect(merged.transcript.map(describeEntry)).toEqual([
      'S1 session ouverte',
      joined,
      'P1 message page',
      joined,
      'S2 suite de la session',
      `[interaction_merged ${phone}]`,
    ]);
    expect(merged.transcript.map((e) => e.source)).toEqual([session, session, page, page, session, session]);
    expect(merged.note).toBe('Note de la session\nNote de la page');
    expect(merged.caseData?.order_number).toBe('C-77');
    expect(alice.state?.interactions.map((i) => i.id)).toEqual([session]);

    // After a reconnect the snapshot shows the same merged transcript.
    await alice.reconnect();
    expect(shown(alice, session).transcript.map((e) => e.source)).toEqual([session, session, page, page, session, session]);
    // The history keeps the merged interaction, pointing to where its messages went.
    const { history } = await alice.read({ query: 'contactHistory', contactId: merged.contact!.id });
    expect(history.interactions.find((i) => i.id === page)).toMatchObject({ open: false, closeReason: 'merged', mergedInto: session });
    expect(await alice.command({ name: 'mergeInteractions', interactionId: session, source: { kind: 'interaction', interactionId: page } })).toMatchObject({
      type: 'error',
      code: 'conflict',
    });
    await alice.ok({ name: 'markDone', interactionId: session });
  });

  it('merges a call the agent started into the SMS transcript at its time, once', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const sms = await takeInteraction(server.url, alice, phone, SESSION_NUMBER, 'Appelez-moi');
    const recorded = await alice.ok({ name: 'recordActivity', interactionId: sms, activity: 'call', target: phone, via: 'contact_menu' });
    const activityId = recorded.result?.activityId as string;
    await textCentre(server.url, phone, SESSION_NUMBER, 'Merci pour l’appel');
    await alice.waitForEvent('transcriptAppended', (e) => e.interactionId === sms && e.entry.kind === 'message' && e.entry.text.startsWith('Merci'));

    expect(await bob.command({ name: 'mergeInteractions', interactionId: sms, source: { kind: 'activity', activityId } })).toMatchObject({ type: 'error', code: 'forbidden' });
    await alice.ok({ name: 'mergeInteractions', interactionId: sms, source: { kind: 'activity', activityId } });
    await alice.waitForEvent('interactionsMerged', (e) => e.interactionId === sms);
    expect(shown(alice, sms).transcript.map(describeEntry)).toEqual(['Appelez-moi', '[agent_joined Alice Martin]', `[activity_call ${phone}]`, 'Merci pour l’appel']);
    expect(await alice.command({ name: 'mergeInteractions', interactionId: sms, source: { kind: 'activity', activityId } })).toMatchObject({
      type: 'error',
      code: 'conflict',
      message: 'This call or email is already merged into an interaction.',
    });
    await alice.ok({ name: 'markDone', interactionId: sms });
  });

  it('refuses to merge interactions of different contacts, or one the agent does not handle', async () => {
    const { server, alice } = desk;
    const mine = await takeInteraction(server.url, alice, freshPhone(), SESSION_NUMBER, 'Client A');
    const other = await takeInteraction(server.url, alice, freshPhone(), PAGE_NUMBER, 'Client B');
    expect(await alice.command({ name: 'mergeInteractions', interactionId: mine, source: { kind: 'interaction', interactionId: other } })).toMatchObject({
      type: 'error',
      code: 'conflict',
      message: 'Only interactions of the same contact can be merged.',
    });
    await alice.ok({ name: 'markDone', interactionId: other });
    expect(await alice.command({ name: 'mergeInteractions', interactionId: mine, source: { kind: 'interaction', interactionId: other } })).toMatchObject({
      type: 'error',
      code: 'conflict',
    });
    expect(await alice.command({ name: 'mergeInteractions', interactionId: mine, source: { kind: 'interaction', interactionId: 'nope' } })).toMatchObject({
      type: 'error',
      code: 'not_found',
    });
    await alice.ok({ name: 'markDone', interactionId: mine });
  });
});
