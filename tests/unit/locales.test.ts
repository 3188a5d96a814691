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

  it('French punctuation: a no-break space before : ; ? ! and inside « », so "Système :" never breaks or glues', () => {
    for (const [key, { message }] of Object.entries(fr)) {
      expect(message, key).not.toMatch(/[^\s\u00a0\u202f][:;?!](?=\s|$)/u);
      expect(message, key).not.toMatch(/ [:;?!»]|« /u);
      // The typographic apostrophe, as in the rest of the French texts ("s’afficheront", not "s'afficheront").
      expect(message, key).not.toMatch(/\p{L}'\p{L}/u);
    }
    expect(fr.transcript_sender_label!.message.replace('$1', fr.transcript_system!.message)).toBe('Système\u00a0:');
  });

  it('French agreement and plural: "Aucune" for addresses and notes, one contact in the singular, modes in words', () => {
    expect([fr.contact_no_phones!.message, fr.contact_no_emails!.message, fr.contact_no_notes!.message]).toEqual(['Aucun', 'Aucune', 'Aucune']);
    expect([en.contact_found_one!.message, fr.contact_found_one!.message]).toEqual(['1 contact found', '1 contact trouvé']);
    expect([fr.interaction_mode_page!.message, fr.interaction_mode_session!.message]).toEqual(['SMS en mode page', 'SMS en mode session']);
  });
});
