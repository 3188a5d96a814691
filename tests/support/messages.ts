import { readFileSync } from 'node:fs';
import { fillMessage, type Messages } from '../../lib/i18n/fill-message';
import type { Translate } from '../../lib/i18n/t';

// Node has no `browser.i18n`: these stand in for it over the real messages files, with the
// browser's `$1` substitution, so code under test produces the sentences agents will read.
const messagesOf = (lang: 'en' | 'fr') =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Messages;

function translatorOver(messages: Messages) {
  return (key: string, substitutions: string[] = []) =>
    (messages[key] ? fillMessage(messages[key].message, substitutions) : '');
}

/** `t` in one UI language, for pure code that takes a `Translate`. */
export function translator(lang: 'en' | 'fr'): Translate {
  const translate = translatorOver(messagesOf(lang));
  return (key, ...substitutions) => translate(key, substitutions);
}

/**
 * Installs the English stand-in as `chrome.i18n`. Call it before importing (with `await import`) a
 * module that reaches `t()`: wxt/browser picks its `browser` object when it is first imported.
 */
export function installEnglishMessages(): void {
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: translatorOver(messagesOf('en')) } };
}
