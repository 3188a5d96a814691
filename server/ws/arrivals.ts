import type { ServerContext } from '../context';
import { runWork } from '../domain/work';
import { agentBack } from '../routing/requeue';
import { routeWaiting } from '../routing/route';

/**
 * What an agent's hello sets off (cancel its absence deadline, route what waits to it), done for
 * every agent who said hello meanwhile in one unit of work. After a restart a whole contact centre
 * says hello within a second: one transaction (one fsync, one routing pass) per batch instead of
 * one per agent keeps the embedded database from queueing the welcomes behind each other.
 */
export class Arrivals {
  private readonly waiting = new Set<string>();
  private next: Promise<void> | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: ServerContext) {}

  /** Resolves once the agent's arrival is done (with those of the agents in the same batch). */
  arrived(agentId: string): Promise<void> {
    this.waiting.add(agentId);
    this.next ??= this.running.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(() => this.flush());
    return this.next;
  }

  private flush(): Promise<void> {
    const agents = [...this.waiting];
    this.waiting.clear();
    this.next = undefined;
    const done = runWork(this.ctx, async (work) => {
      for (const agentId of agents) await agentBack(work, agentId);
      await routeWaiting(work);
    });
    this.running = done.catch(() => undefined);
    return done;
  }
}
