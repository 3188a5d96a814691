import { defineWxtModule } from 'wxt/modules';
import { ensureArtefact } from '../scripts/dictionaries/build';
import { artefactOutputPath, DICTIONARY_LANGUAGES } from '../scripts/dictionaries/languages';

// Puts one compact spelling artefact per language into the extension output
// (dictionaries/<language>.bin), built from the Hunspell packages on the first build and then
// taken from the cache (node_modules/.cache/texto-spelling), and lets `runtime.getURL` accept
// their paths in TypeScript.
export default defineWxtModule({
  name: 'texto-spelling-dictionaries',
  setup(wxt) {
    wxt.hook('prepare:publicPaths', (_wxt, paths) => {
      for (const language of DICTIONARY_LANGUAGES) paths.push(artefactOutputPath(language));
    });
    wxt.hook('build:publicAssets', (_wxt, files) => {
      for (const language of DICTIONARY_LANGUAGES) {
        const started = performance.now();
        const absoluteSrc = ensureArtefact(language);
        wxt.logger.debug(`Spelling artefact ${language}: ${absoluteSrc} (${Math.round(performance.now() - started)} ms)`);
        files.push({ relativeDest: artefactOutputPath(language), absoluteSrc });
      }
    });
  },
});
