// Projector-only mode's countdown: the browser's own room opens a timed vote with the session's
// countdown, and closes it by itself once it runs out (after a reload too), as the server does.
import { describe, expect, it } from 'vitest';
import { offlineStep, resumeOffline, startOffline, type OfflineSession } from '../../src/app/classroom/offlineSession.ts';
import type { Room } from '../../src/core/classroom/room.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const T0 = 1_700_000_000_000;

function started(countdown: number | null): { room: Room; session: OfflineSession } {
  const s = startOffline(small, true, countdown, new Date(T0));
  if ('error' in s) throw new Error(s.error);
  return s;
}

function step(room: Room, session: OfflineSession, s: Parameters<typeof offlineStep>[2], now: number): OfflineSession {
  const r = offlineStep(room, session, s, now);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('projector-only countdown', () => {
  it('opens the vote with the chosen countdown and closes it once it runs out', () => {
    const { room, session } = started(30);
    let saved = step(room, session, { action: 'openVote' }, T0);
    expect(room.view({ host: true }).countdown).toEqual({ seconds: 30, closesAt: T0 + 30_000 });
    saved = step(room, saved, { timeCheck: true }, T0 + 29_999);
    expect(room.currentPhase).toBe('open');
    saved = step(room, saved, { timeCheck: true }, T0 + 30_000);
    expect(room.view({ host: true })).toMatchObject({ phase: 'closed', timeUp: true });
    // The hands are counted after the countdown, then revealed.
    saved = step(room, saved, { counts: { reflect: 7, push: 2 } }, T0 + 40_000);
    saved = step(room, saved, { action: 'reveal' }, T0 + 41_000);
    expect(room.view({ host: true }).reveal!.options.map((o) => o.votes)).toEqual([7, 2]);
    expect(saved.countdown).toBe(30);
  });

  it('closes a vote whose countdown ran out while the page was closed, once resumed', () => {
    const { room, session } = started(10);
    const saved = step(room, session, { action: 'openVote' }, T0);
    const again = resumeOffline(JSON.parse(JSON.stringify(saved)) as OfflineSession, small);
    if (!again.ok) throw new Error(again.error);
    expect(again.value.view({ host: true }).countdown?.closesAt).toBe(T0 + 10_000);
    step(again.value, saved, { timeCheck: true }, T0 + 60_000);
    expect(again.value.view({ host: true })).toMatchObject({ phase: 'closed', timeUp: true });
  });

  it('opens an untimed vote without a countdown, or with one chosen later', () => {
    const { room, session } = started(null);
    let saved = step(room, session, { action: 'openVote' }, T0);
    expect(room.view({ host: true }).countdown).toBeUndefined();
    saved = step(room, saved, { timeCheck: true }, T0 + 3_600_000);
    expect(room.currentPhase).toBe('open');
    saved = step(room, saved, { action: 'closeVote' }, T0);
    saved = step(room, saved, { action: 'continue', response: 'reflect' }, T0);
    step(room, { ...saved, countdown: 20 }, { action: 'openVote' }, T0);
    expect(room.view({ host: true }).countdown).toEqual({ seconds: 20, closesAt: T0 + 20_000 });
  });
});
