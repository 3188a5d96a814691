import { describe, expect, it } from 'vitest';
import { foldForSearch, MAX_TARGETS, searchTargets, type Searchable } from '../../server/domain/directory-search';

const agent = (agentId: string, name: string, presence: 'ready' | 'not_ready' | 'busy' | 'offline'): Searchable => ({
  kind: 'agent',
  agentId,
  name,
  presence,
  recent: false,
  keywords: `${name} ${agentId}`,
});
const queue = (name: string, description = ''): Searchable => ({ kind: 'queue', queue: name, readyAgents: 0, recent: false, keywords: `${name} ${description}` });

const TARGETS = [
  agent('zoe', 'Zoé Lemaire', 'offline'),
  agent('bob', 'Bob Durand', 'busy'),
  agent('lea', 'Léa Dubois', 'ready'),
  agent('hugo', 'Hugo Moreau', 'not_ready'),
  queue('general', 'Every customer text'),
  queue('billing', 'Factures et paiements'),
];
const names = (query: string, recents: Parameters<typeof searchTargets>[2] = []) =>
  searchTargets(TARGETS, query, recents).map((t) => (t.kind === 'agent' ? t.name : `#${t.queue}`) + (t.recent ? '*' : ''));

describe('Team Communicator search', () => {
  it('lists agents by presence (Ready, Not Ready, busy, offline) then queues, by name', () => {
    expect(names('')).toEqual(['Léa Dubois', 'Hugo Moreau', 'Bob Durand', 'Zoé Lemaire', '#billing', '#general']);
  });

  it('matches the start of any word, ignoring case and accents; every word typed must match', () => {
    expect(names('lea')).toEqual(['Léa Dubois']);
    expect(names('DU')).toEqual(['Léa Dubois', 'Bob Durand']);
    expect(names('du bo')).toEqual(['Bob Durand']);
    expect(names('du lé')).toEqual(['Léa Dubois']);
    expect(names('urand')).toEqual([]);
    expect(names('paie')).toEqual(['#billing']);
    expect(names('  ')).toHaveLength(TARGETS.length);
    expect(names('<b>')).toEqual(['Bob Durand', '#billing']); // markup is only separators
  });

  it('puts recent targets first, newest first, and marks them', () => {
    const recents = [
      { kind: 'queue' as const, target: 'general', usedAt: 20 },
      { kind: 'agent' as const, target: 'zoe', usedAt: 30 },
    ];
    expect(names('', recents)).toEqual(['Zoé Lemaire*', '#general*', 'Léa Dubois', 'Hugo Moreau', 'Bob Durand', '#billing']);
    expect(names('gen', recents)).toEqual(['#general*']);
  });

  it('folds accents and case', () => {
    expect(foldForSearch('Léa ÉLODIE Çà')).toBe('lea elodie ca');
  });

  it('caps the list', () => {
    const many = Array.from({ length: 80 }, (_, i) => agent(`a${i}`, `Agent ${String(i).padStart(2, '0')}`, 'ready'));
    expect(searchTargets(many, 'agent', [])).toHaveLength(MAX_TARGETS);
  });
});
