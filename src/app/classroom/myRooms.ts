// The rooms this device created, so a facilitator can return to one after a reload. The host
// secret itself is kept by identity.ts; this list holds what the start page shows, and the
// projector options chosen at creation.
import { readJson, writeJson } from '../storage/localStore.ts';

const KEY = 'evoke.classroom.rooms.v1';
const KEEP = 12;

export interface ProjectorOptions {
  /** Show the client's meters on the projector. */
  showMeters: boolean;
  /** Seconds a vote stays open before the server closes it; null: no countdown. */
  countdown: number | null;
}

export interface MyRoom extends ProjectorOptions {
  code: string;
  scenarioId: string;
  scenarioTitle: string;
  createdAt: string;
}

export const DEFAULT_OPTIONS: ProjectorOptions = { showMeters: true, countdown: null };

function parse(data: unknown): MyRoom[] | null {
  if (!Array.isArray(data)) return null;
  return data.filter(
    (r): r is MyRoom =>
      !!r &&
      typeof r === 'object' &&
      typeof r.code === 'string' &&
      typeof r.scenarioId === 'string' &&
      typeof r.scenarioTitle === 'string' &&
      typeof r.createdAt === 'string' &&
      typeof r.showMeters === 'boolean' &&
      (r.countdown === null || (typeof r.countdown === 'number' && r.countdown > 0)),
  );
}

export function myRooms(): MyRoom[] {
  const r = readJson(KEY, parse);
  return r.ok ? (r.value ?? []) : [];
}

export function rememberRoom(room: MyRoom): void {
  writeJson(KEY, [room, ...myRooms().filter((r) => r.code !== room.code)].slice(0, KEEP));
}

/** The facilitator changed the countdown on the room's screen: later votes, and a reload, use it. */
export function setRoomCountdown(code: string, countdown: number | null): void {
  writeJson(KEY, myRooms().map((r) => (r.code === code ? { ...r, countdown } : r)));
}

export function forgetRoom(code: string): void {
  writeJson(KEY, myRooms().filter((r) => r.code !== code));
}

export function optionsFor(code: string): ProjectorOptions {
  const room = myRooms().find((r) => r.code === code);
  return room ? { showMeters: room.showMeters, countdown: room.countdown } : DEFAULT_OPTIONS;
}

/**
 * A second screen's address carries what the room's screen shows: `meters` or `no-meters`. The
 * countdown comes from the server now; an older address's `-60` suffix is accepted and ignored.
 */
export function optionsSegment(o: Pick<ProjectorOptions, 'showMeters'>): string {
  return o.showMeters ? 'meters' : 'no-meters';
}

export function parseOptionsSegment(segment: string | undefined): Pick<ProjectorOptions, 'showMeters'> {
  const m = /^(meters|no-meters)(?:-\d{1,4})?$/.exec(segment ?? '');
  return { showMeters: m ? m[1] === 'meters' : DEFAULT_OPTIONS.showMeters };
}
