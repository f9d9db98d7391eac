// The saved form of a session, and its validation when read back. Kept apart from the machine so
// that pages which only list saved sessions do not load the engine.
import type { Mode, SessionStep } from './interactionMachine.ts';

export const SAVED_SESSION_VERSION = 1;

export interface SavedSession {
  version: typeof SAVED_SESSION_VERSION;
  scenarioId: string;
  scenarioHash: string;
  mode: Mode;
  steps: SessionStep[];
  startedAt: string;
  savedAt: string;
}

/** Validates data read back from storage: anything else is treated as no saved session. */
export function parseSavedSession(data: unknown): SavedSession | null {
  if (!data || typeof data !== 'object') return null;
  const s = data as Record<string, unknown>;
  if (s.version !== SAVED_SESSION_VERSION) return null;
  if (typeof s.scenarioId !== 'string' || typeof s.scenarioHash !== 'string') return null;
  if (s.mode !== 'practice' && s.mode !== 'assessment') return null;
  if (!Array.isArray(s.steps) || typeof s.startedAt !== 'string') return null;
  const steps: SessionStep[] = [];
  for (const step of s.steps as unknown[]) {
    if (!step || typeof step !== 'object') return null;
    const st = step as Record<string, unknown>;
    if (typeof st.node !== 'string') return null;
    if (typeof st.choose === 'string') steps.push({ node: st.node, choose: st.choose });
    else if (st.retry === true) steps.push({ node: st.node, retry: true });
    else if (st.continue === true) steps.push({ node: st.node, continue: true });
    else return null;
  }
  return { version: SAVED_SESSION_VERSION, scenarioId: s.scenarioId, scenarioHash: s.scenarioHash, mode: s.mode, steps, startedAt: s.startedAt, savedAt: typeof s.savedAt === 'string' ? s.savedAt : s.startedAt };
}

