export { fillVariables, unfilledVariables, unknownVariables, variableValues, KNOWN_VARIABLES, type FilledText, type KnownVariable, type VariableValues } from './variables';
export { responseForShortcut, shortcutBeforeCaret, type ShortcutAtCaret } from './shortcuts';
export { groupByCategory, searchResponses, type ResponseCategory } from './search';
