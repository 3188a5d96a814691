import { describe, expect, it } from 'vitest';
import type { StandardResponse } from '../../lib/protocol';
import { groupByCategory, searchResponses } from '../../lib/responses/search';
import { responseForShortcut, shortcutBeforeCaret } from '../../lib/responses/shortcuts';
import { fillVariables, unfilledVariables, variableValues, type KnownVariable } from '../../lib/responses/variables';

const placeholder = (variable: KnownVariable) => `[${variable}?]`;
const known = variableValues({ name: 'Camille Lefebvre', phone: '+33612345678' }, 'Alice Martin');
const unknownContact = variableValues({ phone: '+33699999999' }, 'Alice Martin');

describe('filling the variables of a response', () => {
  it('fills contact and agent variables from the interaction and the agent', () => {
    const filled = fillVariables('Bonjour {contact.firstName} ({contact.name}, {contact.phone}) — {agent.firstName} {agent.lastName}, {agent.name}', known, placeholder);
    expect(filled).toEqual({
      text: 'Bonjour Camille (Camille Lefebvre, +33612345678) — Alice Martin, Alice Martin',
      placeholders: [],
      unknown: [],
    });
  });

  it('keeps an unknown variable exactly as typed instead of dropping it', () => {
    const filled = fillVariables('Hello {contact.foo}, {agent.name} here. {weird} { contact.firstName }', known, placeholder);
    expect(filled.text).toBe('Hello {contact.foo}, Alice Martin here. {weird} Camille');
    expect(filled.unknown).toEqual(['{contact.foo}']);
  });

  it('puts a visible placeholder where a value is missing (a contact not in the directory), never an empty string', () => {
    const filled = fillVariables('Hello {contact.firstName}, {agent.firstName} here', unknownContact, placeholder);
    expect(filled.text).toBe('Hello [contact.firstName?], Alice here');
    expect(filled.placeholders).toEqual([{ variable: 'contact.firstName', start: 6, end: 26 }]);
    expect(filled.text.slice(6, 26)).toBe('[contact.firstName?]');
  });

  it('reads variable names without regard to case and splits one-word and compound names', () => {
    expect(fillVariables('{Contact.FirstName}', known, placeholder).text).toBe('Camille');
    const values = variableValues({ name: 'Jean-Pierre de la Fontaine', phone: '+33600000000' }, 'Léa');
    expect([values['contact.firstName'], values['contact.lastName'], values['agent.firstName'], values['agent.lastName']]).toEqual([
      'Jean-Pierre',
      'de la Fontaine',
      'Léa',
      undefined,
    ]);
  });

  it('never treats a value as a template: a name holding braces is inserted as is', () => {
    const values = variableValues({ name: '{agent.name}', phone: '+33600000000' }, 'Alice Martin');
    expect(fillVariables('Hi {contact.name}', values, placeholder).text).toBe('Hi {agent.name}');
  });
});

describe('unfilled variables in a reply', () => {
  const label = (variable: KnownVariable) => `[${{ 'contact.firstName': 'first name', 'contact.name': 'name' }[variable as string] ?? variable}]`;

  it('finds the placeholders a response left and known variables typed as such, not ordinary brackets', () => {
    const text = 'Thank you [first name], see [name] {Contact.Phone} [note] {contact.foo}';
    expect(unfilledVariables(text, label)).toEqual([
      { variable: 'contact.firstName', start: 10, end: 22 },
      { variable: 'contact.name', start: 28, end: 34 },
      { variable: 'contact.phone', start: 35, end: 50 },
    ]);
    expect(unfilledVariables(fillVariables('Thank you {contact.firstName}', unknownContact, label).text, label)).toHaveLength(1);
    expect(unfilledVariables(fillVariables('Thank you {contact.firstName}', known, label).text, label)).toEqual([]);
  });

  it('keeps one range when a placeholder holds another ("[name]" is not found inside "[first name]")', () => {
    const nested = (variable: KnownVariable) => (variable === 'contact.firstName' ? '[first [name]]' : variable === 'contact.name' ? '[name]' : `[${variable}]`);
    expect(unfilledVariables('Hi [first [name]]', nested)).toEqual([{ variable: 'contact.firstName', start: 3, end: 17 }]);
  });
});

describe('shortcut keywords', () => {
  it('finds the keyword that ends at the caret, at the start or after a space or an opening bracket', () => {
    expect(shortcutBeforeCaret('#hours', 6)).toEqual({ keyword: '#hours', start: 0, end: 6 });
    expect(shortcutBeforeCaret('Bonjour #horaires', 17)).toEqual({ keyword: '#horaires', start: 8, end: 17 });
    expect(shortcutBeforeCaret('voir (#délai', 12)).toEqual({ keyword: '#délai', start: 6, end: 12 });
    expect(shortcutBeforeCaret('#hours and more', 6)).toEqual({ keyword: '#hours', start: 0, end: 6 });
  });

  it('ignores a # inside a word, a lone #, and a keyword the caret is not at the end of', () => {
    expect(shortcutBeforeCaret('issue#hours', 11)).toBeNull();
    expect(shortcutBeforeCaret('call # now', 6)).toBeNull();
    expect(shortcutBeforeCaret('#hours', 3)).toBeNull();
    expect(shortcutBeforeCaret('#hours ', 7)).toBeNull();
  });

  const library: StandardResponse[] = [
    { id: '1', category: 'A', name: 'Hours', text: 'We open at 9.', language: 'en', shortcut: '#hours' },
    { id: '2', category: 'A', name: 'Horaires', text: 'Nous ouvrons à 9 h.', language: 'fr', shortcut: '#hours' },
    { id: '3', category: 'B', name: 'Merci', text: 'Merci !', language: 'fr', shortcut: '#Merci' },
  ];

  it('matches shortcuts without regard to case, preferring the message box language', () => {
    expect(responseForShortcut(library, '#HOURS', 'fr')?.id).toBe('2');
    expect(responseForShortcut(library, '#hours', 'en')?.id).toBe('1');
    expect(responseForShortcut(library, '#merci', 'en')?.id).toBe('3');
    expect(responseForShortcut(library, '#nothing', 'en')).toBeUndefined();
  });

  it('searches names, categories, shortcuts and texts without regard to accents or case, and groups by category', () => {
    expect(searchResponses(library, 'ouvrons').map((r) => r.id)).toEqual(['2']);
    expect(searchResponses(library, 'MERCI').map((r) => r.id)).toEqual(['3']);
    expect(searchResponses(library, 'a 9').map((r) => r.id)).toEqual(['1', '2']);
    expect(searchResponses(library, '  ').map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(searchResponses(library, 'open nous')).toEqual([]);
    expect(groupByCategory(library).map((g) => [g.category, g.responses.map((r) => r.id)])).toEqual([
      ['A', ['1', '2']],
      ['B', ['3']],
    ]);
  });
});
