import { describe, expect, it } from 'vitest';
import { enqueue, settle, type OutboxEntry } from '../../lib/outbox/outbox';

const entry = (id: string): OutboxEntry => ({
  id,
  requestId: `r-${id}`,
  command: { name: 'markDone', interactionId: 'i1' },
  createdAt: 1,
});

describe('outbox', () => {
  it('keeps commands in the order given until each is answered', () => {
    let outbox = enqueue([], entry('a'));
    outbox = enqueue(outbox, entry('b'));
    outbox = enqueue(outbox, entry('c'));
    const answered = settle(outbox, 'b');
    expect(answered.settled?.requestId).toBe('r-b');
    expect(answered.outbox.map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('does not queue the same id twice', () => {
    expect(enqueue([entry('a')], entry('a')).map((e) => e.id)).toEqual(['a']);
  });

  it('ignores an answer for nothing pending (a duplicate answer after a resend)', () => {
    const answered = settle([entry('a')], 'zzz');
    expect(answered.settled).toBeUndefined();
    expect(answered.outbox.map((e) => e.id)).toEqual(['a']);
  });
});
