import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MediaGrant, MediaStore, newMediaSecret, serveMedia, signMediaPath } from '../../server/media';
import { fixture, tempDataDir } from '../fixtures/media/load';

const secret = newMediaSecret();
const png = fixture('screenshot.png');
let clock = 1_750_000_000_000;
/** Interactions each agent may see, as the server's routing would say. */
const visible = new Map<string, Set<string>>([['agent-7', new Set(['int-42'])]]);
const asked: MediaGrant[] = [];

let data: Awaited<ReturnType<typeof tempDataDir>>;
let store: MediaStore;
let server: Server;
let origin: string;
let hash: string;

beforeAll(async () => {
  data = await tempDataDir();
  store = new MediaStore(data.dir);
  // Stored as the server stores it; the customer had claimed a JPEG named "IMG 0042 (été).jpg".
  ({ hash } = await store.put({ bytes: png, contentType: 'image/png', width: 640, height: 160 }));
  server = createServer((req, res) => {
    void serveMedia(req, res, {
      store,
      secret,
      now: () => clock,
      mayView: (grant) => {
        asked.push(grant);
        return visible.get(grant.agentId)?.has(grant.interactionId) ?? false;
      },
      requestAgent: (request) => request.headers['x-test-agent'] as string | undefined,
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await data.remove();
});

function link(overrides: Partial<MediaGrant> = {}): string {
  const grant: MediaGrant = {
    hash,
    variant: 'full',
    interactionId: 'int-42',
    agentId: 'agent-7',
    expiresAt: clock + 5 * 60_000,
    filename: 'IMG 0042 (été).jpg',
    ...overrides,
  };
  return origin + signMediaPath(grant, secret);
}

async function errorOf(response: Response): Promise<unknown> {
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  return response.json();
}

describe('serveMedia over real HTTP', () => {
  it('serves the file with its sniffed type and headers that stop browsers running it', async () => {
    const response = await fetch(link());
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(png.length),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=300',
      'content-disposition': `inline; filename="IMG 0042 (_t_).png"; filename*=UTF-8''IMG%200042%20%28%C3%A9t%C3%A9%29.png`,
      etag: `"${hash}-full"`,
    });
    expect(asked.at(-1)).toMatchObject({ hash, agentId: 'agent-7', interactionId: 'int-42' });
  });

  it('counts max-age down to the link expiry', async () => {
    const response = await fetch(link({ expiresAt: clock + 42_500 }));
    expect(response.headers.get('cache-control')).toBe('private, max-age=42');
  });

  it('offers a download with a safe name when asked', async () => {
    const response = await fetch(`${link({ filename: 'report".html\r\nSet-Cookie: a=b' })}&download=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="report_.htmlSet-Cookie_ a=b.png"; filename*=UTF-8''report_.htmlSet-Cookie_%20a%3Db.png`,
    );
  });

  it('names a file the customer did not name after its hash', async () => {
    const response = await fetch(link({ filename: undefined }));
    expect(response.headers.get('content-disposition')).toContain(`filename="texto-${hash.slice(0, 12)}.png"`);
  });

  it('serves the thumbnail, making it on first request', async () => {
    expect(await store.has(hash, 'thumb')).toBe(false);
    const response = await fetch(link({ variant: 'thumb' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(response.headers.get('content-disposition')).toContain(`filename="texto-${hash.slice(0, 12)}-thumbnail.webp"`);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    expect(await store.has(hash, 'thumb')).toBe(true);
  });

  it('answers HEAD with the headers only, and a matching ETag with 304', async () => {
    const head = await fetch(link(), { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength]).toEqual([200, String(png.length), 0]);
    const again = await fetch(link(), { headers: { 'If-None-Match': `"${hash}-full"` } });
    expect(again.status).toBe(304);
  });

  it('answers 403 forbidden to a tampered link', async () => {
    const response = await fetch(link().replace('agent=agent-7', 'agent=agent-8'));
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toEqual({
      error: { code: 'forbidden', message: 'This media link was not issued by this server or was altered.' },
    });
  });

  it('answers 410 to an expired link', async () => {
    const url = link();
    clock += 5 * 60_000;
    try {
      const response = await fetch(url);
      expect(response.status).toBe(410);
      expect(await errorOf(response)).toMatchObject({ error: { code: 'unauthorized', message: expect.stringContaining('expired') as string } });
    } finally {
      clock -= 5 * 60_000;
    }
  });

  it('answers 403 to an agent presenting another agent’s link', async () => {
    const response = await fetch(link(), { headers: { 'X-Test-Agent': 'agent-8' } });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toEqual({ error: { code: 'forbidden', message: 'This media link was issued to another agent.' } });
  });

  it('answers 403 once the interaction was transferred away, even with a fresh link', async () => {
    const url = link();
    visible.get('agent-7')!.delete('int-42');
    try {
      const response = await fetch(url);
      expect(response.status).toBe(403);
      expect(await errorOf(response)).toMatchObject({ error: { code: 'forbidden' } });
    } finally {
      visible.get('agent-7')!.add('int-42');
    }
  });

  it('answers 404 for a file that is not stored and for paths that are not media', async () => {
    const missing = await fetch(link({ hash: 'f'.repeat(64) }));
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toEqual({ error: { code: 'not_found', message: 'This picture is no longer stored on the server.' } });
    for (const path of ['/media/', `/media/${hash}/original`, '/media/..%2F..%2Fetc%2Fpasswd/full']) {
      const response = await fetch(origin + path);
      expect(response.status, path).toBe(404);
      expect(await errorOf(response)).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('answers 403 to a media path without a signature', async () => {
    const response = await fetch(`${origin}/media/${hash}/full`);
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('incomplete') as string } });
  });

  it('refuses other methods with 405', async () => {
    const response = await fetch(link(), { method: 'POST', body: 'x' });
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
    expect(await errorOf(response)).toMatchObject({ error: { code: 'bad_request' } });
  });
});
