import { readFileSync } from 'node:fs';

// Node has no `browser.i18n`: this stands in for it over the real English messages file, with
// the browser's `$1` substitution, so components render the sentences agents will read.
type Messages = Record<string, { message: string }>;
const english = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Messages;

/**
 * Installs the stand-in as `chrome.i18n`. Call it before importing (with `await import`) a
 * module that reaches `t()`: wxt/browser picks its `browser` object when it is first imported.
 */
export function installEnglishMessages(): void {
  (globalThis as { chrome?: unknown }).chrome = {
    i18n: {
      getMessage: (key: string, substitutions: string[] = []) =>
        english[key]?.message.replace(/\$(\d)/g, (_whole, index: string) => substitutions[Number(index) - 1] ?? '') ?? '',
    },
  };
}
