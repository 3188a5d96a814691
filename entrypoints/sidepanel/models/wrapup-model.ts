import { signal } from '@preact/signals';
import type { NoteDrafts } from '@/lib/history-cache';
import type { Interaction } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import { createActionTracker } from './pending-set';
import { runCommand } from './run-command';

/** How long typing pauses before the note is sent to the server. */
export const NOTE_SAVE_DELAY_MS = 600;

export type NoteState = 'saved' | 'saving' | 'draft' | 'error';

/**
 * The wrap-up of each interaction: the note (kept as a local draft on every keystroke and saved
 * to the server when typing pauses, so closing the panel loses nothing), the disposition and the
 * editable case data.
 */
export function createWrapUpModel(link: BackgroundLink, drafts: NoteDrafts) {
  /** Notes being typed that the server may not hold yet, by interaction. */
  const notes = signal<ReadonlyMap<string, string>>(new Map());
  const noteStates = signal<ReadonlyMap<string, NoteState>>(new Map());
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const restored = new Set<string>();
  const actions = createActionTracker();

  const setIn = <T>(map: ReadonlyMap<string, T>, key: string, value: T | undefined) => {
    const next = new Map(map);
    if (value === undefined) next.delete(key);
    else next.set(key, value);
    return next;
  };

  async function sendNote(interactionId: string): Promise<void> {
    clearTimeout(timers.get(interactionId));
    timers.delete(interactionId);
    const note = notes.value.get(interactionId);
    if (note === undefined) return;
    noteStates.value = setIn(noteStates.value, interactionId, 'saving');
    const outcome = await runCommand(link, { name: 'setNote', interactionId, note });
    if (!outcome.ok) {
      noteStates.value = setIn(noteStates.value, interactionId, 'error');
      return;
    }
    await drafts.remove(interactionId, note).catch(() => undefined);
    // Typed on while this one travelled: the newer text is still to send.
    if (notes.value.get(interactionId) !== note) return;
    notes.value = setIn(notes.value, interactionId, undefined);
    noteStates.value = setIn(noteStates.value, interactionId, 'saved');
  }

  return {
    notes,
    noteStates,
    busy: actions.busy,
    errors: actions.errors,

    /** The note to show: what is being typed, else the server's. */
    noteOf: (interaction: Interaction) => notes.value.get(interaction.id) ?? interaction.note ?? '',

    typeNote(interactionId: string, note: string) {
      notes.value = setIn(notes.value, interactionId, note);
      noteStates.value = setIn(noteStates.value, interactionId, 'draft');
      drafts.save(interactionId, note).catch((error: unknown) => console.warn('Texto: note draft not kept:', error));
      clearTimeout(timers.get(interactionId));
      timers.set(
        interactionId,
        setTimeout(() => void sendNote(interactionId), NOTE_SAVE_DELAY_MS),
      );
    },

    /** Sends a pending note now (before Mark Done or Send). */
    flushNote: (interactionId: string) => sendNote(interactionId),

    /**
     * A panel opened on an interaction whose note was typed in a panel closed before saving: the
     * draft comes back and is sent.
     */
    async restoreDraft(interaction: Interaction): Promise<void> {
      if (restored.has(interaction.id)) return;
      restored.add(interaction.id);
      const draft = await drafts.read(interaction.id).catch(() => undefined);
      if (!draft) return;
      if (draft.note === (interaction.note ?? '')) {
        await drafts.remove(interaction.id, draft.note).catch(() => undefined);
        return;
      }
      if (notes.value.has(interaction.id)) return;
      notes.value = setIn(notes.value, interaction.id, draft.note);
      await sendNote(interaction.id);
    },

    setDisposition: (interactionId: string, code: string | null) =>
      actions.run(`disposition:${interactionId}`, () => runCommand(link, { name: 'setDisposition', interactionId, code })),

    setCaseData: (interactionId: string, key: string, value: string) =>
      actions.run(`case:${interactionId}:${key}`, () => runCommand(link, { name: 'setCaseData', interactionId, key, value })),

    reset() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      restored.clear();
      notes.value = new Map();
      noteStates.value = new Map();
    },
  };
}

export type WrapUpModel = ReturnType<typeof createWrapUpModel>;
