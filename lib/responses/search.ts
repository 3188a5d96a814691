import type { StandardResponse } from '../protocol';

/** Lowercase without accents, so that "delai" finds "Délai" and "HORAIRES" finds "horaires". */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** The responses that contain every word of `query` in their name, category, shortcut or text. */
export function searchResponses(responses: readonly StandardResponse[], query: string): StandardResponse[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...responses];
  return responses.filter((response) => {
    const haystack = fold(`${response.name}\n${response.category}\n${response.shortcut ?? ''}\n${response.text}`);
    return words.every((word) => haystack.includes(word));
  });
}

export interface ResponseCategory {
  category: string;
  responses: StandardResponse[];
}

/** Responses grouped by category, in the library's order (the administrator's order). */
export function groupByCategory(responses: readonly StandardResponse[]): ResponseCategory[] {
  const groups = new Map<string, StandardResponse[]>();
  for (const response of responses) {
    const group = groups.get(response.category);
    if (group) group.push(response);
    else groups.set(response.category, [response]);
  }
  return [...groups].map(([category, list]) => ({ category, responses: list }));
}
