// Durable room state (issue 7, "The server"): one append-only JSON-lines file per room, each
// event written before the server acts on it (votes and joins also fsynced first; host actions
// fsynced just after), read back at start-up to rebuild rooms.
//
// Why a journal and not SQLite (better-sqlite3): better-sqlite3 is a native module, and building
// it takes about a minute on every fresh install here (and needs a compiler toolchain on the
// facilitator's laptop when no prebuilt binary matches). What a room needs is far less than a
// database: a room lives a few hours, is written by one process, and is read back only whole, at
// start-up. An append-only file per room with fsync gives exactly that: a vote is on disk before
// it is acknowledged, a crash can at worst tear the last line (which is skipped, and cut off so
// the next append starts clean), and rebuilding is replaying the events through the same room
// model. Rooms are independent files, so expiring a room is deleting its file.
import { closeSync, existsSync, fstatSync, fsync as fsyncInBackground, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { isJoinCode, Room, type RoomEvent } from '../../core/classroom/room.ts';
import type { Scenario } from '../../core/scenario/types.ts';

const SUFFIX = '.jsonl';

export interface LoadedJournal {
  code: string;
  events: RoomEvent[];
  /** Lines that could not be read, skipped with a warning. */
  skipped: number;
}

const EVENT_FIELDS: Record<RoomEvent['type'], readonly string[]> = {
  created: ['code', 'hostSecret', 'scenarioId', 'scenarioHash'],
  joined: ['studentId'],
  voteOpened: [],
  voted: ['studentId', 'response'],
  voteClosed: [],
  revealed: [],
  continued: ['response', 'by'],
  back: [],
  ended: [],
  discussShown: [],
  counted: [],
  hostKeyChanged: ['hostSecret'],
};

/** A line read back is an event only if it has the fields its type needs. */
export function isRoomEvent(v: unknown): v is RoomEvent {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  if (typeof o.type !== 'string' || !Object.hasOwn(EVENT_FIELDS, o.type)) return false;
  if (!EVENT_FIELDS[o.type as RoomEvent['type']].every((k) => typeof o[k] === 'string')) return false;
  if (o.type === 'created' && (typeof o.maxSize !== 'number' || !Number.isInteger(o.maxSize))) return false;
  // The remote key, apart from the owner key, since the two keys; older rooms have none.
  if (o.type === 'created' && o.remoteSecret !== undefined && typeof o.remoteSecret !== 'string') return false;
  if (o.type === 'continued' && o.by !== 'votes' && o.by !== 'host') return false;
  if (o.type === 'counted' && (!o.tally || typeof o.tally !== 'object' || Array.isArray(o.tally))) return false;
  return true;
}

/** The disk refused an event: it was not stored and must not be applied. */
export class JournalWriteError extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    const why = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : String(cause);
    super(`could not save room ${code} to disk (${why})`, { cause });
    this.name = 'JournalWriteError';
  }
}

export class JournalStore {
  private readonly fds = new Map<string, number>();
  /** Bytes known to be in each open file, to cut a failed append back. */
  private readonly sizes = new Map<string, number>();

