import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { CommandOf } from '../../lib/protocol';
import { AgentClient } from './helpers/agent';
import { shown, takeInteraction } from './helpers/contact-desk';
import { demoConfig, PAGE_NUMBER, SESSION_NUMBER, startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { freshPhone, textCentre } from './helpers/simulator';
import { useDesk } from './helpers/use-desk';

describe('contacts', () => {
  const desk = useDesk();

  it('gives a number nobody knows an unknown contact, and the same one on its next interaction', async () => {
    const { server, alice } = desk;
    const phone = freshPhone();
    const first = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Bonjour, premier message');
    const contact = shown(alice, first).contact!;
    expect(contact).toMatchObject({ unknown: true, name: '', phones: [phone], emails: [], notes: '' });
    expect(contact.id).toMatch(/^unknown-/);
    expect(shown(alice, first).customer).toEqual({ phone, contactId: contact.id });
    await alice.ok({ name: 'markDone', interactionId: first });

    const second = await takeInteraction(server.url, alice, phone, SESSION_NUMBER, 'Re-bonjour');
    expect(shown(alice, second).contact?.id).toBe(contact.id);
    await alice.ok({ name: 'markDone', interactionId: second });
  });

  it('shows a known contact with numbers, addresses and notes', async () => {
    const { server, alice } = desk;
    const id = await takeInteraction(server.url, alice, '+33612345678', PAGE_NUMBER, 'Camille ici');
    expect(shown(alice, id).contact).toEqual({
      id: 'camille-lefebvre',
      name: 'Camille Lefebvre',
      unknown: false,
      phones: ['+33612345678'],
      emails: ['camille.lefebvre@example.com'],
      notes: 'Prefers texts after 6 pm.',
    });
    await alice.ok({ name: 'markDone', interactionId: id });
  });

  it('lets an agent with contact.edit name an unknown contact, and refuses an agent without it', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const id = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Qui suis-je ?');
    const contactId = shown(alice, id).contact!.id;
    const edit: CommandOf<'updateContact'> = {
      name: 'updateContact',
      contactId,
      contactName: 'Marc Petit',
      phones: [phone],
      emails: ['marc.petit@example.net'],
      notes: 'VIP',
    };

    expect(await bob.command(edit)).toMatchObject({ type: 'error', code: 'forbidden', message: expect.stringContaining('contact.edit') as string });
    expect(shown(alice, id).contact?.name).toBe('');

    const mark = alice.mark();
    await alice.ok(edit);
    await alice.waitForEvent('contactChanged', (e) => e.contact.id === contactId, mark);
    expect(shown(alice, id).customer).toEqual({ phone, name: 'Marc Petit', contactId });
    expect(shown(alice, id).contact).toMatchObject({ name: 'Marc Petit', unknown: false, emails: ['marc.petit@example.net'], notes: 'VIP' });

    // A known contact keeps a name; someone else's number is not taken silently; bad input is named.
    expect(await alice.command({ ...edit, contactName: '  ' })).toMatchObject({ type: 'error', code: 'bad_request', message: 'A known contact needs a name.' });
    expect(await alice.command({ ...edit, phones: [phone, '+33612345678'] })).toMatchObject({
      type: 'error',
      code: 'conflict',
      message: expect.stringContaining('+33612345678 already belongs to Camille Lefebvre') as string,
    });
    expect(await alice.command({ ...edit, emails: ['javascript:alert(1)'] })).toMatchObject({ type: 'error', code: 'bad_request' });
    expect(await alice.command({ ...edit, phones: ['06 12'] })).toMatchObject({ type: 'error', code: 'bad_request' });
    await alice.ok({ name: 'markDone', interactionId: id });
  });

  it('assigns an unknown contact’s interaction to a known contact: the history moves and the transcript says so', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const past = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Ma facture de mars est fausse');
    await alice.ok({ name: 'setNote', interactionId: past, note: 'Facture corrigée' });
    await alice.ok({ name: 'recordActivity', interactionId: past, activity: 'call', target: phone, via: 'contact_menu' });
    await alice.ok({ name: 'markDone', interactionId: past });
    const current = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'C’est Hugo, depuis mon autre téléphone');

    // The directory: by name, by number as typed nationally, by address; only for contact.assign.
    const byName = await alice.read({ query: 'searchContacts', text: 'hugo' });
    expect(byName.contacts.map((c) => c.id)).toEqual(['hugo-moreau']);
    expect((await alice.read({ query: 'searchContacts', text: '06 98 76' })).contacts.map((c) => c.id)).toEqual(['hugo-moreau']);
    expect((await alice.read({ query: 'searchContacts', text: 'EXAMPLE.ORG' })).contacts.map((c) => c.id)).toEqual(['hugo-moreau']);
    expect((await alice.read({ query: 'searchContacts', text: '%' })).contacts).toEqual([]);
    expect(await bob.ask({ query: 'searchContacts', text: 'hugo' })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await bob.command({ name: 'assignContact', interactionId: current, contactId: 'hugo-moreau' })).toMatchObject({ type: 'error', code: 'forbidden' });

    const mark = alice.mark();
    await alice.ok({ name: 'assignContact', interactionId: current, contactId: 'hugo-moreau' });
    const note = await alice.waitForEvent('transcriptAppended', (e) => e.interactionId === current && e.entry.kind === 'system', mark);
    expect(note.entry).toMatchObject({ kind: 'system', code: 'contact_assigned', params: { name: 'Hugo Moreau' } });
    expect(shown(alice, current).customer).toEqual({ phone, name: 'Hugo Moreau', contactId: 'hugo-moreau' });
    expect(shown(alice, current).contact?.phones).toEqual(['+33698765432', '+33145678901', phone]);

    const { history } = await alice.read({ query: 'contactHistory', contactId: 'hugo-moreau' });
    expect(history.interactions.map((i) => i.id)).toEqual([current, past]);
    expect(history.interactions[1]).toMatchObject({ note: 'Facture corrigée', open: false, preview: 'Ma facture de mars est fausse' });
    expect(history.activities.map((a) => [a.interactionId, a.kind, a.target])).toEqual([[past, 'call', phone]]);
    expect(await alice.command({ name: 'assignContact', interactionId: current, contactId: 'camille-lefebvre' })).toMatchObject({
      type: 'error',
      code: 'conflict',
    });
    await alice.ok({ name: 'markDone', interactionId: current });

    // The number now belongs to Hugo: the next text is recognised.
    const next = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Encore moi');
    expect(shown(alice, next).customer.name).toBe('Hugo Moreau');
    await alice.ok({ name: 'markDone', interactionId: next });
  });
});

