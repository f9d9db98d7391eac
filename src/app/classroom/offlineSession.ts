// Projector-only mode (no network): the same pure Room model runs in the browser, the facilitator
// types show-of-hands counts, and the room's journal is kept in localStorage after every step so
// a reload (or a closed laptop lid) loses nothing.
import { isCountdownSeconds, Room, type HostAction, type Result, type RoomEvent } from '../../core/classroom/room.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { readJson, remove, writeJson } from '../storage/localStore.ts';

const KEY = 'evoke.classroom.offline.v1';
/** The room never leaves this browser; the secret only satisfies the model's host check. */
export const OFFLINE_SECRET = 'projector-only-mode';
const OFFLINE_CODE = 'ACDEFG';

export interface OfflineSession {
  version: 1;
  scenarioId: string;
  showMeters: boolean;
  startedAt: string;
  /** Seconds each vote runs before it closes by itself; null: no countdown. Absent in sessions saved before countdowns. */
  countdown?: number | null;
  journal: RoomEvent[];
}

function parse(data: unknown): OfflineSession | null {
  if (!data || typeof data !== 'object') return null;
  const o = data as Record<string, unknown>;
  if (o.version !== 1 || typeof o.scenarioId !== 'string' || typeof o.showMeters !== 'boolean' || typeof o.startedAt !== 'string' || !Array.isArray(o.journal)) return null;
  if (o.countdown !== undefined && o.countdown !== null && !isCountdownSeconds(o.countdown)) return null;
  return o as unknown as OfflineSession;
}

export function loadOffline(): { session: OfflineSession | null; problem?: string } {
  const r = readJson(KEY, parse);
  return r.ok ? { session: r.value } : { session: null, problem: r.reason };
}

export function saveOffline(session: OfflineSession): boolean {
  return writeJson(KEY, session);
}

export function clearOffline(): void {
  remove(KEY);
}

export function startOffline(scenario: Scenario, showMeters: boolean, countdown: number | null, now = new Date()): { session: OfflineSession; room: Room } | { error: string } {
  const r = Room.create({ scenario, hostSecret: OFFLINE_SECRET, code: OFFLINE_CODE });
  if (!r.ok) return { error: r.error };
  const session: OfflineSession = { version: 1, scenarioId: scenario.id, showMeters, countdown, startedAt: now.toISOString(), journal: [...r.value.journal] };
  return { session, room: r.value };
}

export function resumeOffline(session: OfflineSession, scenario: Scenario): Result<Room> {
  return Room.fromJournal(session.journal, scenario);
}

export type OfflineStep =
  | { action: HostAction; response?: string; tieBreak?: string }
  | { counts: Record<string, number> }
  /** The open vote's countdown may have run out: close it if so, as the server does in room mode. */
  | { timeCheck: true };

/**
 * One facilitator step on the local room; returns the session to save, or why it was refused.
 * `now` is this browser's clock: a vote opened with the session's countdown closes at now + its length.
 */
export function offlineStep(room: Room, session: OfflineSession, step: OfflineStep, now = Date.now()): Result<OfflineSession> {
  const countdown = session.countdown ?? null;
  const r =
    'counts' in step
      ? room.count(OFFLINE_SECRET, step.counts)
      : 'timeCheck' in step
        ? room.closeIfTimeUp(now)
        : room.host(OFFLINE_SECRET, step.action, step.response, step.tieBreak, step.action === 'openVote' && countdown !== null ? { seconds: countdown, now } : undefined);
  if (!r.ok) return r;
  return { ok: true, value: { ...session, journal: [...room.journal] } };
}
