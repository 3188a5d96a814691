import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG_PATH, loadConfigFile, parseConfig } from '../../server/config';
import { responseLibrary, responseWarnings } from '../../server/responses/library';

type RawResponse = Record<string, unknown>;
type RawConfig = Record<string, unknown> & { standardResponses: { category: string; responses: RawResponse[] }[]; compose: Record<string, unknown> };

const demoObject = () => structuredClone(loadConfigFile(DEMO_CONFIG_PATH)) as unknown as RawConfig;

describe('standard responses in the configuration', () => {
  it('loads the demo library: categories, both languages, shortcuts, ids by position', () => {
    const library = responseLibrary(loadConfigFile(DEMO_CONFIG_PATH));
    expect(library.responses.map((r) => [r.id, r.category, r.language, r.shortcut])).toEqual([
      ['1.1', 'Opening hours', 'en', '#hours'],
      ['1.2', 'Opening hours', 'fr', '#horaires'],
      ['2.1', 'Orders', 'en', '#delay'],
      ['2.2', 'Orders', 'fr', '#retard'],
      ['3.1', 'Closing', 'en', '#thanks'],
      ['3.2', 'Closing', 'fr', '#merci'],
    ]);
    expect(library.responses.find((r) => r.shortcut === '#delay')?.text).toContain('{contact.firstName}');
    expect(library.version).toMatch(/^[\w-]{16}$/);
  });

  it('defaults the message box settings: 10 messages, no spelling warning', () => {
    const raw = demoObject();
    delete (raw as Record<string, unknown>).compose;
    expect(parseConfig(raw).compose).toEqual({ maxMessages: 10, spellingWarning: false });
  });

  it('names what is wrong: a shortcut without #, an unknown language, an empty text, a misspelt key', () => {
    const shortcut = demoObject();
    shortcut.standardResponses[0]!.responses[0]!.shortcut = 'hours';
    expect(() => parseConfig(shortcut)).toThrow(/standardResponses, 1st entry \(Opening hours\), responses, 1st entry \(Opening hours\): shortcut: a keyword such as "#hours"/);
    const language = demoObject();
    language.standardResponses[1]!.responses[1]!.language = 'de';
    expect(() => parseConfig(language)).toThrow(/standardResponses, 2nd entry \(Orders\), responses, 2nd entry \(Retard de livraison\): language must be one of en, fr, got "de"/);
    const empty = demoObject();
    empty.standardResponses[2]!.responses[0]!.text = '   ';
    expect(() => parseConfig(empty)).toThrow(/standardResponses, 3rd entry \(Closing\), responses, 1st entry \(Thanks\): text must not be empty/);
    const key = demoObject();
    key.standardResponses[0]!.responses[0]!.shortcutKey = '#x';
    expect(() => parseConfig(key)).toThrow(/unknown key "shortcutKey" \(did you mean shortcut\?\)/);
    const limit = demoObject();
    limit.compose.maxMessages = 31;
    expect(() => parseConfig(limit)).toThrow('compose: maxMessages must be at most 30, got 31');
  });

  it('refuses one shortcut for two responses of the same language, and an id used twice', () => {
    const twice = demoObject();
    twice.standardResponses[2]!.responses[0]!.shortcut = '#HOURS';
    expect(() => parseConfig(twice)).toThrow(
      'standardResponses, 3rd entry (Closing), responses, 1st entry (Thanks): shortcut: #HOURS (en) is already the shortcut of "Opening hours"',
    );
    const otherLanguage = demoObject();
    otherLanguage.standardResponses[0]!.responses[1]!.shortcut = '#hours';
    expect(() => parseConfig(otherLanguage)).not.toThrow();
    const ids = demoObject();
    ids.standardResponses[0]!.responses[0]!.id = '2.1';
    expect(() => parseConfig(ids)).toThrow('standardResponses, 2nd entry (Orders), responses, 1st entry (Delivery delay): id: "2.1" is used twice');
  });

  it('warns (without stopping) about variables the panel does not know and responses over the maximum', () => {
    const raw = demoObject();
    raw.standardResponses[0]!.responses[0]!.text = 'Hello {contact.nickname}, {agent.name} here';
    raw.standardResponses[0]!.responses[1]!.text = 'a'.repeat(161);
    raw.compose.maxMessages = 1;
    const warnings = responseWarnings(parseConfig(raw));
    expect(warnings).toContain(
      'standard response "Opening hours" (1.1) uses {contact.nickname}, which the panel does not know: it stays as written.',
    );
    expect(warnings).toContain('standard response "Horaires d\'ouverture" (1.2) needs 2 SMS, more than compose.maxMessages (1).');
    expect(warnings.filter((w) => w.includes('(1.1)'))).toHaveLength(1);
    expect(responseWarnings(loadConfigFile(DEMO_CONFIG_PATH))).toEqual([]);
  });
});
