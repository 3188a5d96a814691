import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopback } from '../auth/demo-guard';
import type { TextoConfig } from '../config';
import { HttpError } from './respond';
import type { Route } from './router';

/** Shorter than this, a token is guessable. */
export const MIN_SIMULATOR_TOKEN_LENGTH = 16;

/**
 * The simulator's own token, read from the variable `simulator.tokenEnv` names; undefined without
 * one. Throws before anything listens when the simulator is on beyond loopback without a token
 * (anyone on the network could read every phone's thread and inject customers' texts), or when
 * the named variable is missing or short.
 */
export function simulatorToken(config: TextoConfig, host: string, env: NodeJS.ProcessEnv): string | undefined {
  const { enabled, tokenEnv } = config.simulator;
  if (!enabled) return undefined;
  if (tokenEnv === undefined) {
    if (isLoopback(host)) return undefined;
    throw new Error(
      `Refusing to listen on ${host} with the phone simulator on and no token: anyone who reaches the server could read and send customers' texts. ` +
        `Set simulator.enabled: false, or name a variable in simulator.tokenEnv that holds a token of at least ${MIN_SIMULATOR_TOKEN_LENGTH} characters.`,
    );
  }
  const token = env[tokenEnv]?.trim() ?? '';
  if (token.length < MIN_SIMULATOR_TOKEN_LENGTH) {
    throw new Error(`simulator.tokenEnv names ${tokenEnv}, which ${token ? `holds only ${token.length} characters` : 'is not set'}: give it a token of at least ${MIN_SIMULATOR_TOKEN_LENGTH} characters (e.g. openssl rand -hex 16).`);
  }
  return token;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkToken(req: IncomingMessage, token: string): void {
  const given = /^Bearer (\S{1,500})$/.exec(req.headers.authorization ?? '')?.[1];
  if (!given || !sameToken(given, token)) {
    throw new HttpError('unauthorized', 'The phone simulator needs its token: send "Authorization: Bearer <token>" (the page asks for it once).');
  }
}

/** The simulator's API routes, each answering only with the token when there is one. */
export function withSimulatorToken(routes: Route[], token: string | undefined): Route[] {
  if (token === undefined) return routes;
  return routes.map((route) => ({
    ...route,
    ...(route.GET ? { GET: (req, res, url) => (checkToken(req, token), route.GET!(req, res, url)) } : {}),
    ...(route.POST ? { POST: (req, res, url) => (checkToken(req, token), route.POST!(req, res, url)) } : {}),
  }));
}
