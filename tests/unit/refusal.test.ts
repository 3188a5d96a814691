import { describe, expect, it } from 'vitest';
import { refusalText } from '../../lib/i18n/refusal';
import { translator } from '../support/messages';

describe('a server refusal as the agent reads it', () => {
  it('is the server’s precise message in the English UI', () => {
    expect(refusalText('conflict', 'This interaction is already closed.', translator('en'))).toBe('This interaction is already closed.');
  });

  it('starts with a French sentence for its code in the French UI, keeping the server’s detail', () => {
    expect(refusalText('forbidden', 'This interaction is not assigned to you.', translator('fr'))).toBe(
      'Action non autorisée — This interaction is not assigned to you.',
    );
    expect(refusalText('bad_frame', 'x', translator('fr'))).toBe('Refusé par le serveur — x');
  });

  it('says something even when the server gave no message', () => {
    expect(refusalText('internal', '', translator('fr'))).toBe(translator('fr')('error_unknown'));
  });
});
