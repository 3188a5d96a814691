import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { demoConfig, PAGE_NUMBER, startTestServer, tempDataDir } from './helpers/server';
import { postJson } from './helpers/simulator';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a second start on the same data directory', () => {
  it('keeps statuses, interactions and messages, and does not re-apply migrations', async () => {
    const dir = tempDataDir();
    cleanups.push(() => dir.remove());
    const first = await startTestServer({ dataDir: dir.path });
    expect(first.logs).toContain('database: applied migration 001_initial');
    const alice = await AgentClient.connect(first.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const phone = '+33698765432';
    const { id, interactionId } = (await postJson<{ id: string; interactionId: string }>(`${first.url}/api/simulator/messages`, {
      from: phone,
      to: PAGE_NUMBER,
      text: 'Avant le redémarrage',
    })).body;
    await alice.waitForOffer(interactionId);
    await alice.ok({ name: 'accept', interactionId });
    alice.close();
    await first.close();

    const second = await startTestServer({ dataDir: dir.path });
    cleanups.push(() => second.close());
    expect(second.logs.filter((line) => line.includes('applied migration'))).toEqual([]);
    const back = await AgentClient.connect(second.url, 'alice');
    cleanups.push(() => back.close());
    expect(back.state?.status).toBe('ready');
    expect(back.state?.interactions.map((i) => [i.id, i.customer.name, i.transcript.length])).toEqual([[interactionId, 'Hugo Moreau', 2]]); // the text and "Alice Martin joined"
    const listed = await fetch(`${second.url}/api/simulator/messages?phone=${encodeURIComponent(phone)}&direction=both`);
    expect(((await listed.json()) as { messages: { id: string }[] }).messages.map((m) => m.id)).toEqual([id]);
  });

  it('applies configuration changes: renamed agents, removed agents can no longer sign in', async () => {
    const dir = tempDataDir();
    cleanups.push(() => dir.remove());
    const first = await startTestServer({ dataDir: dir.path });
    await first.close();

    const changed = demoConfig((c) => {
      c.agents[0]!.name = 'Alice Martin-Leroy';
      c.agents.splice(1, 1);
    });
    const second = await startTestServer({ dataDir: dir.path, config: changed });
    cleanups.push(() => second.close());
    const alice = await AgentClient.connect(second.url, 'alice');
    cleanups.push(() => alice.close());
    expect(alice.state?.agent.name).toBe('Alice Martin-Leroy');
    const bob = await postJson(`${second.url}/api/auth/sign-in`, { username: 'bob', password: 'texto-demo' });
    expect(bob.status).toBe(401);
  });
});
