import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../lib/outbox/outbox';
import { createOutboxPacer } from '../../lib/outbox/pacer';

const entry = (i: number): OutboxEntry => ({ id: `c${i}`, requestId: `r${i}`, command: { name: 'markDone', interactionId: `i${i}` }, createdAt: i });

describe('outbox pacing', () => {
  it('sends 600 stored commands a few at a time, in order, each once per connection, and again with the same ids after a reconnect', () => {
    let outbox = Array.from({ length: 600 }, (_, i) => entry(i));
    const sent: string[] = [];
    let connected = true;
    const pacer = createOutboxPacer(() => outbox, (e) => connected && (sent.push(e.id), true), 16);
    pacer.pump();
    expect(sent).toEqual(outbox.slice(0, 16).map((e) => e.id));
    pacer.pump();
    expect(sent.length).toBe(16);
    // Answers free room for the next ones.
    for (const id of ['c0', 'c1']) {
      outbox = outbox.filter((e) => e.id !== id);
      pacer.answered(id);
    }
    expect(sent.slice(16)).toEqual(['c16', 'c17']);
    connected = false;
    outbox = outbox.filter((e) => e.id !== 'c2');
    pacer.answered('c2');
    expect(sent.length).toBe(18);
    connected = true;
    pacer.reconnected();
    sent.length = 0;
    pacer.pump();
    expect(sent).toEqual(outbox.slice(0, 16).map((e) => e.id));
    expect(sent[0]).toBe('c3');
  });
});
