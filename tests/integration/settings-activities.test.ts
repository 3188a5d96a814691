import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, textCentre } from './helpers/simulator';

let server: TestServer | undefined;
const agents: AgentClient[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) agent.close();
  await server?.close();
  server = undefined;
});

async function connect(username: string) {
  const agent = await AgentClient.connect(server!.url, username);
  agents.push(agent);
  return agent;
}

describe('agent settings', () => {
  it('sends each agent the permissions the configuration gives them in every welcome', async () => {
    server = await startTestServer();
    const alice = await connect('alice');
    const bob = await connect('bob');
    expect((await alice.reconnect()).settings.permissions).toEqual(['media.save', 'contact.edit', 'contact.assign']);
    expect((await bob.reconnect()).settings.permissions).toEqual([]);
    // The click-to-dial and click-to-email targets of the configuration travel with them.
    expect((await bob.reconnect()).settings).toMatchObject({ dialer: { kind: 'tel' }, email: { kind: 'mailto' } });
  });
});

describe('activities', () => {
  it('records a call started from the transcript on the agent’s interaction, and refuses it on another’s', async () => {
    server = await startTestServer();
    const alice = await connect('alice');
    const bob = await connect('bob');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Rappelez-moi au 06 12 34 56 78');
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'accept', interactionId });

    const recorded = await alice.ok({
      name: 'recordActivity',
      interactionId,
      activity: 'call',
      target: '+33612345678',
      via: 'transcript',
    });
    expect(recorded.result?.activityId).toEqual(expect.any(String));
    // The transcript says it too: who called whom, and when.
    const line = await alice.waitForEvent('transcriptAppended', (e) => e.entry.kind === 'system' && e.entry.code === 'activity_call');
    expect(line.entry).toMatchObject({ params: { name: '+33612345678', agent: 'Alice Martin' } });
    const interaction = alice.state!.interactions.find((i) => i.id === interactionId)!;
    expect(interaction.transcript.at(-1)).toMatchObject({ kind: 'system', code: 'activity_call' });

    const refused = await bob.command({ name: 'recordActivity', interactionId, activity: 'email', target: 'x@example.com', via: 'contact_menu' });
    expect(refused).toMatchObject({ type: 'error', code: 'forbidden' });
  });
});
