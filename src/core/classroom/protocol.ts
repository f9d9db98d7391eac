// The classroom wire protocol (issue 7): JSON messages over one WebSocket per phone or screen.
// Incoming messages are checked here with plain TypeScript, field by field, with a size limit;
// anything else is refused with a reason, never half-read.
import { isCountdownSeconds, MAX_COUNTDOWN_SECONDS, MIN_COUNTDOWN_SECONDS, type HostAction, type Roster, type RoomView } from './room.ts';

export const MAX_MESSAGE_BYTES = 4096;
const MAX_ID = 64;
const MAX_SECRET = 128;
const MAX_TEXT = 200;

/** Client -> server. */
export type ClientMessage =
  /**
   * A facilitator opens a room for a scenario. `secret`: the owner key, kept on their device and
   * never put in a link; `remoteSecret`: the key phone-remote links carry (without one, the owner
   * key is also the remote key until the first new remote link).
   */
  | { type: 'create'; scenarioId: string; secret: string; remoteSecret?: string; maxSize?: number }
  /** A student joins (or rejoins) by code with an anonymous id they keep. */
  | { type: 'join'; code: string; studentId: string; handle?: string }
  /** A facilitator's screen or remote takes the host's place in a room, with the owner key or the remote key. */
  | { type: 'host'; code: string; secret: string }
  /** A projector shows a room without voting. */
  | { type: 'watch'; code: string }
  | { type: 'vote'; response: string }
  /** `seconds`: with openVote, a countdown after which the server closes the vote. */
  | { type: 'action'; action: HostAction; response?: string; tieBreak?: string; seconds?: number }
  /** The owner revokes every remote link: the room's remote key becomes `secret`, made on their device. */
  | { type: 'changeHostKey'; secret: string }
  | { type: 'ping' };

/** Server -> client. */
export type ServerMessage =
  /**
   * `now`: the server's clock, so a screen can show a countdown that ends when the server closes the vote.
   * `remoteKey`: to a facilitator who came with the owner key only, the room's current remote key (for the Phone remote link).
   */
  | { type: 'welcome'; role: 'host' | 'student' | 'projector'; code: string; now?: number; remoteKey?: string }
  /** `roster` goes to the facilitator only, beside the view, never inside it. */
  | { type: 'state'; state: RoomView; roster?: Roster }
  /** `code`, when given, says what kind of refusal it is, so screens need not read the words. */
  | { type: 'error'; error: string; code?: ErrorCode }
  /** To the owner's connections: the new remote key is saved; the old one no longer works. */
  | { type: 'hostKeyChanged'; code: string; secret: string }
  /** To the owner's connection that asked for a new remote key: it was not made, the old one still works. */
  | { type: 'hostKeyNotChanged'; error: string }
  /** To every connection that came with the old remote key: it no longer runs the room, and it was let go. */
  | { type: 'hostKeyRevoked'; code: string }
  | { type: 'pong' };

/** `hostKeyRefused`: the key given is not (or no longer) one of the room's keys; retrying with it would not help. */
export type ErrorCode = 'hostKeyRefused';

export type Parsed = { ok: true; message: ClientMessage } | { ok: false; error: string };

const HOST_ACTIONS: readonly HostAction[] = ['openVote', 'closeVote', 'reveal', 'continue', 'back', 'end', 'discuss'];

type Obj = Record<string, unknown>;

function str(o: Obj, key: string, max: number): string | undefined | Error {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return new Error(`'${key}' must be text`);
  if (v.length === 0 || v.length > max) return new Error(`'${key}' must be 1 to ${max} characters`);
  return v;
}

function required(o: Obj, key: string, max: number): string | Error {
  const v = str(o, key, max);
  return v === undefined ? new Error(`'${key}' is missing`) : v;
}

function onlyKeys(o: Obj, allowed: readonly string[]): Error | undefined {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) return new Error(`unexpected field '${k}'`);
  return undefined;
}

