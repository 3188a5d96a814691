import { detectEntities } from './detect';
import type { DetectOptions, Entity } from './types';

/**
 * Entities per message id, so a transcript computes them once per message however often it
 * renders. A message's text never changes once stored, so the id is the key; the text is kept
 * to notice a caller reusing an id for another text. Bounded: the oldest entries go first.
 */
export interface EntityCache {
  entitiesOf(messageId: string, text: string): Entity[];
  readonly size: number;
}

export function createEntityCache(options: DetectOptions, capacity = 20_000): EntityCache {
  const entries = new Map<string, { text: string; entities: Entity[] }>();
  return {
    entitiesOf(messageId, text) {
      const cached = entries.get(messageId);
      if (cached !== undefined && cached.text === text) return cached.entities;
      const entities = detectEntities(text, options);
      entries.delete(messageId);
      entries.set(messageId, { text, entities });
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return entities;
    },
    get size() {
      return entries.size;
    },
  };
}
