import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfig, PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { postJson } from './helpers/simulator';

let server: TestServer;
beforeAll(async () => {
  // Small MMS limits keep the inbound body cap (every file at its cap, plus 1 MB) small to test.
  server = await startTestServer({ config: demoConfig((c) => (c.media = { ...c.media, maxBytes: 64 * 1024, maxFiles: 1 })) });
});
afterAll(async () => {
  await server.close();
});

const messagesUrl = () => `${server.url}/api/simulator/messages`;

describe('HTTP errors', () => {
  it('answers malformed JSON with 400 bad_request', async () => {
    const answer = await postJson(messagesUrl(), '{"from": "+33612345678",');
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'The body is not valid JSON.' } } });
  });

  it('names the invalid field of a body', async () => {
    const answer = await postJson(messagesUrl(), { from: '0612345678', to: PAGE_NUMBER, text: 'hi' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('from: a phone number in E.164 form') as string } });
    const empty = await postJson(messagesUrl(), { from: '+33612345678', to: PAGE_NUMBER, text: '   ' });
    expect(empty).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('the text is empty') as string } } });
  });

  it('answers a text to a number the centre does not have with 404 naming the number', async () => {
    const answer = await postJson(messagesUrl(), { from: '+33612345678', to: '+33100000000', text: 'hi' });
    expect(answer).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found', message: '+33100000000 is not a number of this contact centre.' } },
    });
  });

  it('answers an oversized body with 413 too_large, and the server keeps serving', async () => {
    const answer = await postJson(messagesUrl(), { from: '+33612345678', to: PAGE_NUMBER, text: 'x'.repeat(1200 * 1024) });
    expect(answer).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    const chunked = await fetch(messagesUrl(), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 80; i++) controller.enqueue(new TextEncoder().encode(' '.repeat(16 * 1024)));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const fine = await postJson(messagesUrl(), { from: '+33612345678', to: PAGE_NUMBER, text: 'still there?' });
    expect(fine.status).toBe(202);
  });

  it('answers a body that is not declared as JSON with 415', async () => {
    const answer = await fetch(messagesUrl(), { method: 'POST', body: JSON.stringify({ from: '+33612345678', to: PAGE_NUMBER, text: 'hi' }) });
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('Content-Type: application/json') as string } });
  });

  it('answers an unknown route with 404 and a wrong method with 405', async () => {
    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'Nothing here: GET /api/nothing-here.' } });
    const wrongMethod = await fetch(`${server.url}/api/auth/sign-in`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST, OPTIONS');
    expect(await wrongMethod.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('lists a phone’s messages only for a valid number, written with or without encoding the +', async () => {
    const bad = await fetch(`${messagesUrl()}?phone=hello`);
    expect(bad.status).toBe(400);
    const plain = await fetch(`${messagesUrl()}?phone=+33612345678`);
    expect(plain.status).toBe(200);
    expect(await plain.json()).toEqual({ messages: [] });
  });

  it('serves the phone simulator page with a strict content security policy', async () => {
    const page = await fetch(`${server.url}/simulator`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<label for="my-number">My phone number</label>');
    expect((await fetch(`${server.url}/simulator/phone.js`)).headers.get('content-type')).toContain('javascript');
  });
});

describe('simulator switched off', () => {
  it('has no simulator routes', async () => {
    const closed = await startTestServer({ config: demoConfig((c) => (c.simulator.enabled = false)) });
    try {
      expect((await postJson(`${closed.url}/api/simulator/messages`, { from: '+33612345678', to: PAGE_NUMBER, text: 'hi' })).status).toBe(404);
      expect((await fetch(`${closed.url}/simulator`)).status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});
