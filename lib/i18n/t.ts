import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';
import { fillMessage, type Messages } from './fill-message';

/** A key of `public/_locales/en/messages.json`; a typo is a type error. */
export type MessageKey = keyof typeof en;

/** `t` itself, or a stand-in over a messages file where there is no browser (pure code takes one). */
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

/** The languages Texto ships (`public/_locales/<language>`). */
export type UiLanguage = 'en' | 'fr';

/** Set by `useLanguage` when IT chose a language other than the browser's. */
let chosen: { language: UiLanguage; messages: Messages } | undefined;

/**
 * The agent-facing text for `key` in the interface language (the browser's, or the one IT
 * chose: see `useLanguage`), with `$1`… placeholders filled from `substitutions`.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  if (chosen) {
    const entry = chosen.messages[key];
    return entry ? fillMessage(entry.message, substitutions) : key;
  }
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The browser's UI language among those Texto ships (English for any other). */
function browserLanguage(): UiLanguage {
  return browser.i18n.getUILanguage().toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The interface language: the one IT chose, else the browser's. */
export function uiLanguage(): UiLanguage {
  return chosen?.language ?? browserLanguage();
}

/** The interface language's tag: `fr`, `en-US`… (for dates, numbers and `lang`). */
export function uiLocale(): string {
  return chosen?.language ?? browser.i18n.getUILanguage();
}

/**
 * Shows the interface in `language` whatever the browser's (a managed setting), by loading that
 * language's messages from the extension itself; `undefined` follows the browser. Call it before
 * the first `t`.
 */
export async function useLanguage(language: UiLanguage | undefined): Promise<void> {
  if (!language || language === browserLanguage()) {
    chosen = undefined;
    return;
  }
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  chosen = { language, messages: (await response.json()) as Messages };
}
