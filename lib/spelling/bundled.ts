import { browser } from 'wxt/browser';
import { SpellingError, type SpellingLanguage } from './protocol';

/**
 * Reads the artefact the build put into the extension (modules/spelling-dictionaries.ts): the
 * usual `loadArtefact` for createSpellChecker in the side panel.
 */
export async function fetchBundledArtefact(language: SpellingLanguage): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(`/dictionaries/${language}.bin`));
  if (!response.ok) throw new SpellingError('invalid-artefact', `The ${language} spelling dictionary is missing from the extension (HTTP ${response.status}).`);
  return response.arrayBuffer();
}
