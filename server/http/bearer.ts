import type { IncomingMessage } from 'node:http';
import { verifyToken } from '../auth/tokens';
import type { ServerContext } from '../context';
import { HttpError } from './respond';

/** The token of `Authorization: Bearer <token>`, or a 401 saying how to send it. */
export function bearerToken(req: IncomingMessage): string {
  const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '');
  if (!match?.[1]) throw new HttpError('unauthorized', 'Send the token as "Authorization: Bearer <token>".');
  return match[1];
}

/** The agent a request's bearer token signs in, or a 401 when it is unknown, revoked or expired. */
export async function requireAgent(ctx: ServerContext, req: IncomingMessage): Promise<string> {
  const agentId = await verifyToken(ctx.db, bearerToken(req), Date.now(), ctx.config.auth.tokenLifetimeDays);
  if (!agentId) throw new HttpError('unauthorized', 'Your session has expired or was signed out. Sign in again.');
  return agentId;
}
