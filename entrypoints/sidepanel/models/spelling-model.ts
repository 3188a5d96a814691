import { computed, effect, signal } from '@preact/signals';
import { createSpellChecker, fetchBundledArtefact, SpellingError, SPELLING_LANGUAGES, type Misspelling, type SpellChecker, type SpellingLanguage } from '@/lib/spelling';
import { MAX_CHECKED_LENGTH } from '@/lib/spelling/protocol';
import type { SettingsModel } from './settings-model';
import { loadSpellingPreferences, saveChosenLanguage, savePersonalWords, uiSpellingLanguage } from './spelling-preferences';

/** Sending never waits longer than this for the spell check behind the warning. */
const SEND_CHECK_TIMEOUT_MS = 2000;

export type SpellingStatus = 'loading' | 'ready' | 'failed';
/** The misspellings found in `text`, the last text of a message box that was checked. */
export interface SpellingResult {
  text: string;
  misspellings: readonly Misspelling[];
}

/**
 * Spell checking for every open message box: one Worker-backed checker for the chosen language
 * (picked by the agent and remembered, else the administrator's default, else the UI language),
 * created when the panel opens so that the dictionary is ready before the first reply. Boxes
 * `watch` their text; one loop checks the newest text of each in turn, so boxes never cancel
 * each other's checks.
 */
export function createSpellingModel(settings: SettingsModel) {
  /** undefined until storage was read; null: the agent never picked one. */
  const chosen = signal<SpellingLanguage | null | undefined>(undefined);
  const language = computed(() => chosen.value ?? settings.compose.value.spellingLanguage ?? uiSpellingLanguage());
  const status = signal<SpellingStatus>('loading');
  const failure = signal<string | null>(null);
  const results = signal<ReadonlyMap<string, SpellingResult>>(new Map());
  const wanted = new Map<string, string>();
  let checker: SpellChecker | null = null;
  let pumping = false;
  let started: SpellingLanguage | undefined;
  /** Each language's personal dictionary as stored, kept current by addWord. */
  const personalWords: Record<SpellingLanguage, readonly string[]> = { en: [], fr: [] };

  const setResult = (boxId: string, result: SpellingResult | null) => {
    const next = new Map(results.value);
    if (result) next.set(boxId, result);
    else next.delete(boxId);
    results.value = next;
  };

  function start(next: SpellingLanguage) {
    checker?.dispose();
    status.value = 'loading';
    failure.value = null;
    results.value = new Map();
    const created = createSpellChecker({ language: next, loadArtefact: takeArtefact, personalWords: personalWords[next] });
    checker = created;
    created.ready.then(
      () => {
        if (checker !== created) return;
        status.value = 'ready';
        // Read by bench/compose.ts: how long after the panel opened the dictionary was usable.
        performance.mark('texto:spelling-ready', { detail: { language: next } });
        void pump();
      },
      (error: unknown) => {
        if (checker !== created) return;
        status.value = 'failed';
        failure.value = error instanceof Error ? error.message : String(error);
      },
    );
  }

  /** Checks, one at a time, each watched box whose newest text has no result yet. */
  async function pump() {
    if (pumping) return;
    pumping = true;
    try {
      for (;;) {
        const current = checker;
        if (!current || status.value !== 'ready') return;
        const next = [...wanted].find(([boxId, text]) => results.value.get(boxId)?.text !== text);
        if (!next) return;
        const [boxId, text] = next;
        // A paste far beyond any SMS is not checked (the worker would refuse it): no underlines.
        if (text.length > MAX_CHECKED_LENGTH) {
          setResult(boxId, { text, misspellings: [] });
          continue;
        }
        const outcome = await current.check(text);
        if (current !== checker) continue;
        // Only this loop checks, so nothing supersedes it; if it ever did, the loop asks again.
        if (outcome.status === 'checked' && wanted.get(boxId) !== undefined) setResult(boxId, outcome);
      }
    } catch (error) {
      // A checker replaced by another language rejects what it had pending: nothing to report.
      // Otherwise the next keystroke (watch) tries again.
      if (!(error instanceof SpellingError && error.code === 'disposed')) console.warn('Texto: spell check failed:', error);
    } finally {
      pumping = false;
    }
  }

  /** A message box's text changed: check it (its previous result stays until the new one comes). */
  function watch(boxId: string, text: string) {
    if (wanted.get(boxId) === text) return;
    wanted.set(boxId, text);
    void pump();
  }

  // The likely dictionary is fetched while storage says which one the agent picked: the panel
  // needs it within a few hundred milliseconds of opening. Used once (it is transferred).
  const prefetched = new Map<SpellingLanguage, Promise<ArrayBuffer>>();
  const likely = uiSpellingLanguage();
  const early = fetchBundledArtefact(likely);
  early.catch(() => undefined);
  prefetched.set(likely, early);
  const takeArtefact = (wanted: SpellingLanguage) => {
    const buffer = prefetched.get(wanted);
    prefetched.clear(); // another language picked: let the guess go
    return buffer ?? fetchBundledArtefact(wanted);
  };

  void loadSpellingPreferences()
    .catch(() => null)
    .then((stored) => {
      if (stored) Object.assign(personalWords, stored.words);
      chosen.value = stored?.chosen ?? null;
    });
  effect(() => {
    const next = language.value;
    if (chosen.value === undefined || next === started) return;
    started = next;
    start(next);
  });

  return {
    languages: SPELLING_LANGUAGES,
    language,
    status,
    failure,
    results,
    setLanguage(next: SpellingLanguage) {
      chosen.value = next;
      void saveChosenLanguage(next);
    },
    watch,
    unwatch(boxId: string) {
      wanted.delete(boxId);
      setResult(boxId, null);
    },
    /**
     * The misspellings of exactly `text` in box `boxId` (for the warning before sending), once the
     * loop has checked it; null when spelling is unavailable or takes too long.
     */
    misspellingsNow(boxId: string, text: string): Promise<readonly Misspelling[] | null> {
      watch(boxId, text);
      return new Promise((resolve) => {
        let settled = false;
        const finish = (value: readonly Misspelling[] | null) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          queueMicrotask(() => stop());
          resolve(value);
        };
        const timer = setTimeout(() => finish(null), SEND_CHECK_TIMEOUT_MS);
        const stop = effect(() => {
          if (status.value !== 'ready') return finish(null);
          const result = results.value.get(boxId);
          if (result?.text === text) finish(result.misspellings);
        });
      });
    },
    async suggest(word: string): Promise<string[]> {
      return checker && status.value === 'ready' ? checker.suggest(word) : [];
    },
    /** "Add to dictionary": stored per language, and every box is checked again. */
    async addWord(word: string): Promise<void> {
      const current = checker;
      if (!current) return;
      const words = await current.addWord(word);
      personalWords[current.language] = words;
      await savePersonalWords(current.language, words);
      if (current !== checker) return;
      results.value = new Map();
      void pump();
    },
  };
}

export type SpellingModel = ReturnType<typeof createSpellingModel>;
