import { isIP } from 'node:net';
import type { TextoConfig } from '../config';
import { verifyPassword } from './password';

export const DEMO_PASSWORD = 'texto-demo';

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '::ffff:127.0.0.1';
}

/**
 * The demo password is public (it is in the README): an agent that still has it must not be
 * reachable from other machines. Throws before anything listens.
 */
export async function refuseDemoPasswordsBeyondLoopback(host: string, config: TextoConfig): Promise<void> {
  if (isLoopback(host)) return;
  const exposed = await agentsWithDemoPassword(config);
  if (exposed.length > 0) {
    throw new Error(
      `Refusing to listen on ${host}: agent(s) ${exposed.join(', ')} still have the demo password "${DEMO_PASSWORD}". ` +
        'Give them their own passwords (npm run hash-password) or listen on 127.0.0.1.',
    );
  }
}

/**
 * The usernames whose password is still the demo one (the start banner shows it beside them).
 * One scrypt per distinct hash, one at a time: the banner runs while the server already serves,
 * and 100 checks at once would take both cores from the agents reconnecting after a restart
 * (bench/reconnect.ts).
 */
export async function agentsWithDemoPassword(config: TextoConfig): Promise<string[]> {
  const isDemo = new Map<string, boolean>();
  const found: string[] = [];
  for (const agent of config.agents) {
    let demo = isDemo.get(agent.passwordHash);
    if (demo === undefined) {
      demo = await verifyPassword(DEMO_PASSWORD, agent.passwordHash);
      isDemo.set(agent.passwordHash, demo);
    }
    if (demo) found.push(agent.username);
  }
  return found;
}
