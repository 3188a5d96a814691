// The cache runs on fake-indexeddb, a complete IndexedDB implementation for Node; the e2e tests
// exercise the same module on the browser's own IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHistoryCache, createNoteDrafts, openHistoryDb } from '../../lib/history-cache';
import type { ContactHistory } from '../../lib/protocol';

function history(contactId: string, notes = 0): ContactHistory {
  return {
    contact: { id: contactId, name: contactId, unknown: false, phones: [], emails: [], notes: '' },
    inProgress: 0,
    last30Days: notes,
    interactions: Array.from({ length: notes }, (_, i) => ({
      id: `${contactId}-${i}`,
      createdAt: i,
      open: false,
      phone: '+33612345678',
      centreNumber: '+33937000001',
      mode: 'page' as const,
      channel: 'sms',
      note: 'n'.repeat(100),
      preview: '',
      entryCount: 1,
    })),
    activities: [],
    total: notes,
    asOf: 0,
  };
}

let now = 1000;
const clock = () => (now += 1);
afterEach(async () => {
  await createHistoryCache(openHistoryDb).clear();
});

describe('the contact-history cache', () => {
  it('reads back what it stored, and nothing for a contact it never saw', async () => {
    const cache = createHistoryCache(openHistoryDb, undefined, clock);
    await cache.writeHistory(history('camille', 3));
    expect((await cache.readHistory('camille'))?.history.interactions.map((i) => i.id)).toEqual(['camille-0', 'camille-1', 'camille-2']);
    expect(await cache.readHistory('nobody')).toBeUndefined();
  });

  it('evicts the least recently used contacts past the contact limit, with their transcripts', async () => {
    const cache = createHistoryCache(openHistoryDb, { maxContacts: 2, maxBytes: 10_000_000 }, clock);
    await cache.writeHistory(history('a'));
    await cache.writeHistory(history('b'));
    await cache.writeTranscript('a', 'a-0', [{ kind: 'system', id: 'x', at: 1, code: 'interaction_done', params: {} }]);
    await cache.readHistory('a'); // a is now the most recently used
    expect(await cache.writeHistory(history('c'))).toEqual(['b']);
    expect(await cache.contacts()).toEqual(['a', 'c']);
    expect(await cache.readTranscript('a-0')).toHaveLength(1);
    expect(await cache.writeHistory(history('d'))).toEqual(['a']);
    expect(await cache.readTranscript('a-0')).toBeUndefined();
    expect(await cache.readHistory('a')).toBeUndefined();
  });

  it('evicts by size too, but never the contact just written', async () => {
    const cache = createHistoryCache(openHistoryDb, { maxContacts: 100, maxBytes: 40_000 }, clock);
    await cache.writeHistory(history('small', 10));
    await cache.writeHistory(history('big', 100)); // about 46 kB on its own: over the limit alone
    expect(await cache.contacts()).toEqual(['big']);
    expect(await cache.writeHistory(history('huge', 400))).toEqual(['big']);
    expect(await cache.contacts()).toEqual(['huge']);
  });

  it('keeps note drafts until the server holds the same text, and clears everything at sign-out', async () => {
    const database = () => openHistoryDb();
    const drafts = createNoteDrafts(database, clock);
    await drafts.save('i1', 'Client rappelé');
    await drafts.remove('i1', 'Client rap'); // an older save was acknowledged: the draft stays
    expect((await drafts.read('i1'))?.note).toBe('Client rappelé');
    await drafts.remove('i1', 'Client rappelé');
    expect(await drafts.read('i1')).toBeUndefined();

    await drafts.save('i2', 'brouillon');
    const cache = createHistoryCache(database, undefined, clock);
    await cache.writeHistory(history('a', 1));
    await cache.clear();
    expect(await cache.contacts()).toEqual([]);
    expect(await drafts.all()).toEqual([]);
  });
});
