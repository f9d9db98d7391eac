// The vote countdown runs on the facilitator's screen only, from when this screen first saw the
// vote open (kept for the tab, so a reload does not restart it). The server does not enforce it:
// at zero the host's screen closes the vote like the facilitator would.
import { useEffect, useRef, useState } from 'react';

function key(round: string) {
  return `evoke.classroom.opened.${round}`;
}

function openedAt(round: string): number {
  try {
    const stored = Number(sessionStorage.getItem(key(round)));
    if (stored > 0) return stored;
    const now = Date.now();
    sessionStorage.setItem(key(round), String(now));
    return now;
  } catch {
    return Date.now();
  }
}

/**
 * Seconds left in the open vote, or null when there is no countdown or no open vote.
 * @param round names this vote (room, node and turn), so a new vote starts a new countdown.
 */
export function useCountdown(open: boolean, seconds: number | null, round: string, onZero?: () => void): number | null {
  const [now, setNow] = useState(() => Date.now());
  const fired = useRef<string | null>(null);
  const running = open && seconds !== null;
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);
  const start = running ? openedAt(round) : 0;
  const left = running ? Math.max(0, Math.ceil(seconds - (now - start) / 1000)) : null;
  const zero = left === 0;
  const latest = useRef(onZero);
  useEffect(() => {
    latest.current = onZero;
  });
  useEffect(() => {
    if (zero && fired.current !== round) {
      fired.current = round;
      latest.current?.();
    }
  }, [zero, round]);
  return left;
}

export function formatSeconds(s: number): string {
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
