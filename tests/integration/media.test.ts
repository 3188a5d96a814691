import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interaction, MessageEntry, SystemEntry } from '../../lib/protocol';
import type { Db } from '../../server/db/db';
import { MEDIA_URL_LIFETIME_MS, signMediaPath } from '../../server/media';
import { fixture, part } from '../fixtures/media/load';
import { AgentClient } from './helpers/agent';
import { demoConfig, PAGE_NUMBER, startTestServer, type TestServer } from './helpers/server';
import { freshPhone, postJson } from './helpers/simulator';

const SECRET = 'integration-test-media-secret-0123456789';
let server: TestServer;
let db: Db;
let alice: AgentClient;
let bob: AgentClient;

beforeAll(async () => {
  server = await startTestServer({
    config: demoConfig((c) => (c.media = { ...c.media, urlSecret: SECRET, maxBytes: 256 * 1024 })),
    onDatabase: (handle) => {
      db = handle;
    },
  });
  alice = await AgentClient.connect(server.url, 'alice');
  bob = await AgentClient.connect(server.url, 'bob');
});
afterAll(async () => {
  alice.close();
  bob.close();
  await server.close();
});

const png = fixture('screenshot.png');
const jpeg = fixture('photo-rotated.jpg');
const svg = fixture('drawing.svg');

type MmsAnswer = { id: string; interactionId: string; media: { id: string }[]; refused: { reason: string; filename?: string }[] };

async function sendMms(body: Record<string, unknown>) {
  return postJson<MmsAnswer>(`${server.url}/api/simulator/messages`, { from: freshPhone(), to: PAGE_NUMBER, ...body });
}

/** An agent goes Ready, takes the MMS offer, and goes Not Ready again (the other agent gets the next). */
async function take(agent: AgentClient, interactionId: string): Promise<Interaction> {
  await agent.ok({ name: 'setStatus', status: 'ready' });
  await agent.waitForOffer(interactionId);
  await agent.ok({ name: 'accept', interactionId });
  await agent.ok({ name: 'setStatus', status: 'not_ready' });
  return agent.state!.interactions.find((i) => i.id === interactionId)!;
}

type Links = { expiresAt: number; links: Record<string, { thumb: string; full: string; save?: string }> };
async function linksOf(agent: AgentClient, interactionId: string): Promise<Links> {
  return (await agent.ok({ name: 'mediaLinks', interactionId })).result as unknown as Links;
}

const get = (path: string) => fetch(new URL(path, server.url));

