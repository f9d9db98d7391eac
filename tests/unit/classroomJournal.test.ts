// The on-disk room journal: events survive a restart, torn lines are skipped and cut off.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Room, type RoomEvent } from '../../src/core/classroom/room.ts';
import { isRoomEvent, JournalStore } from '../../src/server/classroom/journal.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const SECRET = 'host-secret-123';
const A = 'student-aaaa';
const B = 'student-bbbb';

let dir: string;
let warnings: string[];
let store: JournalStore;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'evoke-journal-'));
  warnings = [];
  store = new JournalStore(dir, (m) => warnings.push(m));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** A room whose every event is written to the store as it happens, as the server does. */
function liveRoom(code = 'ACDEFG'): { room: Room; step: (r: { ok: true; value: RoomEvent | null } | { ok: false; error: string }) => void } {
  const room = must(Room.create({ scenario: small, hostSecret: SECRET, code }));
  store.append(code, ...room.journal);
  return {
    room,
    step: (r) => {
      const e = must(r);
      if (e) store.append(code, e);
    },
  };
}

describe('JournalStore', () => {
  it('rebuilds a room from disk after a restart, mid-vote', () => {
    const { room, step } = liveRoom();
    step(room.join(A, 'Ana'));
    step(room.join(B));
    step(room.host(SECRET, 'openVote'));
    step(room.vote(A, 'reflect'));
    step(room.vote(B, 'push'));
    step(room.vote(B, 'reflect'));
    store.close();

    const restarted = new JournalStore(dir, (m) => warnings.push(m));
    const { rooms, failed } = restarted.loadRooms((id) => (id === small.id ? small : undefined));
    expect(failed).toEqual([]);
    expect(rooms).toHaveLength(1);
    expect(rooms[0]!.dump()).toEqual(room.dump());
    expect(rooms[0]!.tally()).toEqual({ reflect: 2, push: 0 });
    expect(warnings).toEqual([]);
    restarted.close();
  });

  it('writes one JSON event per line', () => {
    const { room, step } = liveRoom();
    step(room.join(A));
    const lines = readFileSync(join(dir, 'ACDEFG.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(room.journal);
  });

  it('skips a torn last line with a warning, and later appends start clean', () => {
    const { room, step } = liveRoom();
    step(room.join(A));
    store.close();
    appendFileSync(join(dir, 'ACDEFG.jsonl'), '{"type":"voted","studentId":"stu');
    const loaded = store.load('ACDEFG');
    expect(loaded.events).toEqual(room.journal);
    expect(loaded.skipped).toBe(1);
    expect(warnings).toEqual(['classroom journal ACDEFG: skipped line 3, which was never finished']);
    store.append('ACDEFG', { type: 'voteOpened' });
    expect(store.load('ACDEFG').events).toEqual([...room.journal, { type: 'voteOpened' }]);
    expect(store.load('ACDEFG').skipped).toBe(0);
  });

  it('skips lines that are not room events', () => {
    const { room } = liveRoom();
    store.close();
    appendFileSync(join(dir, 'ACDEFG.jsonl'), 'garbage\n{"type":"nope"}\n\n');
    const loaded = store.load('ACDEFG');
    expect(loaded.events).toEqual(room.journal);
    expect(loaded.skipped).toBe(2);
    expect(warnings).toHaveLength(2);
  });

  it('reports rooms it cannot restore and keeps their files', () => {
    liveRoom('ACDEFG');
    writeFileSync(join(dir, 'HJKMNP.jsonl'), '{"type":"joined","studentId":"student-aaaa"}\n');
    const { rooms, failed } = store.loadRooms(() => undefined);
    expect(rooms).toEqual([]);
    expect(failed.map((f) => f.code)).toEqual(['ACDEFG', 'HJKMNP']);
    expect(failed[0]!.reason).toContain("scenario 'small-test'");
    expect(store.codes()).toEqual(['ACDEFG', 'HJKMNP']);
  });

  it('never uses anything but a join code as a file name', () => {
    expect(() => store.append('../etc', { type: 'voteOpened' })).toThrow('not a join code');
    expect(() => store.load('ACDEF0')).toThrow('not a join code');
  });

  it('removes an expired room', () => {
    liveRoom('ACDEFG');
    store.remove('ACDEFG');
    expect(store.codes()).toEqual([]);
  });

  it('checks the fields of each event', () => {
    expect(isRoomEvent({ type: 'voted', studentId: A, response: 'x' })).toBe(true);
    expect(isRoomEvent({ type: 'voted', studentId: A })).toBe(false);
    expect(isRoomEvent({ type: 'continued', response: 'x', by: 'someone' })).toBe(false);
    expect(isRoomEvent({ type: 'created', code: 'ACDEFG', hostSecret: SECRET, scenarioId: 's', scenarioHash: 'h' })).toBe(false);
    expect(isRoomEvent({ type: 'toString' })).toBe(false);
    expect(isRoomEvent(null)).toBe(false);
  });
});
