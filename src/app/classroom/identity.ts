// Who this device is in a classroom, kept on the device: a student's anonymous voter id (so a
// reload rejoins as the same voter) and the facilitator's secret per room.
const STUDENT_KEY = 'evoke.classroom.student';
const HOST_KEY = (code: string) => `evoke.classroom.host.${code}`;
/** A new key sent to the server, kept until the server confirms it: a dropped connection then loses nothing. */
const NEXT_HOST_KEY = (code: string) => `evoke.classroom.host.${code}.next`;

function randomId(bytes = 16): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function drop(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was kept, so nothing to drop.
  }
}

function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode with storage off: the id lives for this page only, which still works.
  }
}

let sessionStudentId: string | undefined;

export function studentId(): string {
  const stored = read(STUDENT_KEY);
  if (stored && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
  sessionStudentId ??= randomId();
  write(STUDENT_KEY, sessionStudentId);
  return sessionStudentId;
}

/** A new secret for a room about to be created. */
export function newHostSecret(): string {
  return randomId(24);
}

export function rememberHostSecret(code: string, secret: string) {
  write(HOST_KEY(code), secret);
}

export function hostSecretFor(code: string): string | null {
  return read(HOST_KEY(code));
}

/** The server refused this key (the facilitator made a new remote link): forget it, unless another tab already holds the new one. */
export function forgetHostSecret(code: string, secret: string) {
  if (read(HOST_KEY(code)) === secret) drop(HOST_KEY(code));
}

/** The key about to replace this room's, kept before it is sent. */
export function rememberNextHostSecret(code: string, secret: string) {
  write(NEXT_HOST_KEY(code), secret);
}

export function nextHostSecretFor(code: string): string | null {
  return read(NEXT_HOST_KEY(code));
}

/** The server confirmed the new key (or refused it): it becomes the room's key, or is dropped. */
export function settleNextHostSecret(code: string, confirmed: string | null) {
  if (confirmed) write(HOST_KEY(code), confirmed);
  drop(NEXT_HOST_KEY(code));
}
