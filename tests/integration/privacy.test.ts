import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig, startTestServer, type TestServer } from './helpers/server';

let server: TestServer;
beforeAll(async () => {
  // A production-like server: no simulator, so /privacy does not ride on the simulator's pages.
  server = await startTestServer({ config: demoConfig((c) => (c.simulator = { ...c.simulator, enabled: false })) });
});
afterAll(async () => {
  await server.close();
});

describe('privacy policy', () => {
  it('is served at /privacy in English and French, as text a browser shows', async () => {
    const response = await fetch(`${server.url}/privacy`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const policy = await response.text();
    expect(policy).toContain('What the extension sends to the organisation\'s server');
    expect(policy).toContain('Ce que l’extension envoie au serveur de l’organisation');
    expect(policy).toContain('Nothing goes to the makers of Texto');
  });
});
