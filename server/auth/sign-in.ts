import type { AgentProfile } from '../../lib/protocol';
import type { ServerContext } from '../context';
import { DomainError } from '../domain/errors';
import { decoyPasswordHash, verifyPassword } from './password';
import { issueToken } from './tokens';

const WRONG = 'Wrong username or password. Check both and try again.';

export async function signIn(ctx: ServerContext, username: string, password: string): Promise<{ token: string; agent: AgentProfile }> {
  const [agent] = await ctx.db.query<{ id: string; username: string; name: string; password_hash: string }>(
    'SELECT id, username, name, password_hash FROM agents WHERE username = $1 AND active',
    [username.trim().toLowerCase()],
  );
  // An unknown username costs the same scrypt work as a wrong password: timing tells nothing.
  const matches = await verifyPassword(password, agent?.password_hash ?? (await decoyPasswordHash()));
  if (!agent || !matches) throw new DomainError('unauthorized', WRONG);
  const token = await issueToken(ctx.db, agent.id, Date.now(), ctx.config.auth.tokenLifetimeDays);
  return { token, agent: { id: agent.id, username: agent.username, name: agent.name } };
}