  constructor(
    readonly dir: string,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {
    mkdirSync(dir, { recursive: true });
  }

  private pathOf(code: string): string {
    // The code is the file name: only codes from the join-code alphabet, never a path.
    if (!isJoinCode(code)) throw new Error(`'${code}' is not a join code`);
    return join(this.dir, code + SUFFIX);
  }

  /** Appends events and fsyncs them before returning (see write). */
  append(code: string, ...events: RoomEvent[]): void {
    this.write(code, events, 'now');
  }

  /**
   * Appends events. Once written they survive the server process stopping or restarting; with
   * `fsync: 'now'` they are also flushed to the disk before this returns, so they survive a power
   * cut. With 'soon' the flush runs in the background: for host actions, which the facilitator
   * simply repeats if a power cut takes the last one, so a reveal is not held up by the disk.
   * When this throws (disk full, folder gone, I/O error) the file is cut back to where it was, so
   * nothing half written is replayed later, and the caller must treat the events as not having
   * happened.
   */
  write(code: string, events: readonly RoomEvent[], fsync: 'now' | 'soon'): void {
    if (events.length === 0) return;
    const text = events.map((e) => JSON.stringify(e) + '\n').join('');
    let fd = this.fds.get(code);
    let size = this.sizes.get(code) ?? 0;
    try {
      if (fd === undefined) {
        fd = openSync(this.pathOf(code), 'a');
        this.fds.set(code, fd);
        size = fstatSync(fd).size;
        this.sizes.set(code, size);
      }
      const bytes = Buffer.from(text, 'utf8');
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
      if (fsync === 'now') fsyncSync(fd);
      else
        fsyncInBackground(fd, (err) => {
          // EBADF: the room's file was closed (expired, or the server stopping) before the flush ran.
          if (err && err.code !== 'EBADF') this.warn(`classroom journal ${code}: flushing to disk failed (${err.code ?? err.message})`);
        });
      this.sizes.set(code, size + bytes.length);
    } catch (e) {
      if (fd !== undefined) {
        try {
          ftruncateSync(fd, size);
        } catch {
          // Nothing more to do: load() skips a torn last line anyway.
        }
      }
      // Reopen next time: the disk may have been fixed, or the folder recreated.
      this.closeOne(code);
      throw new JournalWriteError(code, e);
    }
  }

  /** Reads one room's journal; unreadable lines are skipped, and a torn last line is cut off. */
  load(code: string): LoadedJournal {
    const path = this.pathOf(code);
    const buf = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    const events: RoomEvent[] = [];
    let skipped = 0;
    let goodEnd = 0;
    let start = 0;
    let lineNo = 0;
    while (start < buf.length) {
      const nl = buf.indexOf(0x0a, start);
      const complete = nl !== -1;
      const end = complete ? nl + 1 : buf.length;
      const line = buf.subarray(start, complete ? nl : buf.length).toString('utf8');
      lineNo++;
      start = end;
      if (line.trim() === '') {
        if (complete) goodEnd = end;
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = undefined;
      }
      // A line without its newline was being written when the process died: it was never acknowledged.
      if (complete && isRoomEvent(value)) {
        events.push(value);
        goodEnd = end;
      } else {
        skipped++;
        this.warn(`classroom journal ${code}: skipped line ${lineNo}, ${complete ? 'which is not a room event' : 'which was never finished'}`);
      }
    }
    // A torn tail would glue itself to the next event appended: cut the file back after the last good line.
    if (goodEnd < buf.length) {
      this.closeOne(code);
      truncateSync(path, goodEnd);
    }
    return { code, events, skipped };
  }

  /** The codes of every room on disk. */
  codes(): string[] {
    return readdirSync(this.dir)
      .filter((f) => f.endsWith(SUFFIX))
      .map((f) => f.slice(0, -SUFFIX.length))
      .filter(isJoinCode)
      .sort();
  }

  /**
   * Rebuilds every room on disk. A room whose scenario is gone, or whose journal no longer
   * replays, is left on disk and reported, not deleted.
   */
  loadRooms(scenarioById: (id: string) => Scenario | undefined): { rooms: Room[]; failed: { code: string; reason: string }[] } {
    const rooms: Room[] = [];
    const failed: { code: string; reason: string }[] = [];
    for (const code of this.codes()) {
      const { events } = this.load(code);
      const created = events[0];
      if (!created || created.type !== 'created') {
        failed.push({ code, reason: 'the journal does not start with the room being created' });
        continue;
      }
      const scenario = scenarioById(created.scenarioId);
      if (!scenario) {
        failed.push({ code, reason: `scenario '${created.scenarioId}' is no longer in the library` });
        continue;
      }
      const r = Room.fromJournal(events, scenario);
      if (r.ok) rooms.push(r.value);
      else failed.push({ code, reason: r.error });
    }
    for (const f of failed) this.warn(`classroom room ${f.code} was not restored: ${f.reason}`);
    return { rooms, failed };
  }

  /** Deletes a room's journal (an expired room). */
  remove(code: string): void {
    this.closeOne(code);
    rmSync(this.pathOf(code), { force: true });
  }

  private closeOne(code: string): void {
    const fd = this.fds.get(code);
    this.fds.delete(code);
    this.sizes.delete(code);
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // A descriptor the OS already failed: nothing left to release.
      }
    }
  }

  close(): void {
    for (const code of [...this.fds.keys()]) this.closeOne(code);
  }
}
