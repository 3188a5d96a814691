import type { ComposeTools, ResponsesTools, SpellingTools } from '@/components/compose/tools';
import type { Interaction } from '@/lib/protocol';
import { variableValues } from '@/lib/responses/variables';
import type { AppModel } from './models/app-model';

const shared = new WeakMap<AppModel, { spelling: SpellingTools; responses: ResponsesTools }>();

/** Getters over the models' signals: whichever message box reads one is the one that re-renders. */
function sharedTools(model: AppModel) {
  let tools = shared.get(model);
  if (tools) return tools;
  const { spelling, responses } = model;
  tools = {
    spelling: {
      languages: spelling.languages,
      get language() {
        return spelling.language.value;
      },
      get status() {
        return spelling.status.value;
      },
      get failure() {
        return spelling.failure.value;
      },
      setLanguage: (language) => spelling.setLanguage(language),
      watch: (boxId, text) => spelling.watch(boxId, text),
      unwatch: (boxId) => spelling.unwatch(boxId),
      result: (boxId) => spelling.results.value.get(boxId),
      misspellingsNow: (boxId, text) => spelling.misspellingsNow(boxId, text),
      suggest: (word) => spelling.suggest(word),
      addWord: (word) => spelling.addWord(word),
    },
    responses: {
      get library() {
        return responses.library.value;
      },
      get status() {
        return responses.status.value;
      },
      get error() {
        return responses.error.value;
      },
    },
  };
  shared.set(model, tools);
  return tools;
}

/** What the message box of `interaction` needs: settings, spelling, responses, variable values. */
export function composeTools(model: AppModel, interaction: Interaction): ComposeTools {
  const { spelling, responses } = sharedTools(model);
  return {
    get settings() {
      return model.settings.compose.value;
    },
    spelling,
    responses,
    get variables() {
      return variableValues(interaction.customer, model.session.session.value?.name);
    },
  };
}
