import { describe, expect, it } from 'vitest';
import { shown, takeInteraction } from './helpers/contact-desk';
import { PAGE_NUMBER, SESSION_NUMBER } from './helpers/server';
import { freshPhone, textCentre } from './helpers/simulator';
import { useDesk } from './helpers/use-desk';

describe('contact history', () => {
  const desk = useDesk();

  it('lists past interactions newest first with agent, disposition and note, counts, activities, and searches them', async () => {
    const { server, alice } = desk;
    const phone = freshPhone();
    const first = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Ma facture de janvier');
    await alice.ok({ name: 'setNote', interactionId: first, note: 'Remboursement envoyé' });
    await alice.ok({ name: 'setDisposition', interactionId: first, code: 'resolved' });
    await alice.ok({ name: 'reply', interactionId: first, text: 'C’est corrigé.' });
    const second = await takeInteraction(server.url, alice, phone, SESSION_NUMBER, 'Question sur la livraison');
    await alice.ok({ name: 'recordActivity', interactionId: second, activity: 'email', target: 'client@example.com', via: 'transcript' });
    await alice.ok({ name: 'setDisposition', interactionId: second, code: 'sale' });
    await alice.ok({ name: 'markDone', interactionId: second });
    const current = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Encore une question, 100% sûr ?');
    const contactId = shown(alice, current).contact!.id;

    const { history } = await alice.read({ query: 'contactHistory', contactId });
    expect(history.interactions.map((i) => i.id)).toEqual([current, second, first]);
    expect(history).toMatchObject({ inProgress: 1, last30Days: 3, total: 3, contact: { id: contactId, unknown: true } });
    expect(history.interactions[2]).toMatchObject({
      open: false,
      closeReason: 'replied',
      phone,
      centreNumber: PAGE_NUMBER,
      mode: 'page',
      agentName: 'Alice Martin',
      disposition: 'resolved',
      note: 'Remboursement envoyé',
      preview: 'Ma facture de janvier',
      entryCount: 4, // the two texts, and Alice joining and leaving
    });
    expect(history.interactions[0]).toMatchObject({ open: true });
    expect(history.activities).toEqual([
      expect.objectContaining({ interactionId: second, kind: 'email', target: 'client@example.com', via: 'transcript', agentName: 'Alice Martin' }),
    ]);

    // Server-side search: transcripts, notes, disposition labels, activity targets; wildcards are literal.
    const search = async (text: string) => (await alice.read({ query: 'contactHistory', contactId, text })).history;
    expect((await search('FACTURE')).interactions.map((i) => i.id)).toEqual([first]);
    expect((await search('remboursement')).interactions.map((i) => i.id)).toEqual([first]);
    expect((await search('vente')).interactions.map((i) => i.id)).toEqual([second]);
    const byAddress = await search('client@example');
    expect(byAddress.interactions.map((i) => i.id)).toEqual([second]);
    expect(byAddress.activities.map((a) => a.target)).toEqual(['client@example.com']);
    expect((await search('100%')).interactions.map((i) => i.id)).toEqual([current]);
    expect((await search('fact_re')).interactions).toEqual([]);
    expect((await search('introuvable')).total).toBe(0);

    // The transcript, on demand.
    const { transcript } = await alice.read({ query: 'historyTranscript', interactionId: first });
    expect(transcript.map((e) => (e.kind === 'message' ? e.text : e.code))).toEqual(['Ma facture de janvier', 'agent_joined', 'C’est corrigé.', 'agent_left']);
    await alice.ok({ name: 'markDone', interactionId: current });
  });

  it('is refused to an agent who never handled the contact, and names bad queries', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const { interactionId } = await textCentre(server.url, phone, PAGE_NUMBER, 'Privé');
    await alice.waitForOffer(interactionId);
    const contactId = alice.state!.offers.find((o) => o.interaction.id === interactionId)!.interaction.contact!.id;
    // Offered is enough to read the history before accepting.
    expect((await alice.read({ query: 'contactHistory', contactId })).history.interactions.map((i) => i.id)).toEqual([interactionId]);
    expect(await bob.ask({ query: 'contactHistory', contactId })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await bob.ask({ query: 'historyTranscript', interactionId })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await alice.ask({ query: 'contactHistory', contactId: 'no-such-contact' })).toMatchObject({ type: 'error', code: 'not_found' });
    const id = 'bad-limit';
    expect(await alice.ask({ query: 'contactHistory', contactId, limit: 0 }, id)).toMatchObject({ type: 'error', id, code: 'bad_request' });
    expect(await alice.ask({ query: 'contactHistory', contactId, text: 'x'.repeat(201) })).toMatchObject({
      type: 'error',
      code: 'bad_request',
      message: expect.stringContaining('longer than 200') as string,
    });
    await alice.ok({ name: 'reject', interactionId });
  });
});
