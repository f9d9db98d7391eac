// The vote countdown as every screen shows it. The server owns it (the view says when the vote
// closes, by the server's clock) and closes the vote itself; a screen only counts down to that
// moment, corrected by the offset between its clock and the server's.
import { useEffect, useState } from 'react';
import type { RoomView } from '../../core/classroom/room.ts';

/** The quick choices a facilitator is offered, in seconds. */
export const COUNTDOWN_CHOICES = [10, 20, 30, 60, 120, 300] as const;

/** Whole seconds left until `closesAt` (server clock), never below zero. */
function secondsUntil(closesAt: number, nowMs: number, clockOffsetMs = 0): number {
  return Math.max(0, Math.ceil((closesAt - (nowMs + clockOffsetMs)) / 1000));
}

/** Seconds left in the open vote, or null when no vote with a countdown is open. */
export function useCountdown(view: RoomView | undefined, clockOffsetMs = 0): number | null {
  const countdown = view?.phase === 'open' ? view.countdown : undefined;
  const closesAt = countdown?.closesAt ?? null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (closesAt === null) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [closesAt]);
  // Until the first tick `now` may date from an earlier vote: never show more than the vote's length.
  return countdown ? Math.min(countdown.seconds, secondsUntil(countdown.closesAt, now, clockOffsetMs)) : null;
}

export function formatSeconds(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A countdown's length in words: "30 s", "1 min", "1 min 30 s". */
export function countdownWords(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

/** The same for a screen reader: "30 seconds", "1 minute", "1 minute 30 seconds". */
export function countdownSpoken(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (m === 0) return part(s, 'second');
  return s === 0 ? part(m, 'minute') : `${part(m, 'minute')} ${part(s, 'second')}`;
}
