import { CloseCode, SignInRequest, type SignInResponse } from '../../lib/protocol';
import { signIn } from '../auth/sign-in';
import { SignInThrottle, throttleKey } from '../auth/sign-in-throttle';
import { hashToken, revokeToken } from '../auth/tokens';
import { setAgentStatus } from '../commands/status';
import type { ServerContext } from '../context';
import { runWork } from '../domain/work';
import { returnInteractionsToQueue } from '../routing/requeue';
import { readJsonBody } from './body';
import { HttpError, sendJson, sendNoContent } from './respond';
import type { Route } from './router';

export function authRoutes(ctx: ServerContext): Route[] {
  const { freeSignInAttempts, signInLockSeconds, maxSignInLockSeconds } = ctx.config.auth;
  const throttle = new SignInThrottle({ freeAttempts: freeSignInAttempts, lockSeconds: signInLockSeconds, maxLockSeconds: maxSignInLockSeconds });
  return [
    {
      path: '/api/auth/sign-in',
      cors: true,
      async POST(req, res) {
        const body = await readJsonBody(req, SignInRequest);
        const key = throttleKey(body.username, req.socket.remoteAddress);
        const wait = throttle.attempt(key, Date.now());
        if (wait > 0) {
          // The password is not even checked while the pair waits: guessing gains nothing.
          throw new HttpError('too_many_attempts', `Too many wrong passwords for this username. Wait ${wait} s, then sign in again.`, undefined, {
            'Retry-After': String(wait),
          });
        }
        const response: SignInResponse = await signIn(ctx, body.username, body.password);
        throttle.succeeded(key);
        sendJson(res, 200, response);
      },
    },
    {
      path: '/api/auth/sign-out',
      cors: true,
      /** Revokes the token, sets the agent Not Ready (its offers go to others) and closes its sockets. */
      async POST(req, res) {
        const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(req.headers.authorization ?? '');
        if (!match?.[1]) throw new HttpError('unauthorized', 'Send the token as "Authorization: Bearer <token>".');
        const token = match[1];
        const agentId = await revokeToken(ctx.db, token);
        if (agentId) {
          await runWork(ctx, async (work) => {
            await setAgentStatus(work, agentId, 'not_ready');
            // Signed out: what they held goes to colleagues now, not after the absence time.
            await returnInteractionsToQueue(work, agentId, 'signed_out');
          });
          ctx.hub.closeToken(hashToken(token), CloseCode.signedOut, 'signed out');
        }
        // An unknown token is already signed out: same answer.
        sendNoContent(res);
      },
    },
  ];
}
