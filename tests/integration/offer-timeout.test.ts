import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from './helpers/agent';
import { demoConfig, PAGE_NUMBER, startTestServer, tempDataDir, type TestServer } from './helpers/server';
import { freshPhone, textCentre } from './helpers/simulator';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function track(server: TestServer): TestServer {
  cleanups.push(() => server.close());
  return server;
}

describe('offer timeout', () => {
  it('ends an unanswered offer after the timeout and offers the interaction to the next Ready agent', async () => {
    const server = track(await startTestServer({ config: demoConfig((c) => (c.routing.offerTimeoutSeconds = 2)) }));
    const alice = await AgentClient.connect(server.url, 'alice');
    const bob = await AgentClient.connect(server.url, 'bob');
    cleanups.push(() => alice.close(), () => bob.close());
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Allô ?');
    const offer = await alice.waitForOffer(interactionId);
    expect(offer.expiresAt - offer.offeredAt).toBe(2000);
    await bob.ok({ name: 'setStatus', status: 'ready' });
    expect(bob.state?.offers).toEqual([]);

    const ended = await alice.waitForEvent('offerEnded', (e) => e.interactionId === interactionId, 0, 5000);
    expect(ended.reason).toBe('timeout');
    expect(ended.at).toBeGreaterThanOrEqual(offer.expiresAt);
    expect(alice.state?.offers).toEqual([]);
    const next = await bob.waitForOffer(interactionId);
    expect(next.offeredAt).toBeGreaterThanOrEqual(offer.expiresAt);
  });

  it('keeps an offer deadline across a server restart on the same data directory', async () => {
    const dir = tempDataDir();
    cleanups.push(() => dir.remove());
    const timeout = 3;
    const config = demoConfig((c) => (c.routing.offerTimeoutSeconds = timeout));
    const first = await startTestServer({ config, dataDir: dir.path });
    const alice = await AgentClient.connect(first.url, 'alice');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(first.url, freshPhone(), PAGE_NUMBER, 'Vous êtes ouverts demain ?');
    const offer = await alice.waitForOffer(interactionId);
    alice.close();
    await first.close();

    const restartedAt = Date.now();
    const second = track(await startTestServer({ config, dataDir: dir.path }));
    // Same client state, new server: it resumes from the seq it had.
    await alice.reconnect(second.url);
    const ended = await alice.waitForEvent('offerEnded', (e) => e.interactionId === interactionId, 0, (timeout + 3) * 1000);
    cleanups.push(() => alice.close());
    expect(ended.reason).toBe('timeout');
    // Fired at the stored deadline, not a new one counted from the restart.
    expect(ended.at).toBeGreaterThanOrEqual(offer.expiresAt);
    expect(ended.at).toBeLessThan(restartedAt + timeout * 1000);
  });
});
