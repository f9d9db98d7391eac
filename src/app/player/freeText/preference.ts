// Whether the trainee prefers to type their responses: a device preference, not part of a
// session, so it survives a restart and applies to every scenario.
import { readJson, writeJson } from '../../storage/localStore.ts';

const KEY = 'evoke.freeText.v1';

export function readTypingPreference(): boolean {
  const read = readJson<boolean>(KEY, (v) => (typeof v === 'boolean' ? v : null));
  return read.ok && read.value === true;
}

export function writeTypingPreference(on: boolean): void {
  writeJson(KEY, on);
}
