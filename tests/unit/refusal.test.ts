import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { refusalText } from '../../lib/i18n/refusal';
import type { MessageKey } from '../../lib/i18n/t';

/** The browser's getMessage over a real messages file, with its `$1` substitution. */
function translator(lang: 'en' | 'fr') {
  const messages = JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Record<
    string,
    { message: string }
  >;
  return (key: MessageKey, ...subs: string[]) => messages[key]!.message.replace(/\$(\d)/g, (_all, i: string) => subs[Number(i) - 1] ?? '');
}

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
