// A finished session as kept in the trainee's history: the Turn log is the record; the report is
// recomputed from it whenever it is shown, so a better report reaches old sessions too.
import type { Turn } from './turn.ts';
import type { Mode } from './interactionMachine.ts';

export const HISTORY_VERSION = 1;

export interface FinishedSession {
  version: typeof HISTORY_VERSION;
  id: string;
  scenarioId: string;
  scenarioHash: string;
  scenarioTitle: string;
  clientName: string;
  mode: Mode;
  startedAt: string;
  endedAt: string;
  endingId: string;
  turns: Turn[];
}

function isTurn(t: unknown): t is Turn {
  if (!t || typeof t !== 'object') return false;
  const o = t as Record<string, unknown>;
  const chosen = o.chosen as Record<string, unknown> | undefined;
  const client = o.client as Record<string, unknown> | undefined;
  return (
    typeof o.nodeId === 'string' &&
    typeof o.retracted === 'boolean' &&
    !!chosen && Array.isArray(chosen.codes) && typeof chosen.say === 'string' && typeof chosen.category === 'string' &&
    !!client && typeof client.say === 'string' && typeof client.talk === 'string' &&
    Array.isArray(o.offered) && !!o.metersBefore && !!o.metersAfter
  );
}

/** Validates one stored or imported session; anything damaged is refused, never half-read. */
export function parseFinishedSession(data: unknown): FinishedSession | null {
  if (!data || typeof data !== 'object') return null;
  const s = data as Record<string, unknown>;
  if (s.version !== HISTORY_VERSION) return null;
  for (const k of ['id', 'scenarioId', 'scenarioHash', 'scenarioTitle', 'clientName', 'startedAt', 'endedAt', 'endingId']) {
    if (typeof s[k] !== 'string') return null;
  }
  if (s.mode !== 'practice' && s.mode !== 'assessment') return null;
  if (!Array.isArray(s.turns) || !s.turns.every(isTurn)) return null;
  return s as unknown as FinishedSession;
}

export interface HistoryFile {
  format: 'evoke-history';
  version: typeof HISTORY_VERSION;
  exportedAt: string;
  sessions: FinishedSession[];
}

export function historyFile(sessions: FinishedSession[], now = new Date()): HistoryFile {
  return { format: 'evoke-history', version: HISTORY_VERSION, exportedAt: now.toISOString(), sessions };
}

/** Reads an exported history file: the sessions that are sound, and how many were not. */
export function readHistoryFile(data: unknown): { sessions: FinishedSession[]; rejected: number } | null {
  if (!data || typeof data !== 'object') return null;
  const f = data as Record<string, unknown>;
  if (f.format !== 'evoke-history' || !Array.isArray(f.sessions)) return null;
  const sessions = f.sessions.map(parseFinishedSession);
  const ok = sessions.filter((s): s is FinishedSession => s !== null);
  return { sessions: ok, rejected: sessions.length - ok.length };
}