describe('contacts across restarts', () => {
  const dir = tempDataDir();
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => dir.remove());

  it('keeps agents’ edits of a configured contact until its entry in the file changes', async () => {
    server = await startTestServer({ dataDir: dir.path });
    const alice = await AgentClient.connect(server.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const id = await takeInteraction(server.url, alice, '+33755501234', PAGE_NUMBER, 'Léa ici');
    await alice.ok({ name: 'updateContact', contactId: 'lea-dubois', contactName: 'Léa Dubois', phones: ['+33755501234'], emails: ['lea@example.fr'], notes: 'Nouvelle adresse' });
    // A number nobody knew, which the next configuration gives to Léa.
    const stranger = freshPhone();
    const { interactionId: strangers } = await textCentre(server.url, stranger, SESSION_NUMBER, 'Je suis Léa aussi');
    await alice.ok({ name: 'markDone', interactionId: id });
    alice.close();
    await server.close();

    server = await startTestServer({ dataDir: dir.path });
    const again = await AgentClient.connect(server.url, 'alice');
    await again.ok({ name: 'setStatus', status: 'ready' });
    const second = await takeInteraction(server.url, again, '+33755501234', PAGE_NUMBER, 'Toujours Léa');
    expect(shown(again, second).contact).toMatchObject({ emails: ['lea@example.fr'], notes: 'Nouvelle adresse' });
    await again.ok({ name: 'markDone', interactionId: second });
    await again.waitForOffer(strangers);
    again.close();
    await server.close();

    const changed = demoConfig((c) => {
      const lea = c.contacts.find((x) => x.id === 'lea-dubois')!;
      lea.notes = 'Fichier mis à jour';
      lea.phones.push(stranger);
    });
    server = await startTestServer({ dataDir: dir.path, config: changed });
    const third = await AgentClient.connect(server.url, 'alice');
    await third.ok({ name: 'setStatus', status: 'ready' });
    await third.waitForOffer(strangers);
    await third.ok({ name: 'accept', interactionId: strangers });
    // The file wins once it changed, and the unknown contact's interaction came along with the number.
    expect(shown(third, strangers).contact).toMatchObject({ id: 'lea-dubois', notes: 'Fichier mis à jour', emails: [] });
    third.close();
  });
});
