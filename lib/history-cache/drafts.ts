import type { HistoryDb, NoteDraft } from './db';

/**
 * Note drafts: written on every keystroke (cheap, local) while the server copy is saved debounced,
 * so closing the panel in between loses nothing; the next panel sends what the server lacks.
 */
export function createNoteDrafts(database: () => Promise<HistoryDb>, clock: () => number = Date.now) {
  return {
    async save(interactionId: string, note: string): Promise<void> {
      const draft: NoteDraft = { interactionId, note, updatedAt: clock() };
      await (await database()).put('noteDrafts', draft);
    },
    async read(interactionId: string): Promise<NoteDraft | undefined> {
      return (await database()).get('noteDrafts', interactionId);
    },
    /** Dropped once the server holds the same text. */
    async remove(interactionId: string, ifNote?: string): Promise<void> {
      const handle = await database();
      const tx = handle.transaction('noteDrafts', 'readwrite');
      const current = await tx.store.get(interactionId);
      if (current && (ifNote === undefined || current.note === ifNote)) await tx.store.delete(interactionId);
      await tx.done;
    },
    async all(): Promise<NoteDraft[]> {
      return (await database()).getAll('noteDrafts');
    },
  };
}

export type NoteDrafts = ReturnType<typeof createNoteDrafts>;
