import { t, type MessageKey } from '@/lib/i18n/t';
import type { StandardResponse } from '@/lib/protocol';
import { fillVariables, type FilledText, type KnownVariable, type VariableValues } from '@/lib/responses/variables';

const PLACEHOLDER_KEYS: Record<KnownVariable, MessageKey> = {
  'contact.firstName': 'responses_var_contact_first_name',
  'contact.lastName': 'responses_var_contact_last_name',
  'contact.name': 'responses_var_contact_name',
  'contact.phone': 'responses_var_contact_phone',
  'agent.firstName': 'responses_var_agent_first_name',
  'agent.lastName': 'responses_var_agent_last_name',
  'agent.name': 'responses_var_agent_name',
};

/** What stands in for a value nobody knows (an unknown contact's name): "[first name]", to replace. */
export const placeholderFor = (variable: KnownVariable) => `[${t(PLACEHOLDER_KEYS[variable])}]`;

/** The response's text as inserted in this interaction. */
export const fillResponse = (response: StandardResponse, values: VariableValues): FilledText =>
  fillVariables(response.text, values, placeholderFor);
