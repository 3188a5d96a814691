import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, PROTOCOL_VERSION } from '../../lib/protocol';
import { startServer } from '../../server/app';
import { AgentClient, RawSocket } from './helpers/agent';
import { demoConfig, PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, postJson, textCentre } from './helpers/simulator';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const signInUrl = () => `${server.url}/api/auth/sign-in`;

describe('sign-in', () => {
  it('gives a token and the agent profile for the right password', async () => {
    const answer = await postJson<{ token: string; agent: unknown }>(signInUrl(), { username: 'bob', password: 'texto-demo' });
    expect(answer.status).toBe(200);
    expect(answer.body.agent).toEqual({ id: 'bob', username: 'bob', name: 'Bob Durand' });
    expect(answer.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a wrong password and an unknown user alike, with 401 unauthorized', async () => {
    const wrong = await postJson(signInUrl(), { username: 'bob', password: 'texto-demo!' });
    const unknown = await postJson(signInUrl(), { username: 'mallory', password: 'texto-demo' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: 'unauthorized', message: 'Wrong username or password. Check both and try again.' } });
    expect(unknown).toMatchObject({ status: 401, body: wrong.body });
  });

  it('refuses a body without a password with 400 naming the field', async () => {
    const answer = await postJson(signInUrl(), { username: 'bob' });
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining('password') as string } } });
  });
});

describe('repeated wrong passwords', () => {
  it('make that username wait with 429 and Retry-After, without checking the password, and a right one then clears the count', async () => {
    const strict = await startTestServer({
      config: demoConfig((c) => Object.assign(c.auth, { freeSignInAttempts: 2, signInLockSeconds: 1, maxSignInLockSeconds: 1 })),
    });
    try {
      const url = `${strict.url}/api/auth/sign-in`;
      for (let i = 0; i < 2; i++) expect((await postJson(url, { username: 'alice', password: 'guess' })).status).toBe(401);
      const locked = await postJson(url, { username: 'alice', password: 'texto-demo' });
      expect(locked.status).toBe(429);
      expect(locked.headers.get('retry-after')).toBe('1');
      expect(locked.body).toEqual({ error: { code: 'too_many_attempts', message: 'Too many wrong passwords for this username. Wait 1 s, then sign in again.' } });
      // Another agent on the same machine is not held up.
      expect((await postJson(url, { username: 'bob', password: 'texto-demo' })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await postJson(url, { username: 'alice', password: 'texto-demo' })).status).toBe(200);
      // The right password cleared the count: one more mistake is free again.
      expect((await postJson(url, { username: 'alice', password: 'guess' })).status).toBe(401);
      expect((await postJson(url, { username: 'alice', password: 'texto-demo' })).status).toBe(200);

      // Guesses sent all at once do not slip past the count while the first ones are checked.
      const burst = await Promise.all(Array.from({ length: 8 }, () => postJson(url, { username: 'bob', password: 'guess' })));
      expect(burst.map((answer) => answer.status).sort()).toEqual([401, 401, 429, 429, 429, 429, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('sign-out', () => {
  it('revokes the token, sets the agent Not Ready, gives its offers to others and closes its sockets', async () => {
    const alice = await AgentClient.connect(server.url, 'alice');
    const bob = await AgentClient.connect(server.url, 'bob');
    await alice.ok({ name: 'setStatus', status: 'ready' });
    const { interactionId } = await textCentre(server.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
    await alice.waitForOffer(interactionId);
    await bob.ok({ name: 'setStatus', status: 'ready' });

    const answer = await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST', headers: { Authorization: `Bearer ${alice.token}` } });
    expect(answer.status).toBe(204);
    expect(await alice.socket.waitForClose()).toEqual({ code: CloseCode.signedOut, reason: 'signed out' });
    await bob.waitForOffer(interactionId);

    // The token no longer opens a connection.
    const socket = await RawSocket.open(server.url);
    socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token: alice.token });
    expect(await socket.waitForFrame((f) => f.type === 'error')).toMatchObject({ code: 'unauthorized' });
    // Signing in again shows the agent Not Ready.
    const again = await AgentClient.connect(server.url, 'alice');
    expect(again.state?.status).toBe('not_ready');
    expect(again.state?.offers).toEqual([]);
    again.close();
    bob.close();
  });

  it('needs a bearer token', async () => {
    const answer = await fetch(`${server.url}/api/auth/sign-out`, { method: 'POST' });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});

describe('demo passwords', () => {
  it('refuses to listen beyond loopback while an agent has the demo password', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, dataDir: 'memory://', config: demoConfig(), log: () => {} })).rejects.toThrow(
      /Refusing to listen on 0\.0\.0\.0: agent\(s\) alice, bob still have the demo password/,
    );
  });
});
