import { afterEach, describe, expect, it } from 'vitest';
import type { DirectoryTarget } from '../../lib/protocol';
import { AgentClient } from './helpers/agent';
import { acceptNewCustomer, addCarol } from './helpers/desk';
import { demoConfig, startTestServer } from './helpers/server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function search(agent: AgentClient, query: string): Promise<DirectoryTarget[]> {
  const answer = await agent.ok({ name: 'listTargets', query });
  return (answer.result as { targets: DirectoryTarget[] }).targets;
}

const brief = (targets: DirectoryTarget[]) =>
  targets.map((t) => (t.kind === 'agent' ? `${t.name}: ${t.presence}${t.recent ? ' (recent)' : ''}` : `queue ${t.queue}: ${t.readyAgents} Ready${t.recent ? ' (recent)' : ''}`));

describe('Team Communicator', () => {
  it('lists colleagues with their presence and queues with how many are Ready; searches as one types; recent targets first', async () => {
    const server = await startTestServer({
      config: demoConfig((c) => {
        addCarol(c);
        c.agents[1]!.capacity = 1;
        c.queues.push({ name: 'facturation', description: 'Factures et paiements' });
      }),
    });
    cleanups.push(() => server.close());
    const alice = await AgentClient.connect(server.url, 'alice');
    cleanups.push(() => alice.close());

    expect(brief(await search(alice, ''))).toEqual(['Bob Durand: offline', 'Carol Petit: offline', 'queue claims: 0 Ready', 'queue facturation: 0 Ready', 'queue general: 0 Ready']);
    const bob = await AgentClient.connect(server.url, 'bob');
    const carol = await AgentClient.connect(server.url, 'carol');
    cleanups.push(() => bob.close(), () => carol.close());
    expect(brief(await search(alice, ''))).toEqual(['Bob Durand: not_ready', 'Carol Petit: not_ready', 'queue claims: 0 Ready', 'queue facturation: 0 Ready', 'queue general: 0 Ready']);
    await carol.ok({ name: 'setStatus', status: 'ready' });
    expect(brief(await search(alice, ''))).toEqual(['Carol Petit: ready', 'Bob Durand: not_ready', 'queue claims: 1 Ready', 'queue facturation: 0 Ready', 'queue general: 1 Ready']);
    // Busy: at capacity (Bob has 1), Ready or not.
    await bob.ok({ name: 'setStatus', status: 'ready' });
    await carol.ok({ name: 'setStatus', status: 'not_ready' });
    await acceptNewCustomer(server.url, bob, 'Pour Bob');
    expect(brief(await search(alice, ''))).toEqual(['Carol Petit: not_ready', 'Bob Durand: busy', 'queue claims: 0 Ready', 'queue facturation: 0 Ready', 'queue general: 0 Ready']);

    // Search as one types: start of any word, case and accents ignored; the extension for Voice.
    expect(await search(alice, 'DUR')).toEqual([{ kind: 'agent', agentId: 'bob', name: 'Bob Durand', presence: 'busy', extension: '1002', recent: false }]);
    expect(brief(await search(alice, 'carol p'))).toEqual(['Carol Petit: not_ready']);
    expect(brief(await search(alice, 'paiement'))).toEqual(['queue facturation: 0 Ready']);
    expect(brief(await search(alice, 'gén'))).toEqual(['queue general: 0 Ready']);
    expect(await search(alice, 'alice')).toEqual([]);
    expect(await search(alice, '<script>')).toEqual([]);
    expect(await alice.command({ name: 'listTargets', query: 'x'.repeat(101) })).toMatchObject({ type: 'error', code: 'bad_request' });

    // Recents: the targets Alice used last come first, newest first, on the server.
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await acceptNewCustomer(server.url, alice, 'Pour Alice');
    await alice.ok({ name: 'startConsultation', interactionId, agentId: 'carol' });
    expect(brief(await search(alice, ''))[0]).toBe('Carol Petit: not_ready (recent)');
    await carol.ok({ name: 'setStatus', status: 'ready' });
    await alice.ok({ name: 'transfer', interactionId, target: { kind: 'queue', queue: 'general' } });
    // (Carol has the transfer's offer, and room for two more.)
    expect(brief(await search(alice, ''))).toEqual([
      'queue general: 1 Ready (recent)',
      'Carol Petit: ready (recent)',
      'Bob Durand: busy',
      'queue claims: 1 Ready',
      'queue facturation: 0 Ready',
    ]);
    // They follow Alice to another desktop.
    const elsewhere = await AgentClient.connect(server.url, 'alice');
    cleanups.push(() => elsewhere.close());
    expect(brief(await search(elsewhere, ''))[0]).toBe('queue general: 1 Ready (recent)');
  });
});
