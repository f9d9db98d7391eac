// The saved form of a session, and its validation when read back. Kept apart from the machine so
// that pages which only list saved sessions do not load the engine.
import { MI_CODES, type MiCode } from '../coding/codes.ts';
import { BRANCH_RULES, MAX_TYPED_LENGTH, type BranchRule, type TypedAnswer } from '../freeText/types.ts';
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
    if (typeof st.choose === 'string') {
      if (st.typed === undefined) steps.push({ node: st.node, choose: st.choose });
      else {
        const typed = parseTypedAnswer(st.typed);
        if (!typed) return null;
        steps.push({ node: st.node, choose: st.choose, typed });
      }
    } else if (typeof st.intended === 'string' && isMiCode(st.intended)) steps.push({ node: st.node, intended: st.intended });
    else if (st.retry === true) steps.push({ node: st.node, retry: true });
    else if (st.continue === true) steps.push({ node: st.node, continue: true });
    else return null;
  }
  return { version: SAVED_SESSION_VERSION, scenarioId: s.scenarioId, scenarioHash: s.scenarioHash, mode: s.mode, steps, startedAt: s.startedAt, savedAt: typeof s.savedAt === 'string' ? s.savedAt : s.startedAt };
}


function isMiCode(value: string): value is MiCode {
  return (MI_CODES as readonly string[]).includes(value);
}

function parseTypedAnswer(data: unknown): TypedAnswer | null {
  if (!data || typeof data !== 'object') return null;
  const t = data as Record<string, unknown>;
  if (typeof t.text !== 'string' || typeof t.code !== 'string' || !isMiCode(t.code)) return null;
  if (typeof t.rule !== 'string' || !(BRANCH_RULES as readonly string[]).includes(t.rule)) return null;
  const confidence = typeof t.confidence === 'number' && Number.isFinite(t.confidence) ? Math.min(1, Math.max(0, t.confidence)) : 0;
  const cues = Array.isArray(t.cues) ? t.cues.filter((c): c is string => typeof c === 'string').slice(0, 20) : [];
  return { text: t.text.slice(0, MAX_TYPED_LENGTH), code: t.code, confidence, cues, rule: t.rule as BranchRule };
}
