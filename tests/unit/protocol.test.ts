import { describe, expect, it } from 'vitest';
import { parseClientFrame, parseServerFrame, PROTOCOL_VERSION } from '../../lib/protocol';

describe('client frames', () => {
  it('accepts a hello with version and token', () => {
    const parsed = parseClientFrame(JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, token: 't' }));
    expect(parsed).toEqual({ ok: true, value: { type: 'hello', protocolVersion: PROTOCOL_VERSION, token: 't' } });
  });

  it('names the problem in a frame that is not JSON', () => {
    expect(parseClientFrame('{nope')).toEqual({ ok: false, message: 'the frame is not valid JSON' });
  });

  it('rejects an unknown frame type', () => {
    const parsed = parseClientFrame(JSON.stringify({ type: 'launchMissiles' }));
    expect(parsed.ok).toBe(false);
  });

  it('names the field of an invalid command', () => {
    const parsed = parseClientFrame(
      JSON.stringify({ type: 'command', id: 'c1', command: { name: 'reply', interactionId: 'i1', text: '   ' } }),
    );
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining('the reply is empty') as string });
  });

  it('rejects a command without an id', () => {
    const parsed = parseClientFrame(JSON.stringify({ type: 'command', command: { name: 'markDone', interactionId: 'i1' } }));
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining('id') as string });
  });
});

describe('server frames', () => {
  it('accepts an event frame carrying a seq', () => {
    const frame = { type: 'event', seq: 3, at: 1, event: { type: 'statusChanged', status: 'ready' } };
    expect(parseServerFrame(JSON.stringify(frame))).toEqual({ ok: true, value: frame });
  });
});
