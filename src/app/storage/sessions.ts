// The trainee's place in a conversation, saved on every step so that a reload resumes it.
import { parseSavedSession, type SavedSession } from '../../core/engine/savedSession.ts';
import { readJson, remove, writeJson } from './localStore.ts';
import type { ScenarioRef } from '../library/scenarioSources.ts';

const key = (ref: ScenarioRef) => `evoke.session.v1.${ref.source}.${ref.id}`;

export function loadSavedSession(ref: ScenarioRef) {
  return readJson<SavedSession>(key(ref), parseSavedSession);
}

export function storeSession(ref: ScenarioRef, session: SavedSession): boolean {
  return writeJson(key(ref), session);
}

export function clearSession(ref: ScenarioRef): void {
  remove(key(ref));
}
