import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, PROTOCOL_VERSION, type ServerFrame } from '../../lib/protocol';
import { AgentClient, RawSocket, signIn } from './helpers/agent';
import { demoConfig, startTestServer, type TestServer } from './helpers/server';

type ErrorFrame = Extract<ServerFrame, { type: 'error' }>;
const isError = (f: ServerFrame): f is ErrorFrame => f.type === 'error';

let server: TestServer;
const sockets: RawSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

async function open(): Promise<RawSocket> {
  const socket = await RawSocket.open(server.url);
  sockets.push(socket);
  return socket;
}

async function signedIn(): Promise<RawSocket> {
  const { token } = await signIn(server.url, 'bob');
  const socket = await open();
  socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
  await socket.waitForFrame((f) => f.type === 'welcome');
  return socket;
}

/** Sends `frame` and returns the error it gets. */
async function errorFor(socket: RawSocket, frame: unknown): Promise<ErrorFrame> {
  const mark = socket.mark();
  socket.send(frame);
  return socket.waitForFrame(isError, mark);
}

/** The connection still works: a ping gets its pong. */
async function stillUsable(socket: RawSocket): Promise<void> {
  const mark = socket.mark();
  socket.send({ type: 'ping' });
  await socket.waitForFrame((f) => f.type === 'pong', mark);
  expect(socket.closed).toBeUndefined();
}

describe('invalid frames', () => {
  it('answers each bad frame with a code and a message naming the problem, and keeps the connection', async () => {
    const socket = await signedIn();
    expect(await errorFor(socket, '{not json')).toMatchObject({ code: 'bad_frame', message: 'The frame is not valid JSON.' });
    expect(await errorFor(socket, '[1, 2]')).toMatchObject({ code: 'bad_frame', message: 'The frame must be a JSON object.' });
    expect(await errorFor(socket, { type: 'launchMissiles' })).toMatchObject({
      code: 'bad_frame',
      message: expect.stringContaining('Unknown frame type "launchMissiles"') as string,
    });
    expect(await errorFor(socket, { type: 'ack' })).toMatchObject({ code: 'bad_request', message: expect.stringContaining('seq') as string });
    const missing = await errorFor(socket, { type: 'command', id: 'c-1', command: { name: 'accept' } });
    expect(missing).toMatchObject({ id: 'c-1', code: 'bad_request', message: expect.stringContaining('interactionId') as string });
    expect(await errorFor(socket, { type: 'command', id: 'c-2', command: { name: 'transfer', to: 'bob' } })).toMatchObject({
      id: 'c-2',
      code: 'bad_request',
    });
    await stillUsable(socket);
  });

  it('answers a frame over the size limit with too_large and keeps the connection', async () => {
    const socket = await signedIn();
    const huge = JSON.stringify({ type: 'command', id: 'big', command: { name: 'reply', interactionId: 'x', text: 'a'.repeat(300 * 1024) } });
    const error = await errorFor(socket, huge);
    expect(error).toMatchObject({ code: 'too_large', message: expect.stringContaining('limit is 262144') as string });
    await stillUsable(socket);
  });

  it('answers binary frames with bad_frame', async () => {
    const socket = await signedIn();
    const mark = socket.mark();
    socket.ws.send(Buffer.from([1, 2, 3]));
    expect(await socket.waitForFrame(isError, mark)).toMatchObject({ code: 'bad_frame' });
    await stillUsable(socket);
  });
});

describe('opening a connection', () => {
  it('refuses frames before hello with not_signed_in, then accepts hello', async () => {
    const socket = await open();
    expect(await errorFor(socket, { type: 'resume', lastSeq: 0 })).toMatchObject({ code: 'not_signed_in' });
    expect(await errorFor(socket, { type: 'command', id: 'early', command: { name: 'setStatus', status: 'ready' } })).toMatchObject({
      id: 'early',
      code: 'not_signed_in',
    });
    const { token } = await signIn(server.url, 'bob');
    socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
    await socket.waitForFrame((f) => f.type === 'welcome');
    expect(await errorFor(socket, { type: 'hello', protocolVersion: PROTOCOL_VERSION, token })).toMatchObject({ code: 'bad_request' });
  });

  it('refuses another protocol version with unsupported_version and closes', async () => {
    const { token } = await signIn(server.url, 'bob');
    const socket = await open();
    const error = await errorFor(socket, { type: 'hello', protocolVersion: PROTOCOL_VERSION + 1, token });
    expect(error).toMatchObject({ code: 'unsupported_version', message: expect.stringContaining('Update the extension') as string });
    expect(await socket.waitForClose()).toEqual({ code: CloseCode.unsupportedVersion, reason: 'unsupported protocol version' });
  });

  it('refuses a wrong token with unauthorized and closes', async () => {
    const socket = await open();
    const error = await errorFor(socket, { type: 'hello', protocolVersion: PROTOCOL_VERSION, token: 'forged-token' });
    expect(error).toMatchObject({ code: 'unauthorized', message: expect.stringContaining('Sign in again') as string });
    expect(await socket.waitForClose()).toMatchObject({ code: CloseCode.unauthorized });
  });

  it('refuses a WebSocket on another path', async () => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}/elsewhere`);
    await expect(new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))).rejects.toThrow(/404/);
  });
});

describe('heartbeat', () => {
  it('drops a connection that stays silent, and keeps one that pings', async () => {
    const quick = await startTestServer({ config: demoConfig((c) => (c.server.heartbeatTimeoutSeconds = 1)) });
    const { token } = await signIn(quick.url, 'bob');
    const silent = await RawSocket.open(quick.url);
    silent.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
    const talkative = await AgentClient.connect(quick.url, 'alice');
    const pinging = setInterval(() => talkative.socket.send({ type: 'ping' }), 300);
    try {
      expect(await silent.waitForClose(4000)).toMatchObject({ code: CloseCode.heartbeatTimeout });
      expect(talkative.socket.closed).toBeUndefined();
    } finally {
      clearInterval(pinging);
      talkative.close();
      await quick.close();
    }
  });
});
