// The trainee's finished sessions, kept on their device in IndexedDB (idb-keyval). Nothing is
// sent anywhere. Damaged entries are skipped and counted, never allowed to blank the page.
import { clear, createStore, del, entries, set } from 'idb-keyval';
import { parseFinishedSession, type FinishedSession } from '../../core/engine/history.ts';

const store = () => createStore('evoke-history', 'sessions');

export interface HistoryRead {
  sessions: FinishedSession[];
  damaged: number;
  /** Set when the store could not be opened at all. */
  error?: string;
}

export async function readHistory(): Promise<HistoryRead> {
  try {
    const all = await entries(store());
    const sessions: FinishedSession[] = [];
    let damaged = 0;
    for (const [, value] of all) {
      const s = parseFinishedSession(value);
      if (s) sessions.push(s);
      else damaged++;
    }
    sessions.sort((a, b) => a.endedAt.localeCompare(b.endedAt));
    return { sessions, damaged };
  } catch {
    return { sessions: [], damaged: 0, error: 'Your history could not be opened in this browser (private browsing or storage turned off?).' };
  }
}

export async function saveFinished(session: FinishedSession): Promise<boolean> {
  try {
    await set(session.id, session, store());
    // Browsers may clear site data under pressure unless asked to keep it.
    void navigator.storage?.persist?.();
    return true;
  } catch {
    return false;
  }
}

export async function removeDamaged(): Promise<number> {
  const all = await entries(store());
  let n = 0;
  for (const [key, value] of all) {
    if (!parseFinishedSession(value)) {
      await del(key, store());
      n++;
    }
  }
  return n;
}

export async function importSessions(sessions: FinishedSession[]): Promise<number> {
  for (const s of sessions) await set(s.id, s, store());
  return sessions.length;
}

export async function clearHistory(): Promise<void> {
  await clear(store());
}

export async function isPersisted(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) ?? false;
  } catch {
    return false;
  }
}
