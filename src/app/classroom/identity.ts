// Who this device is in a classroom, kept on the device: a student's anonymous voter id (so a
// reload rejoins as the same voter) and the facilitator's secret per room.
const STUDENT_KEY = 'evoke.classroom.student';
const HOST_KEY = (code: string) => `evoke.classroom.host.${code}`;

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

/** The server refused this key (not, or no longer, one of the room's keys): forget it, unless another tab already holds another one. */
export function forgetHostSecret(code: string, secret: string) {
  if (read(HOST_KEY(code)) === secret) drop(HOST_KEY(code));
}
