import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer } from '../../server/app';
import { hashPassword } from '../../server/auth/password';
import { demoConfig, PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { postJson } from './helpers/simulator';

// Who may reach the server from a browser: the Host header must name the server (a page that
// rebinds its own domain to 127.0.0.1 is refused), the Origin must be the extension, the server's
// own pages, a configured origin, or absent; the simulator asks for its own token when it has one.

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const PORTAL = 'https://crm.example.com';
const SIMULATOR_TOKEN = 'phone-simulator-token-0123456789';

/** A raw HTTP GET with any Host and Origin (fetch would not let a test forge Host). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The HTTP status an agent WebSocket upgrade gets (101 when it opens). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace('http', 'ws') + '/ws', { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    ws.on('error', (error) => {
      if (!/Unexpected server response/.test(error.message)) reject(error);
    });
  });
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    config: demoConfig((c) => {
      c.server.hostNames = ['texto.example.com'];
      c.server.allowedOrigins = [PORTAL];
    }),
  });
});
afterAll(async () => {
  await server.close();
});

describe('the Host header', () => {
  it('answers a name the server does not have with 421 naming server.hostNames, on HTTP and on the WebSocket', async () => {
    const rebound = await rawGet(`${server.url}/privacy`, { Host: 'attacker.example.net' });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body)).toMatchObject({ error: { message: expect.stringContaining('server.hostNames') as string } });
    expect(await upgradeStatus(server.url, { Host: 'attacker.example.net' })).toBe(421);
  });

  it('answers its configured names, localhost and IP addresses, with or without a port', async () => {
    for (const host of ['texto.example.com', 'TEXTO.example.com:443', 'localhost:8080', '127.0.0.1', '[::1]:80']) {
      expect((await rawGet(`${server.url}/privacy`, { Host: host })).status, host).toBe(200);
    }
  });
});

describe('the Origin header', () => {
  it('refuses a web page of another origin with 403, on HTTP and on the WebSocket, and says how to allow it', async () => {
    const page = await rawGet(`${server.url}/privacy`, { Origin: 'https://evil.example.net' });
    expect(page.status).toBe(403);
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    expect(JSON.parse(page.body)).toMatchObject({ error: { message: expect.stringContaining('server.allowedOrigins') as string } });
    expect(await upgradeStatus(server.url, { Origin: 'https://evil.example.net' })).toBe(403);
    // "null" (a sandboxed frame, a file:// page) is no better.
    expect((await rawGet(`${server.url}/privacy`, { Origin: 'null' })).status).toBe(403);
  });

  it('lets the extension, a configured origin and non-browser clients open an agent socket', async () => {
    expect(await upgradeStatus(server.url, { Origin: EXTENSION })).toBe(101);
    expect(await upgradeStatus(server.url, { Origin: PORTAL })).toBe(101);
    expect(await upgradeStatus(server.url, {})).toBe(101);
    // A page the server served (the simulator) reads its own API but gets no agent socket.
    expect(await upgradeStatus(server.url, { Origin: server.url })).toBe(403);
  });

  it('answers a configured origin with CORS naming that origin alone, and Vary: Origin on every answer', async () => {
    const preflight = await fetch(`${server.url}/api/responses`, {
      method: 'OPTIONS',
      headers: { Origin: PORTAL, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(preflight.headers.get('vary')).toBe('Origin');
    // The extension needs no CORS (its host permission covers the server): none is sent.
    const fromExtension = await fetch(`${server.url}/api/responses`, { headers: { Origin: EXTENSION } });
    expect(fromExtension.status).toBe(401);
    expect(fromExtension.headers.get('access-control-allow-origin')).toBeNull();
    expect(fromExtension.headers.get('vary')).toBe('Origin');
  });
});

describe('the phone simulator', () => {
  it('is off unless configured: its page and API answer 404', async () => {
    const off = await startTestServer({ config: demoConfig((c) => (c.simulator.enabled = false)) });
    try {
      expect((await fetch(`${off.url}/simulator`)).status).toBe(404);
      expect((await postJson(`${off.url}/api/simulator/messages`, { from: '+33612345678', to: PAGE_NUMBER, text: 'hi' })).status).toBe(404);
    } finally {
      await off.close();
    }
  });

  it('with simulator.tokenEnv, answers 401 without the token or with a wrong one, and 202 with it', async () => {
    const config = demoConfig((c) => (c.simulator.tokenEnv = 'TEXTO_SIMULATOR_TOKEN'));
    const guarded = await startServer({ host: '127.0.0.1', port: 0, dataDir: 'memory://', config, log: () => {}, env: { TEXTO_SIMULATOR_TOKEN: SIMULATOR_TOKEN } });
    try {
      const text = { from: '+33612345678', to: PAGE_NUMBER, text: 'hi' };
      const send = (authorization?: string) =>
        fetch(`${guarded.url}/api/simulator/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(authorization ? { Authorization: authorization } : {}) },
          body: JSON.stringify(text),
        });
      const without = await send();
      expect(without.status).toBe(401);
      expect(await without.json()).toMatchObject({ error: { message: expect.stringContaining('Authorization: Bearer') as string } });
      expect((await send(`Bearer ${SIMULATOR_TOKEN.slice(0, -1)}x`)).status).toBe(401);
      expect((await send(`Bearer ${SIMULATOR_TOKEN}`)).status).toBe(202);
      // The page itself loads (it asks for the token), the API behind it does not.
      expect((await fetch(`${guarded.url}/simulator`)).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('refuses to start beyond loopback without a token, and with a short one names the minimum', async () => {
    // Agents with their own passwords, so that only the simulator is in the way.
    const ownPassword = await hashPassword('a-password-of-their-own');
    const hashed = demoConfig((c) => c.agents.forEach((agent) => (agent.passwordHash = ownPassword)));
    const base = { port: 0, dataDir: 'memory://', log: () => {}, config: hashed };
    await expect(startServer({ ...base, host: '0.0.0.0' })).rejects.toThrow(/Refusing to listen on 0\.0\.0\.0 with the phone simulator on and no token/);
    const short = demoConfig((c) => (c.simulator.tokenEnv = 'TEXTO_SIMULATOR_TOKEN'));
    await expect(startServer({ ...base, host: '127.0.0.1', config: short, env: { TEXTO_SIMULATOR_TOKEN: 'short' } })).rejects.toThrow(/holds only 5 characters.*at least 16/);
  });
});
