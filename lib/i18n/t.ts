import { browser } from 'wxt/browser';
import type en from '../../public/_locales/en/messages.json';

/** A key of `public/_locales/en/messages.json`; a typo is a type error. */
export type MessageKey = keyof typeof en;

/** `t` itself, or a stand-in over a messages file where there is no browser (pure code takes one). */
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

/**
 * The agent-facing text for `key` in the browser's UI language (English and French shipped),
 * with `$1`… placeholders filled from `substitutions`.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
