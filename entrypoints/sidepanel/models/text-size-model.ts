import { effect, signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { DEFAULT_TEXT_SIZE, normaliseTextSize } from '@/lib/transcript/text-size';

const STORAGE_KEY = 'texto.textSize';

/**
 * The agent's text size for the transcript and the message box (80 %–200 %), remembered in
 * `storage.local` so it survives closing the panel and the browser. Applied as the CSS variable
 * `--text-scale` on the document, which the transcript and the message box scale their font by.
 */
export function createTextSizeModel() {
  const percent = signal(DEFAULT_TEXT_SIZE);
  let chosen = false;
  browser.storage.local
    .get(STORAGE_KEY)
    .then((stored) => {
      if (!chosen) percent.value = normaliseTextSize(stored[STORAGE_KEY] ?? DEFAULT_TEXT_SIZE);
    })
    .catch((error: unknown) => console.warn('Texto: cannot read the text size:', error));
  effect(() => {
    document.documentElement.style.setProperty('--text-scale', String(percent.value / 100));
  });
  return {
    percent,
    async set(value: number) {
      chosen = true;
      percent.value = normaliseTextSize(value);
      await browser.storage.local.set({ [STORAGE_KEY]: percent.value });
    },
  };
}

export type TextSizeModel = ReturnType<typeof createTextSizeModel>;
