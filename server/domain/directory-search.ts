import type { AgentPresence, DirectoryTarget } from '../../lib/protocol';
import type { RecentTarget } from './recent-targets';

/** Most results Team Communicator shows for one search. */
export const MAX_TARGETS = 50;

/** Lower case, without accents, so "dur" finds "Durand" and "lea" finds "Léa". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

const PRESENCE_ORDER: Record<AgentPresence, number> = { ready: 0, not_ready: 1, busy: 2, offline: 3 };

/** The words a target is found by: an agent's name and username, a queue's name and description. */
export type Searchable = DirectoryTarget & { keywords: string };

function targetKey(target: DirectoryTarget): string {
  return target.kind === 'agent' ? `agent:${target.agentId}` : `queue:${target.queue}`;
}

function label(target: DirectoryTarget): string {
  return target.kind === 'agent' ? target.name : target.queue;
}

/**
 * Team Communicator's search: every word typed must start a word of the target (accents and case
 * ignored); recent targets first (newest first), then agents by presence (Ready first) and name,
 * then queues by name.
 */
export function searchTargets(targets: readonly Searchable[], query: string, recents: readonly RecentTarget[]): DirectoryTarget[] {
  const words = foldForSearch(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const recentAt = new Map(recents.map((r) => [`${r.kind}:${r.target}`, r.usedAt]));
  const found = targets.filter((target) => {
    const own = foldForSearch(target.keywords).split(/[^\p{L}\p{N}]+/u);
    return words.every((word) => own.some((w) => w.startsWith(word)));
  });
  const ranked = found
    .map(({ keywords: _keywords, ...target }): DirectoryTarget => ({ ...target, recent: recentAt.has(targetKey(target)) }))
    .sort((a, b) => {
      const ra = recentAt.get(targetKey(a));
      const rb = recentAt.get(targetKey(b));
      if (ra !== undefined || rb !== undefined) return (rb ?? -1) - (ra ?? -1);
      if (a.kind !== b.kind) return a.kind === 'agent' ? -1 : 1;
      if (a.kind === 'agent' && b.kind === 'agent' && a.presence !== b.presence) return PRESENCE_ORDER[a.presence] - PRESENCE_ORDER[b.presence];
      return label(a).localeCompare(label(b));
    });
  return ranked.slice(0, MAX_TARGETS);
}
