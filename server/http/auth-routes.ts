import { CloseCode, SignInRequest } from '../../lib/protocol';
import { signIn } from '../auth/sign-in';
import { AddressThrottle, sprayAddress } from '../auth/address-throttle';
import { GateFull, PasswordGate } from '../auth/password-gate';
import { SignInThrottle, throttleKey } from '../auth/sign-in-throttle';
import { hashToken, revokeToken } from '../auth/tokens';
import { setAgentStatus } from '../commands/status';
import type { ServerContext } from '../context';
import { runWork } from '../domain/work';
import { returnInteractionsToQueue } from '../routing/requeue';
import { readJsonBody } from './body';
import { HttpError, sendJson, sendNoContent } from './respond';
import type { Route } from './router';

/** A refusal that names how long to wait, in the message and in Retry-After. */
const waitThen = (code: 'too_many_attempts' | 'unavailable', reason: string, seconds: number) =>
  new HttpError(code, `${reason} Wait ${seconds} s, then sign in again.`, undefined, { 'Retry-After': String(seconds) });

export function authRoutes(ctx: ServerContext): Route[] {
  const { freeSignInAttempts, signInLockSeconds, maxSignInLockSeconds, wrongPasswordsPerAddressPerMinute } = ctx.config.auth;
  const perUsername = new SignInThrottle({ freeAttempts: freeSignInAttempts, lockSeconds: signInLockSeconds, maxLockSeconds: maxSignInLockSeconds });
  const perAddress = new AddressThrottle(wrongPasswordsPerAddressPerMinute);
  const gate = new PasswordGate();
  return [
    {
      path: '/api/auth/sign-in',
      cors: true,
      async POST(req, res) {
        const body = await readJsonBody(req, SignInRequest);
        const address = sprayAddress(req.socket.remoteAddress);
        // Both limits are checked before the password: while either holds, guessing gains nothing
        // and costs the server no scrypt.
        const addressWait = perAddress.attempt(address, Date.now());
        if (addressWait > 0) throw waitThen('too_many_attempts', 'Too many wrong passwords from this address.', addressWait);
        const key = throttleKey(body.username, address);
        const wait = perUsername.attempt(key, Date.now());
        if (wait > 0) {
          perAddress.giveBack(address, Date.now());
          throw waitThen('too_many_attempts', 'Too many wrong passwords for this username.', wait);
        }
        const response = await gate.run(address, () => signIn(ctx, body.username, body.password)).catch((error: unknown) => {
          if (!(error instanceof GateFull)) throw error;
          // Not checked, so not a wrong password from this address (the username's count keeps it:
          // filling the queue must not be a way to reset it).
          perAddress.giveBack(address, Date.now());
          throw error.who === 'address'
            ? waitThen('too_many_attempts', 'Too many sign-ins from this address at once.', 1)
            : waitThen('unavailable', 'The server is busy checking other sign-ins.', 2);
        });
        perAddress.giveBack(address, Date.now());
        perUsername.succeeded(key);
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
