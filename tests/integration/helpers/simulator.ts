import type { SimulatorOutbound } from '../../../lib/protocol';

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function postJson<T = unknown>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}

/** A customer's phone texting the contact centre through the simulator gateway. */
export async function textCentre(base: string, from: string, to: string, text: string): Promise<{ id: string; interactionId: string }> {
  const answer = await postJson<{ id: string; interactionId: string }>(`${base}/api/simulator/messages`, { from, to, text });
  if (answer.status !== 202) throw new Error(`simulator refused the text: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** What the contact centre sent to `phone`, oldest first. */
export async function receivedBy(base: string, phone: string): Promise<SimulatorOutbound[]> {
  const response = await fetch(`${base}/api/simulator/messages?phone=${encodeURIComponent(phone)}`);
  if (response.status !== 200) throw new Error(`simulator listing failed: ${response.status}`);
  return ((await response.json()) as { messages: SimulatorOutbound[] }).messages;
}

export async function setChannel(base: string, channel: 'sms' | 'mms' | 'im', available: boolean): Promise<void> {
  const answer = await postJson(`${base}/api/simulator/channels`, { channel, available });
  if (answer.status !== 200) throw new Error(`channel change failed: ${answer.status}`);
}

let phoneCounter = 0;
/** A distinct customer number per call, so tests sharing a server do not join each other's interactions. */
export function freshPhone(): string {
  phoneCounter += 1;
  return `+3361${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(4, '0')}`;
}
