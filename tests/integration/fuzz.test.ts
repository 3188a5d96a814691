import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../lib/protocol';
import { sampleFrames, stringPaths } from '../fixtures/client-frames';
import { recordFigure } from '../support/figures';
import { RawSocket, signIn } from './helpers/agent';
import { freshPhone } from './helpers/simulator';
import { PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';

/** A few thousand in `npm test`; `FUZZ_CASES=100000` in the soak. */
const CASES = Number(process.env.FUZZ_CASES ?? 3000);

function seeded(seed: number) {
  let state = seed >>> 0;
  return (below: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % below;
  };
}
const random = seeded(20261203);
const pick = <T>(items: readonly T[]): T => items[random(items.length)]!;

const ODD_VALUES: unknown[] = [
  null, true, 0, -1, 1.5, 1e308, -1e308, 2 ** 64, '', ' ', 'x'.repeat(70), '\u0000', '\ud800', '\udfff', 'a\u202Eb',
  '<img src=x onerror=alert(1)>', 'javascript:alert(1)', [], [1, 2], {}, { nested: { deep: [null] } }, 'é'.repeat(6000),
];

/** Every kind of damage: a field of another type, NUL and lone surrogates, huge values, unknown or missing fields. */
function mutate(frame: Record<string, unknown>): unknown {
  const copy = structuredClone(frame);
  const paths = [...stringPaths(copy), ...leafPaths(copy)];
  const path = pick(paths.length ? paths : ['type']);
  switch (random(7)) {
    case 0:
      return setAt(copy, path, pick(ODD_VALUES));
    case 1:
      return setAt(copy, path, `${String(getAt(copy, path))}${pick(['\u0000', '\ud800', '\udc00x'])}`);
    case 2:
      return { ...copy, [pick(['extra', '__proto__', 'constructor', 'id\u0000'])]: pick(ODD_VALUES) };
    case 3:
      return deleteAt(copy, path);
    case 4:
      return setAt(copy, path, 'y'.repeat(pick([300, 5001, 70_000])));
    case 5:
      return JSON.stringify(copy).slice(0, random(60));
    default:
      return setAt(copy, path, pick([Number.MAX_SAFE_INTEGER + 2, -0, Number.MIN_VALUE, 1e21]));
  }
}

function leafPaths(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return path ? [path] : [];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, path ? `${path}.${key}` : key));
}
function parentOf(root: unknown, path: string): [Record<string, unknown>, string] {
  const keys = path.split('.');
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ?? {}) as Record<string, unknown>;
  return [node, keys.at(-1)!];
}
const getAt = (root: unknown, path: string) => {
  const [node, key] = parentOf(root, path);
  return node[key];
};
function setAt<T>(root: T, path: string, value: unknown): T {
  const [node, key] = parentOf(root, path);
  if (typeof node === 'object' && node !== null) node[key] = value;
  return root;
}
function deleteAt<T>(root: T, path: string): T {
  const [node, key] = parentOf(root, path);
  if (typeof node === 'object' && node !== null) delete node[key];
  return root;
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const internalLines = () => server.logs.filter((line) => / failed|frame failed|internal/.test(line));

describe('fuzz', () => {
  it(`answers ${CASES} mutated WebSocket frames without a crash, an internal error or a hang, memory bounded`, async () => {
    const { token } = await signIn(server.url, 'bob');
    const rssBefore = process.memoryUsage().rss;
    let socket = await RawSocket.open(server.url);
    let internal = 0;
    let hangs = 0;
    let reopened = 0;
    const hello = async () => {
      socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
      await socket.waitForFrame((f) => f.type === 'welcome');
    };
    await hello();
    const frames = sampleFrames();
    for (let i = 0; i < CASES; i++) {
      socket.send(mutate(pick(frames)));
      // Out of order too: now and then a socket that skips hello, or says it twice.
      if (i % 500 === 250) socket.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token });
      if (i % 50 === 49) {
        const mark = socket.mark();
        socket.send({ type: 'ping' });
        await socket.waitForFrame((f) => f.type === 'pong', mark, 10_000).catch(() => (hangs += 1));
        internal += socket.frames.filter((f) => f.type === 'error' && f.code === 'internal').length;
        if (socket.closed) {
          reopened += 1;
          socket = await RawSocket.open(server.url);
          await hello();
        } else socket.frames.length = 0;
      }
    }
    socket.close();
    const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    recordFigure(
      `fuzz ws: ${CASES} frames, ${internal} internal errors, ${hangs} hangs, ${internalLines().length} failures logged, ${reopened} sockets closed by the server, rss +${rssGrowthMb.toFixed(0)} MB`,
    );
    expect(internal).toBe(0);
    expect(hangs).toBe(0);
    expect(internalLines()).toEqual([]);
    expect(rssGrowthMb).toBeLessThan(400);
  }, 600_000);

  it(`answers ${Math.round(CASES / 3)} mutated HTTP bodies with a 4xx or a success, never 500, and stays up`, async () => {
    const seeds: [string, Record<string, unknown>][] = [
      ['/api/auth/sign-in', { username: 'nobody', password: 'wrong' }],
      ['/api/simulator/channels', { channel: 'sms', available: true }],
      ['/api/simulator/messages', { from: freshPhone(), to: PAGE_NUMBER, text: 'hello', caseData: { campaign: 'spring' } }],
    ];
    const statuses = new Map<number, number>();
    const cases = Math.round(CASES / 3);
    for (let i = 0; i < cases; i++) {
      const [path, body] = pick(seeds);
      const mutated = mutate(body);
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: typeof mutated === 'string' ? mutated : JSON.stringify(mutated),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    // Leave the channel as the other tests expect it.
    await fetch(`${server.url}/api/simulator/channels`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"channel":"sms","available":true}' });
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    recordFigure(`fuzz http: ${cases} bodies, statuses ${summary}, ${statuses.get(500) ?? 0} internal errors`);
    expect(statuses.get(500) ?? 0).toBe(0);
    expect([...statuses.keys()].every((status) => status < 500 || status === 503)).toBe(true);
    expect(internalLines()).toEqual([]);
  }, 600_000);
});
