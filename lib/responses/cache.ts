import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import * as v from 'valibot';
import { StandardResponseLibrary } from '../protocol';

// The standard responses library, kept in IndexedDB per server so that the message box has it
// at once when the panel opens and while the server cannot be reached.

interface ResponsesDb extends DBSchema {
  libraries: { key: string; value: { server: string; library: StandardResponseLibrary; savedAt: number } };
}

const DB_NAME = 'texto-responses';
let opening: Promise<IDBPDatabase<ResponsesDb>> | undefined;

function database(): Promise<IDBPDatabase<ResponsesDb>> {
  opening ??= openDB<ResponsesDb>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore('libraries', { keyPath: 'server' });
    },
  });
  return opening;
}

/** The library last fetched from `server`, or undefined (none yet, or unreadable: refetch). */
export async function readCachedLibrary(server: string): Promise<StandardResponseLibrary | undefined> {
  const record = await (await database()).get('libraries', server);
  const parsed = v.safeParse(StandardResponseLibrary, record?.library);
  return parsed.success ? parsed.output : undefined;
}

export async function writeCachedLibrary(server: string, library: StandardResponseLibrary): Promise<void> {
  await (await database()).put('libraries', { server, library, savedAt: Date.now() });
}
