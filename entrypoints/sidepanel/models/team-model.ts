import { effect, signal } from '@preact/signals';
import type { TeamPurpose } from '@/components/team/TargetRow';
import { parseWith, TargetList, type DirectoryTarget } from '@/lib/protocol';
import type { BackgroundLink } from '../background-link';
import type { AgentModel } from './agent-model';
import { runCommandForResult } from './run-command';

const TYPING_PAUSE_MS = 150;
/** Presence changes while the list is open: it is asked again this often. */
const REFRESH_MS = 5000;

/**
 * Team Communicator, open for one interaction at a time (to transfer it or to consult about it):
 * the search typed, the targets found (a late answer to an older search is dropped).
 */
export function createTeamModel(link: BackgroundLink, agent: AgentModel) {
  const openFor = signal<{ interactionId: string; purpose: TeamPurpose } | null>(null);
  const query = signal('');
  const targets = signal<readonly DirectoryTarget[] | null>(null);
  const searching = signal(false);
  const error = signal<string | null>(null);
  let asked = 0;
  let typing: ReturnType<typeof setTimeout> | undefined;
  let refresh: ReturnType<typeof setInterval> | undefined;

  async function search() {
    const mine = ++asked;
    searching.value = true;
    const outcome = await runCommandForResult(link, { name: 'listTargets', query: query.value });
    if (mine !== asked) return;
    searching.value = false;
    if (!outcome.ok) {
      error.value = outcome.message;
      return;
    }
    const parsed = parseWith(TargetList, outcome.result);
    error.value = parsed.ok ? null : parsed.message;
    if (parsed.ok) targets.value = parsed.value.targets;
  }

  function close() {
    openFor.value = null;
    clearTimeout(typing);
    clearInterval(refresh);
    asked++;
  }

  // Its interaction left the desk (transferred, closed): nothing to search for any more.
  effect(() => {
    const open = openFor.value;
    if (open && !agent.state.value?.interactions.some((i) => i.id === open.interactionId && !i.ended)) close();
  });

  return {
    openFor,
    query,
    targets,
    searching,
    error,
    open(interactionId: string, purpose: TeamPurpose) {
      close();
      openFor.value = { interactionId, purpose };
      query.value = '';
      targets.value = null;
      error.value = null;
      void search();
      // Not while an answer is awaited (offline, the outbox would pile the same question up).
      refresh = setInterval(() => {
        if (!searching.value) void search();
      }, REFRESH_MS);
    },
    close,
    setQuery(text: string) {
      query.value = text;
      clearTimeout(typing);
      typing = setTimeout(() => void search(), TYPING_PAUSE_MS);
    },
  };
}

export type TeamModel = ReturnType<typeof createTeamModel>;
