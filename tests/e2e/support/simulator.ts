// The customer's side of an e2e test: the server's phone simulator over real HTTP.
import type { MediaChannel, SimulatorOutbound } from '../../../lib/protocol';

export const PAGE_NUMBER = '+33937000001';
export const SESSION_NUMBER = '+33937000002';

let phoneCounter = 0;
/** A fresh customer number per call, so that tests never continue each other's conversations. */
export function newCustomerPhone(): string {
  phoneCounter += 1;
  return `+3361${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

async function expectOk(response: Response, what: string): Promise<unknown> {
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** A customer texts the contact centre. */
export async function customerTexts(server: string, message: { from: string; to?: string; text: string }) {
  const response = await fetch(`${server}/api/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: PAGE_NUMBER, ...message }),
  });
  return (await expectOk(response, 'simulator inbound')) as { id: string; interactionId: string };
}

/** What the contact centre sent to this phone, oldest first. */
export async function sentTo(server: string, phone: string): Promise<SimulatorOutbound[]> {
  const response = await fetch(`${server}/api/simulator/messages?phone=${encodeURIComponent(phone)}`);
  return ((await expectOk(response, 'simulator listing')) as { messages: SimulatorOutbound[] }).messages;
}

export async function setChannel(server: string, channel: MediaChannel, available: boolean): Promise<void> {
  const response = await fetch(`${server}/api/simulator/channels`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channel, available }),
  });
  if (!response.ok) throw new Error(`simulator channels: HTTP ${response.status} ${await response.text()}`);
}

/** Polls until `check` returns a value (the server delivers asynchronously); fails with `what`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A customer sends an MMS (images as base64, with file names) to the page-mode number, unless `to` names another. */
export async function customerSendsMms(
  server: string,
  message: { from: string; to?: string; text: string; media: { contentType: string; base64: string; filename?: string }[] },
) {
  const response = await fetch(`${server}/api/simulator/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to: PAGE_NUMBER, ...message }),
  });
  return (await expectOk(response, 'simulator MMS')) as { id: string; interactionId: string; media: { id: string }[]; refused: { reason: string }[] };
}
