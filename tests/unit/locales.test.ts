import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; description?: string }>;
const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;

describe('locales', () => {
  const en = load('en');
  const fr = load('fr');

  it('French has exactly the English keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty and placeholders match between languages', () => {
    for (const [key, { message }] of Object.entries(en)) {
      expect(message.trim(), key).not.toBe('');
      const count = (s: string) => (s.match(/\$\d/g) ?? []).length;
      expect(count(fr[key]!.message), key).toBe(count(message));
    }
  });
});
