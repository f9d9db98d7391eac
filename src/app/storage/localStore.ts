// localStorage that never throws: storage may be full, disabled (private mode) or hold
// something another version wrote. A bad value reads as absent, and the caller says so.

export type ReadResult<T> = { ok: true; value: T | null } | { ok: false; reason: string };

export function readJson<T>(key: string, validate: (data: unknown) => T | null): ReadResult<T> {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return { ok: false, reason: 'this browser does not allow saving here' };
  }
  if (raw === null) return { ok: true, value: null };
  try {
    const value = validate(JSON.parse(raw));
    return value === null ? { ok: false, reason: 'the saved data could not be read' } : { ok: true, value };
  } catch {
    return { ok: false, reason: 'the saved data is damaged' };
  }
}

export function writeJson(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing to do: storage is unavailable, so nothing was kept either.
  }
}
