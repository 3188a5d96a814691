import { afterAll, beforeAll } from 'vitest';
import { AgentClient } from './agent';
import { startTestServer, type TestServer } from './server';

/** One demo contact centre for a describe block: its server, alice (Ready) and bob (Not Ready). */
export interface Desk {
  readonly server: TestServer;
  readonly alice: AgentClient;
  readonly bob: AgentClient;
}

/**
 * Registers beforeAll/afterAll in the calling describe block: a server with the demo
 * configuration, alice signed in and Ready, bob signed in and not Ready (so every offer goes to
 * alice until a test says otherwise). Read the getters inside tests, not while the block is
 * being declared: the desk exists only once beforeAll has run.
 */
export function useDesk(): Desk {
  let server: TestServer | undefined;
  let alice: AgentClient | undefined;
  let bob: AgentClient | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await AgentClient.connect(server.url, 'alice');
    bob = await AgentClient.connect(server.url, 'bob');
    await alice.ok({ name: 'setStatus', status: 'ready' });
  });
  afterAll(async () => {
    alice?.close();
    bob?.close();
    await server?.close();
  });
  const ready = <T>(part: T | undefined): T => {
    if (part === undefined) throw new Error('the desk is not set up: read it inside a test');
    return part;
  };
  return {
    get server() {
      return ready(server);
    },
    get alice() {
      return ready(alice);
    },
    get bob() {
      return ready(bob);
    },
  };
}
