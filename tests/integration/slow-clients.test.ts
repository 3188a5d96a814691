import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, PROTOCOL_VERSION } from '../../lib/protocol';
import { RawSocket, signIn } from './helpers/agent';
import { freshPhone, postJson, textCentre } from './helpers/simulator';
import { demoConfig, eventually, PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
const sockets: Socket[] = [];
beforeAll(async () => {
  server = await startTestServer({
    config: demoConfig((c) => {
      c.server.requestTimeoutSeconds = 2;
      c.server.helloTimeoutSeconds = 1;
      c.server.maxSocketsPerAddress = 40;
      c.server.maxInboundInFlight = 1;
    }),
  });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await server.close();
});

/** A raw TCP client: what it received, and when the server closed it. */
function rawHttp(): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(server.port, '127.0.0.1');
    sockets.push(socket);
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    const closed = new Promise<number>((done) => socket.on('close', () => done(Date.now() - started)));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

const head = (path: string, length: number) =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('slow and greedy HTTP clients', () => {
  it('answers 408 and closes when a Content-Length is larger than the body sent', async () => {
    const client = await rawHttp();
    client.socket.write(head('/api/auth/sign-in', 100) + '{"username":');
    const after = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(after).toBeLessThan(6000);
  });

  it('answers 408 to a body dripped one byte at a time, however steady the drip', async () => {
    const client = await rawHttp();
    client.socket.write(head('/api/auth/sign-in', 10_000));
    const drip = setInterval(() => client.socket.writable && client.socket.write(' '), 100);
    const after = await client.closed;
    clearInterval(drip);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(after).toBeLessThan(6000);
  });

  it('refuses a JSON body over what the route accepts with 413, without reading it', async () => {
    const answer = await postJson<{ error: { code: string } }>(`${server.url}/api/auth/sign-in`, { username: 'x'.repeat(20_000), password: 'p' });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('too_large');
  });

  it('keeps at most maxSocketsPerAddress connections open from one address', async () => {
    const clients = await Promise.all(Array.from({ length: 45 }, () => rawHttp()));
    const closedAt = await Promise.all(clients.map((c) => Promise.race([c.closed.then(() => true), new Promise((r) => setTimeout(() => r(false), 500))])));
    // 40 allowed (the test's own fetches share the budget only while they run).
    expect(closedAt.filter(Boolean).length).toBe(5);
    for (const client of clients) client.socket.destroy();
    expect(server.logs.filter((line) => line.includes('refusing connections from')).length).toBe(1);
    // Once the server has seen them go, the address may connect again.
    await eventually(() => fetch(`${server.url}/api/simulator/setup`).then((r) => r.ok, () => false), 'a new connection to be accepted');
  });

  it('answers an inbound text past the server capacity with 503 and Retry-After, and takes it when retried', async () => {
    const slow = await rawHttp();
    // "100 Continue" says the server is handling it (holding the one place) before the body.
    slow.socket.write(head('/api/simulator/messages', 500).replace('\r\n\r\n', '\r\nExpect: 100-continue\r\n\r\n'));
    await eventually(() => slow.received().startsWith('HTTP/1.1 100'), 'the slow request to be taken');
    slow.socket.write('{"from":');
    const body = { from: freshPhone(), to: PAGE_NUMBER, text: 'hello' };
    const busy = await postJson(`${server.url}/api/simulator/messages`, body);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('1');
    await slow.closed;
    expect((await postJson(`${server.url}/api/simulator/messages`, body)).status).toBe(202);
  });
});

describe('WebSocket clients', () => {
  it('closes a socket that never says hello (even one that pings) after the hello timeout', async () => {
    const socket = await RawSocket.open(server.url);
    socket.send({ type: 'ping' });
    await socket.waitForFrame((f) => f.type === 'pong');
    const closed = await socket.waitForClose(4000);
    expect(closed.code).toBe(CloseCode.helloTimeout);
  });

  it('takes a burst of 600 commands from one client without cutting it off, answering every one', async () => {
    const { token } = await signIn(server.url, 'bob');
    const socket = await RawSocket.open(server.url);
    socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
    await socket.waitForFrame((f) => f.type === 'welcome');
    const mark = socket.mark();
    for (let i = 0; i < 600; i++) {
      socket.send({ type: 'command', id: `burst-${i}`, command: { name: 'setStatus', status: i % 2 ? 'ready' : 'not_ready' } });
    }
    for (let i = 0; i < 300; i++) socket.send({ type: 'ack', seq: 0 });
    await socket.waitUntil(() => (socket.frames.slice(mark).filter((f) => f.type === 'ok').length === 600 ? true : undefined), '600 answers', 60_000);
    expect(socket.closed).toBeUndefined();
    expect(server.logs.filter((line) => line.includes('frames')).length).toBe(0);
    socket.close();
  }, 90_000);

});

describe('a socket that stops reading', () => {
  it('is dropped once its unsent output passes maxSendBufferBytes; the agent’s other socket goes on', async () => {
    const small = await startTestServer({ config: demoConfig((c) => (c.server.maxSendBufferBytes = 64 * 1024)) });
    try {
      const { token } = await signIn(small.url, 'alice');
      const open = async () => {
        const socket = await RawSocket.open(small.url);
        socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
        await socket.waitForFrame((f) => f.type === 'welcome');
        const since = socket.mark();
        socket.send({ type: 'resume', lastSeq: 0 });
        await socket.waitForFrame((f) => f.type === 'snapshot', since);
        return socket;
      };
      const stalled = await open();
      const working = await open();
      const answered = async (id: string, command: unknown) => {
        const since = working.mark();
        working.send({ type: 'command', id, command });
        const answer = await working.waitForFrame((f) => (f.type === 'ok' || f.type === 'error') && f.id === id, since, 10_000);
        expect(answer.type, id).toBe('ok');
      };
      await answered('ready', { name: 'setStatus', status: 'ready' });
      const since = working.mark();
      const { interactionId } = await textCentre(small.url, freshPhone(), PAGE_NUMBER, 'Bonjour');
      await working.waitForFrame((f) => f.type === 'event' && f.event.type === 'offerMade', since);
      await answered('accept', { name: 'accept', interactionId });

      // The stalled client stops reading: the kernel's buffers fill, then the server's. Each note
      // (10,000 characters) is an event for both of alice's sockets.
      (stalled.ws as unknown as { _socket: Socket })._socket.pause();
      let notes = 0;
      while (!small.logs.some((line) => line.includes('stopped reading')) && notes < 3000) {
        await answered(`note-${notes}`, { name: 'setNote', interactionId, note: `${notes} `.padEnd(10_000, 'x') });
        notes += 1;
      }
      expect(small.logs.find((line) => line.includes('stopped reading'))).toMatch(/^ws: dropping a connection of alice that stopped reading \(\d+ bytes unsent\)$/);
      // Nothing more was kept for it: once it reads again, what the kernel held arrives and the socket is closed.
      (stalled.ws as unknown as { _socket: Socket })._socket.resume();
      await stalled.waitForClose(10_000);
      // The agent's other socket was never cut and still answers.
      await answered('after-drop', { name: 'setStatus', status: 'not_ready' });
      expect(working.closed).toBeUndefined();
      working.close();
    } finally {
      await small.close();
    }
  }, 60_000);
});
