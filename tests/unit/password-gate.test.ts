import { describe, expect, it } from 'vitest';
import { GateFull, PasswordGate } from '../../server/auth/password-gate';

/** A check that finishes when the test says so, recording when it started. */
function heldCheck(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<string>((resolve) => (finish = () => resolve(name)));
  return { check: () => (started.push(name), done), finish: () => finish() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the password gate', () => {
  it('runs a few checks at once and starts the waiting ones round-robin by address, not first come first served', async () => {
    const gate = new PasswordGate({ concurrent: 1, queued: 10, queuedPerAddress: 10 });
    const started: string[] = [];
    const checks = new Map<string, ReturnType<typeof heldCheck>>();
    const results: Promise<string>[] = [];
    // The sprayer queues four checks before the agent's one arrives.
    for (const [address, name] of [
      ['10.0.0.9', 's1'],
      ['10.0.0.9', 's2'],
      ['10.0.0.9', 's3'],
      ['10.0.0.9', 's4'],
      ['10.0.0.1', 'agent'],
    ] as const) {
      const held = heldCheck(started, name);
      checks.set(name, held);
      results.push(gate.run(address, held.check));
    }
    for (const name of ['s1', 's2', 'agent', 's3', 's4']) {
      await settle();
      expect(started.at(-1)).toBe(name);
      checks.get(name)!.finish();
    }
    expect(await Promise.all(results)).toEqual(['s1', 's2', 's3', 's4', 'agent']);
  });

  it('refuses at once past its bounds; a newcomer pushes out the address with the most waiting, and 503 only when all wait alike', async () => {
    const gate = new PasswordGate({ concurrent: 1, queued: 3, queuedPerAddress: 2 });
    const started: string[] = [];
    const running = heldCheck(started, 'running');
    const first = gate.run('a', running.check);
    const a1 = gate.run('a', heldCheck(started, 'a1').check);
    const a2 = gate.run('a', heldCheck(started, 'a2').check);
    await expect(gate.run('a', heldCheck(started, 'a3').check)).rejects.toEqual(new GateFull('address'));
    const b1 = gate.run('b', heldCheck(started, 'b1').check);
    // The queue is full (a1, a2, b1): c, with nothing waiting, takes a2's place.
    const c1 = gate.run('c', heldCheck(started, 'c1').check);
    await expect(a2).rejects.toEqual(new GateFull('address'));
    // Now a, b and c wait one each: nobody to push out.
    await expect(gate.run('c', heldCheck(started, 'c2').check)).rejects.toEqual(new GateFull('server'));
    running.finish();
    expect(await first).toBe('running');
    await settle();
    expect(started).toEqual(['running', 'a1']);
    void [a1, b1, c1];
  });

  it('frees the slot of a check that fails', async () => {
    const gate = new PasswordGate({ concurrent: 1, queued: 1, queuedPerAddress: 1 });
    const failing = gate.run('a', () => Promise.reject(new Error('scrypt failed')));
    const next = gate.run('b', () => Promise.resolve('checked'));
    await expect(failing).rejects.toThrow('scrypt failed');
    expect(await next).toBe('checked');
  });
});
