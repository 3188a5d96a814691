import { describe, expect, it } from 'vitest';
import type { MessageEntry, SystemEntry } from '../../lib/protocol';
import { installEnglishMessages } from '../support/messages';

installEnglishMessages();
const { copyLineOf, systemText } = await import('../../components/transcript/entry-text');

const system = (code: SystemEntry['code'], params: Record<string, string>): SystemEntry => ({ kind: 'system', id: 's', at: 0, code, params });
const customer = { phone: '+33612345678', name: 'Camille Lefebvre' };

describe('transcript lines in words', () => {
  it('names the refused file (or its position) and the reason, with the reason’s values', () => {
    expect(systemText(system('media_refused', { file: 'logo.svg', number: '2', reason: 'not_an_allowed_image', kind: 'svg' }))).toBe(
      'logo.svg was refused: it is not a JPEG, PNG, GIF or WebP image.',
    );
    expect(systemText(system('media_refused', { file: '', number: '3', reason: 'too_large', size: '7.2 MB', limit: '5 MB' }))).toBe(
      'File 3 was refused: it is too large (7.2 MB); files up to 5 MB are accepted.',
    );
    expect(systemText(system('media_refused', { file: 'x.png', number: '1', reason: 'too_many_pixels', width: '8000', height: '8000', megapixels: '64', limit: '40' }))).toBe(
      'x.png was refused: it is 8000 × 8000 pixels; the limit is 40 megapixels.',
    );
    // A reason this panel does not know yet still reads as a refusal.
    expect(systemText(system('media_refused', { file: 'a.bin', number: '1', reason: 'future_reason' }))).toBe('a.bin was refused: it is damaged or incomplete.');
  });

  it('says who called or wrote to whom', () => {
    expect(systemText(system('activity_call', { name: '+33612345678', agent: 'Alice Martin' }))).toBe('Alice Martin called +33612345678');
    expect(systemText(system('activity_email', { name: 'x@example.com', agent: 'Bob Durand' }))).toBe('Bob Durand wrote an email to x@example.com');
    // A call merged in from the contact's activities (issue 6) carries no agent.
    expect(systemText(system('activity_call', { name: '+33612345678' }))).toBe('Call to +33612345678');
  });

  it('copies a message with its sender and its images by name', () => {
    const message: MessageEntry = {
      kind: 'message',
      id: 'm',
      at: 5,
      direction: 'in',
      author: { role: 'customer' },
      text: 'Voici',
      media: [
        { id: 'a'.repeat(64), contentType: 'image/png', width: 10, height: 10, filename: 'colis.png' },
        { id: 'b'.repeat(64), contentType: 'image/jpeg', width: 10, height: 10 },
      ],
    };
    expect(copyLineOf(message, customer)).toEqual({ at: 5, sender: 'Camille Lefebvre', text: 'Voici [image: colis.png] [image: Image 2]' });
    expect(copyLineOf({ ...message, text: '', media: [] }, { phone: '+33612345678' })).toEqual({ at: 5, sender: '+33612345678', text: '' });
  });
});
