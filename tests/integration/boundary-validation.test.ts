import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type ServerFrame } from '../../lib/protocol';
import { sampleFrames, stringPaths, withString } from '../fixtures/client-frames';
import { AgentClient, RawSocket, signIn } from './helpers/agent';
import { freshPhone, postJson } from './helpers/simulator';
import { PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';

type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function signedIn(): Promise<RawSocket> {
  const { token } = await signIn(server.url, 'bob');
  const socket = await RawSocket.open(server.url);
  socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
  await socket.waitForFrame((f) => f.type === 'welcome');
  return socket;
}

const NASTY: [string, (old: string) => string][] = [
  ['a NUL', (old) => `${old}\u0000x`],
  ['a lone surrogate', (old) => `${old}\ud800`],
  ['a lone low surrogate', () => '\udc00'],
];

describe('strings the database cannot store', () => {
  it('answers every frame with a NUL or a lone surrogate in any string field (command id too) with bad_request naming the field, never internal', async () => {
    const socket = await signedIn();
    let cases = 0;
    for (const frame of sampleFrames()) {
      for (const path of stringPaths(frame).filter((p) => p !== 'type')) {
        for (const [, make] of NASTY) {
          const mark = socket.mark();
          socket.send(withString(frame, path, make));
          const answer = await socket.waitForFrame((f): f is ErrorFrame => f.type === 'error', mark);
          expect(answer.code, `${path} of ${JSON.stringify(frame)}`).toBe('bad_request');
          expect(answer.message).toContain(path);
          if (path !== 'id' && 'id' in frame) expect(answer.id).toBe(frame.id);
          cases += 1;
        }
      }
    }
    expect(cases).toBeGreaterThan(100);
    expect(server.logs.filter((line) => line.includes('failed'))).toEqual([]);
    socket.send({ type: 'ping' });
    await socket.waitForFrame((f) => f.type === 'pong');
  });

  it('refuses them in HTTP bodies too, naming the field, but keeps a customer text as it came', async () => {
    const signInAnswer = await postJson<{ error: { code: string; message: string } }>(`${server.url}/api/auth/sign-in`, { username: 'bob\u0000', password: 'x' });
    expect(signInAnswer.status).toBe(400);
    expect(signInAnswer.body.error.message).toContain('username: contains a NUL');
    const channel = await postJson<{ error: { message: string } }>(`${server.url}/api/simulator/channels`, { channel: 'sms\ud800', available: true });
    expect(channel.status).toBe(400);
    expect(channel.body.error.message).toContain('channel: contains a lone surrogate');
    const caseData = await postJson<{ error: { message: string } }>(`${server.url}/api/simulator/messages`, {
      from: freshPhone(),
      to: PAGE_NUMBER,
      text: 'hi',
      caseData: { campaign: 'spring\u0000' },
    });
    expect(caseData.status).toBe(400);
    expect(caseData.body.error.message).toContain('caseData.campaign: contains a NUL');
  });
});

describe('one command id, one command', () => {
  it('answers an id reused with another body with conflict naming the id, and the first command stands', async () => {
    const agent = await AgentClient.connect(server.url, 'alice');
    const first = await agent.command({ name: 'setStatus', status: 'ready' }, 'same-id');
    expect(first.type).toBe('ok');
    const again = await agent.command({ name: 'setStatus', status: 'ready' }, 'same-id');
    expect(again).toEqual(first);
    const other = await agent.command({ name: 'setStatus', status: 'not_ready' }, 'same-id');
    expect(other).toMatchObject({ type: 'error', code: 'conflict', message: expect.stringContaining('"same-id"') as string });
    expect(agent.state?.status).toBe('ready');
    agent.close();
  });

  it('answers a seq beyond the integer range with bad_request, not internal', async () => {
    const socket = await signedIn();
    for (const frame of [{ type: 'ack', seq: 1e300 }, { type: 'resume', lastSeq: 2 ** 63 }]) {
      const mark = socket.mark();
      socket.send(frame);
      const answer = await socket.waitForFrame((f): f is ErrorFrame => f.type === 'error', mark);
      expect(answer).toMatchObject({ code: 'bad_request', message: expect.stringContaining('at most 2^53 - 1') as string });
    }
  });
});