/** UTF-8 length without Node's Buffer or the DOM's TextEncoder. */
function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Parses one incoming message: text (or its byte length, if the transport knows it) to a typed message, or why not. */
export function parseClientMessage(data: string, byteLength = utf8Length(data)): Parsed {
  if (byteLength > MAX_MESSAGE_BYTES) return { ok: false, error: `message too large (${byteLength} bytes; the limit is ${MAX_MESSAGE_BYTES})` };
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, error: 'message is not JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: 'message must be a JSON object' };
  const r = check(value as Obj);
  return r instanceof Error ? { ok: false, error: r.message } : { ok: true, message: r };
}

function check(o: Obj): ClientMessage | Error {
  const type = o.type;
  const fields = (keys: readonly string[]) => onlyKeys(o, ['type', ...keys]);
  switch (type) {
    case 'create': {
      const e = fields(['scenarioId', 'secret', 'remoteSecret', 'maxSize']);
      if (e) return e;
      const scenarioId = required(o, 'scenarioId', MAX_TEXT);
      const secret = required(o, 'secret', MAX_SECRET);
      const remoteSecret = str(o, 'remoteSecret', MAX_SECRET);
      if (scenarioId instanceof Error) return scenarioId;
      if (secret instanceof Error) return secret;
      if (remoteSecret instanceof Error) return remoteSecret;
      const maxSize = o.maxSize;
      if (maxSize !== undefined && (typeof maxSize !== 'number' || !Number.isInteger(maxSize) || maxSize < 1 || maxSize > 100_000)) return new Error("'maxSize' must be a whole number from 1 to 100000");
      return { type, scenarioId, secret, ...(remoteSecret !== undefined ? { remoteSecret } : {}), ...(maxSize !== undefined ? { maxSize } : {}) };
    }
    case 'join': {
      const e = fields(['code', 'studentId', 'handle']);
      if (e) return e;
      const code = required(o, 'code', 16);
      const studentId = required(o, 'studentId', MAX_ID);
      const handle = str(o, 'handle', MAX_TEXT);
      for (const v of [code, studentId, handle]) if (v instanceof Error) return v;
      return { type, code: code as string, studentId: studentId as string, ...(handle !== undefined ? { handle: handle as string } : {}) };
    }
    case 'host': {
      const e = fields(['code', 'secret']);
      if (e) return e;
      const code = required(o, 'code', 16);
      const secret = required(o, 'secret', MAX_SECRET);
      if (code instanceof Error) return code;
      if (secret instanceof Error) return secret;
      return { type, code, secret };
    }
    case 'watch': {
      const e = fields(['code']);
      if (e) return e;
      const code = required(o, 'code', 16);
      return code instanceof Error ? code : { type, code };
    }
    case 'vote': {
      const e = fields(['response']);
      if (e) return e;
      const response = required(o, 'response', MAX_ID);
      return response instanceof Error ? response : { type, response };
    }
    case 'action': {
      const e = fields(['action', 'response', 'tieBreak', 'seconds']);
      if (e) return e;
      if (typeof o.action !== 'string' || !HOST_ACTIONS.includes(o.action as HostAction)) return new Error(`'action' must be one of ${HOST_ACTIONS.join(', ')}`);
      const response = str(o, 'response', MAX_ID);
      const tieBreak = str(o, 'tieBreak', MAX_ID);
      if (response instanceof Error) return response;
      if (tieBreak instanceof Error) return tieBreak;
      const seconds = o.seconds;
      if (seconds !== undefined && !isCountdownSeconds(seconds)) return new Error(`'seconds' must be a whole number from ${MIN_COUNTDOWN_SECONDS} to ${MAX_COUNTDOWN_SECONDS}`);
      if (seconds !== undefined && o.action !== 'openVote') return new Error("'seconds' goes only with openVote");
      return { type, action: o.action as HostAction, ...(response !== undefined ? { response } : {}), ...(tieBreak !== undefined ? { tieBreak } : {}), ...(seconds !== undefined ? { seconds } : {}) };
    }
    case 'changeHostKey': {
      const e = fields(['secret']);
      if (e) return e;
      const secret = required(o, 'secret', MAX_SECRET);
      return secret instanceof Error ? secret : { type, secret };
    }
    case 'ping': {
      const e = fields([]);
      return e ?? { type };
    }
    default:
      return new Error(typeof type === 'string' ? `unknown message type '${type.slice(0, 40)}'` : "'type' is missing");
  }
}
