import { afterAll, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { shown, takeInteraction } from './helpers/contact-desk';
import { PAGE_NUMBER, SESSION_NUMBER, startTestServer, tempDataDir } from './helpers/server';
import { freshPhone } from './helpers/simulator';
import { useDesk } from './helpers/use-desk';

const TZ = 'Europe/Paris';

describe('callbacks', () => {
  const desk = useDesk();

  it('offers the callback interaction to the agent who scheduled it, seconds later, with the note and the contact', async () => {
    const { server, alice } = desk;
    const phone = freshPhone();
    const source = await takeInteraction(server.url, alice, phone, SESSION_NUMBER, 'Rappelez-moi dans un moment');
    const contactId = shown(alice, source).contact!.id;
    const dueAt = Date.now() + 1500;
    const scheduled = await alice.ok({ name: 'scheduleCallback', interactionId: source, dueAt, timeZone: TZ, phone, note: 'Confirmer le rendez-vous' });
    const callbackId = scheduled.result?.callbackId as string;
    expect(alice.state?.callbacks).toEqual([
      { id: callbackId, dueAt, timeZone: TZ, phone, contactId, note: 'Confirmer le rendez-vous', sourceInteractionId: source },
    ]);
    await alice.ok({ name: 'markDone', interactionId: source });

    const mark = alice.mark();
    const offered = await alice.waitForEvent('offerMade', (e) => e.offer.interaction.callback?.id === callbackId, mark, 5000);
    expect(offered.at).toBeGreaterThanOrEqual(dueAt);
    const interaction = offered.offer.interaction;
    expect(interaction).toMatchObject({
      customer: { phone, contactId },
      centreNumber: SESSION_NUMBER,
      callback: { id: callbackId, note: 'Confirmer le rendez-vous', dueAt, scheduledBy: 'Alice Martin' },
    });
    expect(interaction.transcript).toEqual([expect.objectContaining({ kind: 'system', code: 'callback_offered', params: { name: 'Alice Martin' } })]);
    expect(alice.state?.callbacks).toEqual([]);
    // The callback interaction sits on the contact's history with the one it came from.
    await alice.ok({ name: 'accept', interactionId: interaction.id });
    const { history } = await alice.read({ query: 'contactHistory', contactId });
    expect(history.interactions.map((i) => i.id)).toEqual([interaction.id, source]);
    await alice.ok({ name: 'markDone', interactionId: interaction.id });
  });

  it('goes to the queue when the agent is not available at that time', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const source = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Rappel svp');
    await alice.ok({ name: 'scheduleCallback', interactionId: source, dueAt: Date.now() + 800, timeZone: TZ, phone, note: 'Pour Bob si Alice est absente' });
    await alice.ok({ name: 'markDone', interactionId: source });
    await alice.ok({ name: 'setStatus', status: 'not_ready' });
    await bob.ok({ name: 'setStatus', status: 'ready' });
    try {
      const offered = await bob.waitForEvent('offerMade', (e) => e.offer.interaction.callback?.note === 'Pour Bob si Alice est absente', 0, 5000);
      expect(offered.offer.interaction.customer.phone).toBe(phone);
      // Bob handles the callback, so he may read the contact's history.
      await bob.ok({ name: 'accept', interactionId: offered.offer.interaction.id });
      const { history } = await bob.read({ query: 'contactHistory', contactId: offered.offer.interaction.contact!.id });
      expect(history.interactions.map((i) => i.id)).toContain(source);
      await bob.ok({ name: 'markDone', interactionId: offered.offer.interaction.id });
    } finally {
      await bob.ok({ name: 'setStatus', status: 'not_ready' });
      await alice.ok({ name: 'setStatus', status: 'ready' });
    }
  });

  it('moves and cancels a scheduled callback, only its owner, only while scheduled, only into the future', async () => {
    const { server, alice, bob } = desk;
    const phone = freshPhone();
    const source = await takeInteraction(server.url, alice, phone, PAGE_NUMBER, 'Plus tard');
    const later = Date.now() + 3600_000;
    const schedule = (note: string, dueAt = later) => alice.ok({ name: 'scheduleCallback', interactionId: source, dueAt, timeZone: TZ, phone, note });
    const moved = (await schedule('à avancer')).result?.callbackId as string;
    const cancelled = (await schedule('à annuler')).result?.callbackId as string;

    expect(await alice.command({ name: 'scheduleCallback', interactionId: source, dueAt: Date.now() - 1000, timeZone: TZ, phone, note: '' })).toMatchObject({
      type: 'error',
      code: 'bad_request',
      message: 'Choose a time in the future for the callback.',
    });
    expect(await alice.command({ name: 'scheduleCallback', interactionId: source, dueAt: later, timeZone: 'Mars/Olympus', phone, note: '' })).toMatchObject({
      type: 'error',
      code: 'bad_request',
      message: '"Mars/Olympus" is not a time zone such as Europe/Paris.',
    });
    expect(await bob.command({ name: 'scheduleCallback', interactionId: source, dueAt: later, timeZone: TZ, phone, note: '' })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await bob.command({ name: 'moveCallback', callbackId: moved, dueAt: later + 1 })).toMatchObject({ type: 'error', code: 'forbidden' });
    expect(await bob.command({ name: 'cancelCallback', callbackId: moved })).toMatchObject({ type: 'error', code: 'forbidden' });

    await alice.ok({ name: 'cancelCallback', callbackId: cancelled });
    expect(await alice.command({ name: 'moveCallback', callbackId: cancelled, dueAt: later })).toMatchObject({
      type: 'error',
      code: 'conflict',
      message: 'This callback was cancelled.',
    });
    const soon = Date.now() + 700;
    await alice.ok({ name: 'moveCallback', callbackId: moved, dueAt: soon, timeZone: 'America/Montreal' });
    expect(alice.state?.callbacks?.map((c) => [c.id, c.dueAt, c.timeZone])).toEqual([[moved, soon, 'America/Montreal']]);
    await alice.ok({ name: 'markDone', interactionId: source });

    const mark = alice.mark();
    const offered = await alice.waitForEvent('offerMade', (e) => e.offer.interaction.callback?.id === moved, mark, 5000);
    expect(offered.at).toBeGreaterThanOrEqual(soon);
    await alice.ok({ name: 'accept', interactionId: offered.offer.interaction.id });
    await alice.ok({ name: 'markDone', interactionId: offered.offer.interaction.id });
    expect(alice.applied.some((e) => e.event.type === 'offerMade' && e.event.offer.interaction.callback?.id === cancelled)).toBe(false);
    expect(await alice.command({ name: 'cancelCallback', callbackId: moved })).toMatchObject({ type: 'error', code: 'conflict' });
  });
});

describe('a callback across a server restart', () => {
  const dir = tempDataDir();
  afterAll(() => dir.remove());

  it('falls due while the server is down and is offered when it is back', async () => {
    let server = await startTestServer({ dataDir: dir.path });
    let alice = await AgentClient.connect(server.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const phone = freshPhone();
    const source = await takeInteraction(server.url, alice, phone, SESSION_NUMBER, 'Rappelez-moi après la maintenance');
    const dueAt = Date.now() + 1000;
    await alice.ok({ name: 'scheduleCallback', interactionId: source, dueAt, timeZone: TZ, phone, note: 'Après la maintenance' });
    await alice.ok({ name: 'markDone', interactionId: source });
    alice.close();
    await server.close();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, dueAt - Date.now()) + 200));

    server = await startTestServer({ dataDir: dir.path });
    try {
      alice = await AgentClient.connect(server.url, 'alice');
      const offer = await alice.socket.waitUntil(
        () => alice.state?.offers.find((o) => o.interaction.callback?.note === 'Après la maintenance'),
        'the callback offer',
      );
      expect(offer.interaction.customer.phone).toBe(phone);
      expect(alice.state?.callbacks).toEqual([]);
      alice.close();
    } finally {
      await server.close();
    }
  });
});