describe('MMS through the simulator', () => {
  let interactionId: string;
  let ids: string[];

  it('keeps the text and the good images, and writes a transcript line per refused file', async () => {
    const answer = await sendMms({
      text: 'Voici les photos du colis',
      media: [part(png, 'image/png', 'colis.png'), part(svg, 'image/jpeg', 'logo.svg'), part(jpeg, 'image/jpeg', 'etiquette.jpg')],
    });
    expect(answer.status).toBe(202);
    expect(answer.body.media).toHaveLength(2);
    expect(answer.body.refused).toEqual([expect.objectContaining({ filename: 'logo.svg', reason: 'not_an_allowed_image' })]);
    interactionId = answer.body.interactionId;
    ids = answer.body.media.map((m) => m.id);

    const interaction = await take(alice, interactionId);
    expect(interaction).toMatchObject({ channel: 'mms', mode: 'page', region: 'FR' });
    const [message, refusal] = interaction.transcript as [MessageEntry, SystemEntry];
    expect(message.text).toBe('Voici les photos du colis');
    expect(message.media?.map((m) => [m.id, m.contentType, m.filename])).toEqual([
      [ids[0], 'image/png', 'colis.png'],
      [ids[1], 'image/jpeg', 'etiquette.jpg'],
    ]);
    expect(refusal).toMatchObject({ kind: 'system', code: 'media_refused', params: { file: 'logo.svg', reason: 'not_an_allowed_image', kind: 'svg' } });
  });

  it('serves the owner’s signed links: thumbnail, the original byte for byte, and a download with media.save', async () => {
    const { links, expiresAt } = await linksOf(alice, interactionId);
    expect(expiresAt).toBeGreaterThan(Date.now() + MEDIA_URL_LIFETIME_MS - 60_000);
    const first = links[ids[0]!]!;
    const thumb = await get(first.thumb);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const full = await get(first.full);
    expect(Buffer.from(await full.arrayBuffer()).equals(png)).toBe(true);
    expect(first.save).toBeDefined();
    const saved = await get(first.save!);
    expect(saved.status).toBe(200);
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment; filename="colis\.png"/);
  });

  it('refuses links to another agent, an altered link, an expired link, and the owner once it is no longer theirs', async () => {
    expect(await bob.command({ name: 'mediaLinks', interactionId })).toMatchObject({ type: 'error', code: 'forbidden' });
    const { links } = await linksOf(alice, interactionId);
    const full = links[ids[1]!]!.full;
    expect((await get(full.replace('agent=alice', 'agent=bob'))).status).toBe(403);

    const expired = signMediaPath(
      { hash: ids[1]!, variant: 'full', interactionId, agentId: 'alice', expiresAt: Date.now() - 1000 },
      SECRET,
    );
    const gone = await get(expired);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ error: { code: 'unauthorized' } });

    // A file of another interaction through this interaction's grant: refused.
    const foreign = signMediaPath({ hash: 'a'.repeat(64), variant: 'full', interactionId, agentId: 'alice', expiresAt: Date.now() + 60_000 }, SECRET);
    expect((await get(foreign)).status).toBe(403);

    // The interaction moves to another agent (as a transfer does): alice's live link stops working.
    await db.query(`UPDATE interactions SET agent_id = 'bob' WHERE id = $1`, [interactionId]);
    expect((await get(full)).status).toBe(403);
    await db.query(`UPDATE interactions SET agent_id = 'alice' WHERE id = $1`, [interactionId]);
    expect((await get(full)).status).toBe(200);
  });

  it('gives no Save link to an agent without media.save, and refuses their download', async () => {
    const answer = await sendMms({ text: 'Et celle-ci', media: [part(jpeg, 'image/jpeg', 'etiquette.jpg')] });
    const theirs = answer.body.interactionId;
    await take(bob, theirs);
    const { links } = await linksOf(bob, theirs);
    const only = links[answer.body.media[0]!.id]!;
    expect(only.save).toBeUndefined();
    expect((await get(only.full)).status).toBe(200);
    const download = await get(`${only.full}&download=1`);
    expect(download.status).toBe(403);
    expect(await download.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining('media.save') as string } });
  });
});

describe('simulator media validation', () => {
  it('refuses a malformed media list with 400 naming the field', async () => {
    const notList = await sendMms({ text: 'hi', media: 'photo.jpg' });
    expect(notList).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: expect.stringContaining('media') as string } } });
    const noData = await sendMms({ text: 'hi', media: [{ contentType: 'image/png' }] });
    expect(noData).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('base64') as string } } });
  });

  it('keeps the text when every file is refused (bad base64, too large), and says why per file', async () => {
    const big = Buffer.alloc(300 * 1024, 1);
    const answer = await sendMms({
      text: 'Mes documents',
      media: [{ contentType: 'image/png', base64: 'not*base64', filename: 'scan.png' }, part(big, 'image/jpeg', 'huge.jpg')],
    });
    expect(answer.status).toBe(202);
    expect(answer.body.media).toEqual([]);
    expect(answer.body.refused.map((r) => [r.filename, r.reason])).toEqual([
      ['scan.png', 'bad_base64'],
      ['huge.jpg', 'too_large'],
    ]);
    const interaction = await take(alice, answer.body.interactionId);
    // (Accepting adds "Alice Martin joined the conversation" after them.)
    expect(interaction.transcript.map((e) => (e.kind === 'message' ? e.text : e.code)).slice(0, 3)).toEqual(['Mes documents', 'media_refused', 'media_refused']);
    await alice.ok({ name: 'markDone', interactionId: answer.body.interactionId });
  });

  it('accepts an MMS with images and no text, and refuses an SMS with neither', async () => {
    const imageOnly = await sendMms({ text: '', media: [part(png, 'image/png')] });
    expect(imageOnly.status).toBe(202);
    expect(imageOnly.body.media).toHaveLength(1);
    const nothing = await sendMms({ text: ' ', media: [] });
    expect(nothing).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('the text is empty') as string } } });
  });
});
