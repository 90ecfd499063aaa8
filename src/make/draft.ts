/**
 * The "Make your own" page's draft: the file and the settings, kept in the browser's own
 * storage (IndexedDB: a file may be megabytes) so nothing is lost on a reload, and nothing
 * leaves the browser. Cleared only when the person asks.
 */
import type { ImportFormat } from '../import';

export interface DraftSettings {
  title: string;
  description: string;
  attribution: string;
  /** The opening window as dates (YYYY-MM-DD), or empty for the whole period. */
  from: string;
  to: string;
}

export interface Draft {
  name: string;
  text: string;
  /** The format chosen, or null to detect it. */
  format: ImportFormat | null;
  settings: DraftSettings;
}

const DB = 'chronomap-make';
const STORE = 'drafts';
const KEY = 'current';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** The saved draft, or null (none, or storage refused: private windows may refuse it). */
export async function loadDraft(): Promise<Draft | null> {
  try {
    const value = (await run('readonly', (s) => s.get(KEY))) as Draft | undefined;
    return value && typeof value.text === 'string' ? value : null;
  } catch {
    return null;
  }
}

export async function saveDraft(draft: Draft): Promise<boolean> {
  try {
    await run('readwrite', (s) => s.put(draft, KEY));
    return true;
  } catch {
    return false;
  }
}

export async function clearDraft(): Promise<void> {
  try {
    await run('readwrite', (s) => s.delete(KEY));
  } catch {
    // Nothing stored, or storage refused: nothing to clear.
  }
}
