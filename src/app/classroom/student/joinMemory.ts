// The room this phone last joined, kept on the device: a reload or a QR link opened again goes
// straight back into the room, with the same handle (a different handle would rename the voter).
import { isJoinCode, normaliseJoinCode, sanitiseHandle } from '../../../core/classroom/room.ts';

const KEY = 'evoke.classroom.joined';

export interface JoinedRoom {
  code: string;
  handle?: string;
}

export function rememberJoin(room: JoinedRoom): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(room));
  } catch {
    // Storage off: a reload shows the join form again, with the code from the link.
  }
}

export function recallJoin(): JoinedRoom | null {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return null;
    const { code, handle } = raw as Record<string, unknown>;
    if (typeof code !== 'string' || !isJoinCode(code)) return null;
    const clean = typeof handle === 'string' ? sanitiseHandle(handle) : undefined;
    return clean ? { code, handle: clean } : { code };
  } catch {
    return null;
  }
}

export function forgetJoin(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

export type CodeCheck = { ok: true; code: string } | { ok: false; message: string };

const LOOK_ALIKES = '0O1IL2Z5S8B';

/** What a student typed, as a join code, or a message saying what to fix. */
export function checkTypedCode(typed: string): CodeCheck {
  const code = normaliseJoinCode(typed);
  if (code === '') return { ok: false, message: 'Type the join code shown on the facilitator’s screen.' };
  if (isJoinCode(code)) return { ok: true, code };
  const lookAlike = [...code].find((c) => LOOK_ALIKES.includes(c));
  if (lookAlike) return { ok: false, message: `Join codes never use ${lookAlike}: they leave out 0, O, 1, I, L, 2, Z, 5, S, 8 and B, which look alike. Check the code on the screen.` };
  const other = [...code].find((c) => !/[A-Z0-9]/.test(c));
  if (other) return { ok: false, message: `A join code has only letters and digits; “${other}” is not one of them.` };
  return { ok: false, message: `A join code has 6 characters; this one has ${code.length}.` };
}
