// A classroom room as a pure model (issue 7): no I/O, no clock, no Node or DOM APIs. The server
// owns rooms, persists their journals and sends views to connections; the model only decides.
//
// Everything a room does is an event appended to its journal (plain JSON). A room is rebuilt by
// applying its journal again, and the conversation itself runs through the real engine
// (startSession / replaySession), so the class sees exactly what a trainee sees in solo mode.
import { categoryOf, type Category, type ResponseCode } from '../coding/codes.ts';
import type { SessionStep } from '../engine/interactionMachine.ts';
import { findResponse, placeOf } from '../engine/rules.ts';
import { replaySession, startSession, type InteractionActor } from '../engine/session.ts';
import type { Turn } from '../engine/turn.ts';
import type { ClientLine, Meters, Scenario } from '../scenario/types.ts';

/** No look-alikes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B. */
export const JOIN_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const JOIN_CODE_LENGTH = 6;
export const DEFAULT_ROOM_SIZE = 500;
export const MAX_HANDLE_LENGTH = 24;
export const MIN_HOST_SECRET_LENGTH = 8;
/** A vote countdown's bounds, in seconds: shorter cannot be read aloud, longer is no countdown. */
export const MIN_COUNTDOWN_SECONDS = 5;
export const MAX_COUNTDOWN_SECONDS = 3600;
/** Handles the facilitator's roster lists by name; past this it only counts (a wall of names helps nobody). */
export const ROSTER_NAMES = 300;
const STUDENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

export type Phase = 'idle' | 'open' | 'closed' | 'revealed' | 'ended';
export type HostAction = 'openVote' | 'closeVote' | 'reveal' | 'continue' | 'back' | 'end' | 'discuss';
/** The most a typed show-of-hands count may be (projector-only mode). */
export const MAX_COUNT = 100_000;

/** One journal entry. Plain JSON: the server writes one per line. */
export type RoomEvent =
  /**
   * `hostSecret`: the owner key, kept on the device that created the room and never put in a link.
   * `remoteSecret`: the remote key that phone-remote links carry; absent in journals written before
   * the two keys, where the one key is both until the first new remote link.
   */
  | { type: 'created'; code: string; hostSecret: string; remoteSecret?: string; scenarioId: string; scenarioHash: string; maxSize: number }
  | { type: 'joined'; studentId: string; handle?: string }
  /** With a countdown: its length, and when it runs out by the server's clock (ms since 1970). */
  | { type: 'voteOpened'; seconds?: number; closesAt?: number }
  | { type: 'voted'; studentId: string; response: string }
  /** `timeUp`: the countdown ran out and the server closed the vote, not the facilitator. */
  | { type: 'voteClosed'; timeUp?: true }
  | { type: 'revealed' }
  /** Moves on along a response: the most voted, or the host's pick. */
  | { type: 'continued'; response: string; by: 'votes' | 'host' }
  | { type: 'back' }
  | { type: 'ended' }
  /** The host shows the node's discussion prompt to everyone before (or without) a reveal. */
  | { type: 'discussShown' }
  /** Projector-only mode: the host types the show-of-hands count per response; replaces any earlier count. */
  | { type: 'counted'; tally: Record<string, number> }
  /**
   * The owner made a new remote link: `hostSecret` is the new remote key (the name is kept for
   * journals already written). The owner key is unchanged; the old remote key stops working.
   */
  | { type: 'hostKeyChanged'; hostSecret: string };

export type Result<T = undefined> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (error: string): Result<never> => ({ ok: false, error });

export interface Student {
  id: string;
  handle?: string;
}

/** One vote round at one node: what the class chose, kept for the class report. */
export interface Round {
  node: string;
  /** Votes per response id; never who voted. */
  tally: Record<string, number>;
  chosen: string | null;
  by: 'votes' | 'host' | null;
}

export interface OptionView {
  id: string;
  index: number;
  say: string;
}

export interface RevealedOption extends OptionView {
  codes: ResponseCode[];
  category: Category;
  feedback: string;
  votes: number;
}

/** Who has joined, for the facilitator only: handles and a count of the anonymous, never with a vote. */
export interface Roster {
  /** Chosen handles, sorted, at most ROSTER_NAMES of them. */
  names: string[];
  /** Students with a handle past ROSTER_NAMES. */
  moreNames: number;
  anonymous: number;
}

/** What a client is sent. A student's view carries only their own vote; no view says who voted what. */
export interface RoomView {
  code: string;
  scenarioId: string;
  phase: Phase;
  /** The current node, or the ending once the conversation ended. */
  at: string;
  line: ClientLine;
  meters: Meters;
  options: OptionView[];
  students: number;
  votes: number;
  /** While a vote with a countdown is open: its length and when it closes (server clock, ms since 1970). */
  countdown?: { seconds: number; closesAt: number };
  /** The vote was closed by its countdown running out (while it stays closed). */
  timeUp?: boolean;
  /** Only after the reveal (or for the host): counts per option, with code, category and feedback. */
  reveal?: { options: RevealedOption[]; discuss?: string };
  /** The node's discussion prompt, once the host shows it or the vote is revealed. */
  discuss?: string;
  /** Once the session is over: the rounds and the Turn log, for the class report (no student ids). */
  played?: { history: Round[]; turns: Turn[] };
  /** The last turn taken, with the client's reaction. */
  lastTurn?: Turn;
  conversationEnded: boolean;
  /** The host ended the session: nothing more happens in this room. */
  endedByHost: boolean;
  myVote?: string | null;
}

export interface CreateRoomOptions {
  scenario: Scenario;
  /** The owner key: runs the room and alone may make a new remote link. */
  hostSecret: string;
  /** The remote key, for phone-remote links; without one, the owner key is also the remote key until the first new link. */
  remoteSecret?: string;
  maxSize?: number;
  /** A fixed code (tests, or a server that retries on a clash); otherwise drawn at random. */
  code?: string;
  /** Random bytes; defaults to crypto.getRandomValues, present in browsers and Node 20. */
  randomBytes?: (n: number) => Uint8Array;
}

export function generateJoinCode(randomBytes: (n: number) => Uint8Array = defaultRandomBytes): string {
  const alphabet = JOIN_CODE_ALPHABET;
  // Rejection sampling keeps every character equally likely.
  const limit = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const b of randomBytes(JOIN_CODE_LENGTH * 2)) {
      if (b < limit && code.length < JOIN_CODE_LENGTH) code += alphabet[b % alphabet.length];
    }
  }
  return code;
}

function defaultRandomBytes(n: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function isJoinCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => JOIN_CODE_ALPHABET.includes(c));
}

/** Upper-cases what a student typed and drops spaces and dashes; look-alikes are not guessed. */
export function normaliseJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isStudentId(id: string): boolean {
  return STUDENT_ID.test(id);
}

/** Printable text only, whitespace collapsed, at most 24 characters; empty becomes undefined. */
export function sanitiseHandle(input: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  const cleaned = input.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069<>]/g, '').replace(/\s+/g, ' ').trim();
  const short = [...cleaned].slice(0, MAX_HANDLE_LENGTH).join('').trim();
  return short === '' ? undefined : short;
}

export function isCountdownSeconds(seconds: unknown): seconds is number {
  return typeof seconds === 'number' && Number.isInteger(seconds) && seconds >= MIN_COUNTDOWN_SECONDS && seconds <= MAX_COUNTDOWN_SECONDS;
}

/** Why a key may not be a room's key, or null when it may. */
function badSecret(secret: string): string | null {
  return secret.length < MIN_HOST_SECRET_LENGTH ? `the host secret must have at least ${MIN_HOST_SECRET_LENGTH} characters` : null;
}

/** Compares without stopping at the first difference. */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** Why a room made before the two keys cannot stop its remotes: their links hold the owner key. */
export const SINGLE_KEY_ROOM = 'this room was made before remote links could be stopped, so every link to it holds the key this screen uses; to stop them, end this room and open a new one';

export class Room {
  readonly scenario: Scenario;
  readonly code: string;
  readonly maxSize: number;
  /** The owner key: the device that created the room. Never changes. */
  private readonly ownerSecret: string;
  /** The remote key that phone-remote links carry; changed only by a hostKeyChanged event. */
  private remoteSecret: string;
  /** Made before the two keys: every link carries the owner key, so no new link can stop them. */
  private readonly singleKey: boolean;
  private readonly events: RoomEvent[] = [];
  private actor: InteractionActor;
  private phase: Phase = 'idle';
  private readonly students = new Map<string, Student>();
  /** Votes of the current round: student id -> response id. */
  private votes = new Map<string, string>();
  private rounds: Round[] = [];
  /** Set once the host ends the session: nothing changes after that. */
  private closedByHost = false;
  private discussShown = false;
  /** Typed show-of-hands counts of the current round (projector-only mode), added to the votes. */
  private counted: Record<string, number> = {};
  /** The open vote's countdown, if the host set one. */
  private countdown: { seconds: number; closesAt: number } | null = null;
  private timeUp = false;
  private rosterCache: Roster | null = null;

  private constructor(scenario: Scenario, created: Extract<RoomEvent, { type: 'created' }>) {
    this.scenario = scenario;
    this.code = created.code;
    this.maxSize = created.maxSize;
    this.ownerSecret = created.hostSecret;
    this.remoteSecret = created.remoteSecret ?? created.hostSecret;
    this.singleKey = created.remoteSecret === undefined;
    this.actor = startSession(scenario, 'practice');
    this.events.push(created);
  }

  static create(opts: CreateRoomOptions): Result<Room> {
    const bad = badSecret(opts.hostSecret) ?? (opts.remoteSecret !== undefined ? badSecret(opts.remoteSecret) : null);
    if (bad) return fail(bad);
    if (opts.remoteSecret !== undefined && sameSecret(opts.remoteSecret, opts.hostSecret)) return fail('the remote key must differ from the owner key');
    const maxSize = opts.maxSize ?? DEFAULT_ROOM_SIZE;
    if (!Number.isInteger(maxSize) || maxSize < 1) return fail('the room size limit must be a whole number of at least 1');
    const code = opts.code ?? generateJoinCode(opts.randomBytes);
    if (!isJoinCode(code)) return fail(`'${code}' is not a join code`);
    return ok(new Room(opts.scenario, { type: 'created', code, hostSecret: opts.hostSecret, ...(opts.remoteSecret !== undefined ? { remoteSecret: opts.remoteSecret } : {}), scenarioId: opts.scenario.id, scenarioHash: opts.scenario.hash, maxSize }));
  }

  /** Rebuilds a room from its journal: the same events give the same room. */
  static fromJournal(events: readonly RoomEvent[], scenario: Scenario): Result<Room> {
    const first = events[0];
    if (!first || first.type !== 'created') return fail('the journal does not start with the room being created');
    if (first.scenarioId !== scenario.id) return fail(`the room plays '${first.scenarioId}', not '${scenario.id}'`);
    const room = new Room(scenario, first);
    for (let i = 1; i < events.length; i++) {
      const r = room.record(events[i]!);
      if (!r.ok) return fail(`journal entry ${i + 1} (${events[i]!.type}) could not be applied: ${r.error}`);
    }
    return ok(room);
  }

  /** The events so far, oldest first: append each new one to durable storage. */
  get journal(): readonly RoomEvent[] {
    return this.events;
  }

  /** The owner key or the current remote key: either runs the room. */
  isHost(secret: string): boolean {
    return this.isOwner(secret) || sameSecret(secret, this.remoteSecret);
  }

  /** The owner key: the only one that may make a new remote link. */
  isOwner(secret: string): boolean {
    return sameSecret(secret, this.ownerSecret);
  }

  /** The remote key, for the owner's "Phone remote" link (the owner key itself in rooms from before the two keys, until the first new link). */
  remoteKeyFor(secret: string): string | null {
    return this.isOwner(secret) ? this.remoteSecret : null;
  }

  get studentCount(): number {
    return this.students.size;
  }

  // --- Commands: each checks, then records one event. They return the event to persist. ---

  join(studentId: string, handle?: string): Result<RoomEvent | null> {
    if (!isStudentId(studentId)) return fail('the student id must be 8 to 64 letters, digits, - or _');
    const clean = sanitiseHandle(handle);
    const known = this.students.get(studentId);
    // Reconnecting as the same student keeps their vote; nothing to record unless the handle changed.
    if (known && known.handle === clean) return ok(null);
    if (!known && this.students.size >= this.maxSize) return fail(`this room is full (${this.maxSize} students): ask the facilitator to raise the limit`);
    return this.recordNew({ type: 'joined', studentId, ...(clean !== undefined ? { handle: clean } : {}) });
  }

  vote(studentId: string, response: string): Result<RoomEvent | null> {
    if (!this.students.has(studentId)) return fail('join the room before voting');
    if (this.votes.get(studentId) === response && this.phase === 'open') return ok(null);
    return this.recordNew({ type: 'voted', studentId, response });
  }

  /**
   * A facilitator's action. `timer` gives an opened vote a countdown: its length, and the server's
   * clock now (the model has no clock of its own, so a journal replays the same on any day).
   */
  host(secret: string, action: HostAction, response?: string, tieBreak?: string, timer?: { seconds: number; now: number }): Result<RoomEvent> {
    if (!this.isHost(secret)) return fail('only the facilitator can do that');
    switch (action) {
      case 'openVote': {
        if (!timer) return this.recordNew({ type: 'voteOpened' });
        if (!isCountdownSeconds(timer.seconds)) return fail(`a countdown must be a whole number of seconds from ${MIN_COUNTDOWN_SECONDS} to ${MAX_COUNTDOWN_SECONDS}`);
        return this.recordNew({ type: 'voteOpened', seconds: timer.seconds, closesAt: timer.now + timer.seconds * 1000 });
      }
      case 'closeVote':
        return this.recordNew({ type: 'voteClosed' });
      case 'reveal':
        return this.recordNew({ type: 'revealed' });
      case 'back':
        return this.recordNew({ type: 'back' });
      case 'end':
        return this.recordNew({ type: 'ended' });
      case 'discuss':
        return this.recordNew({ type: 'discussShown' });
      case 'continue': {
        if (response !== undefined) return this.recordNew({ type: 'continued', response, by: 'host' });
        const winner = this.winner(tieBreak);
        if (!winner.ok) return winner;
        return this.recordNew({ type: 'continued', response: winner.value, by: 'votes' });
      }
    }
  }

  /**
   * Replaces the remote key, so every remote link and device holding the old one loses control.
   * Only the owner key may do it (a leaked link must not lock the facilitator out); it stays valid.
   */
  changeHostKey(secret: string, newSecret: string): Result<RoomEvent> {
    if (!this.isOwner(secret)) return fail('only the device that created the room can make a new remote link');
    if (this.singleKey) return fail(SINGLE_KEY_ROOM);
    return this.recordNew({ type: 'hostKeyChanged', hostSecret: newSecret });
  }

  /** When the open vote's countdown runs out (server clock), or null: no vote open, or no countdown. */
  get voteClosesAt(): number | null {
    return this.phase === 'open' ? (this.countdown?.closesAt ?? null) : null;
  }

  /** Closes the open vote if its countdown has run out by `now`; null when there is nothing to close yet. */
  closeIfTimeUp(now: number): Result<RoomEvent | null> {
    const closesAt = this.voteClosesAt;
    if (closesAt === null || now < closesAt) return ok(null);
    return this.recordNew({ type: 'voteClosed', timeUp: true });
  }

  /** Projector-only mode: the show-of-hands count per response, typed by the host while the vote is open or closed. */
  count(secret: string, tally: Record<string, number>): Result<RoomEvent> {
    if (!this.isHost(secret)) return fail('only the facilitator can do that');
    return this.recordNew({ type: 'counted', tally: { ...tally } });
  }

  /** The most-voted response; on a tie the host's tie-break must name one of the tied. */
  winner(tieBreak?: string): Result<string> {
    if (this.phase !== 'closed' && this.phase !== 'revealed') return fail('close the vote before continuing along the most-voted response');
    const tally = this.tally();
    const max = Math.max(0, ...Object.values(tally));
    if (max === 0) return fail('nobody voted: pick a response to continue');
    const top = Object.keys(tally).filter((id) => tally[id] === max);
    if (top.length === 1) return ok(top[0]!);
    if (tieBreak !== undefined && top.includes(tieBreak)) return ok(tieBreak);
    return fail(`a tie between ${top.join(', ')}: pick one of them`);
  }

  private recordNew<E extends RoomEvent>(event: E): Result<E> {
    const r = this.record(event);
    return r.ok ? ok(event) : r;
  }

  /** Checks an event against the state and applies it; the one place state changes. */
  private record(event: RoomEvent): Result {
    const r = this.apply(event);
    if (r.ok) this.events.push(event);
    return r;
  }

  private apply(event: RoomEvent): Result {
    const snap = this.actor.getSnapshot();
    const conversationOver = snap.status === 'done';
    // Joining (to read the class report) and revoking remote links still make sense after the end.
    if (this.closedByHost && event.type !== 'joined' && event.type !== 'hostKeyChanged') return fail('the session has ended');
    switch (event.type) {
      case 'created':
        return fail('the room was already created');
      case 'joined': {
        if (!this.students.has(event.studentId) && this.students.size >= this.maxSize) return fail('the room is full');
        this.students.set(event.studentId, { id: event.studentId, ...(event.handle !== undefined ? { handle: event.handle } : {}) });
        this.rosterCache = null;
        return ok(undefined);
      }
      case 'voteOpened': {
        if (this.phase === 'ended' || conversationOver) return fail('the conversation has ended');
        if (this.phase !== 'idle') return fail('a vote was already held at this turn: continue or go back first');
        const timed = event.seconds !== undefined || event.closesAt !== undefined;
        if (timed && (!isCountdownSeconds(event.seconds) || !Number.isFinite(event.closesAt))) return fail('the countdown must have a length in seconds and a closing time');
        this.phase = 'open';
        this.countdown = timed ? { seconds: event.seconds!, closesAt: event.closesAt! } : null;
        return ok(undefined);
      }
      case 'voted': {
        if (this.phase !== 'open') return fail('the vote is closed');
        if (!this.students.has(event.studentId)) return fail('join the room before voting');
        const node = this.node();
        if (!node || !findResponse(node, event.response)) return fail(`there is no response '${event.response}' here`);
        this.votes.set(event.studentId, findResponse(node, event.response)!.id);
        return ok(undefined);
      }
      case 'voteClosed':
        if (this.phase !== 'open') return fail('no vote is open');
        this.phase = 'closed';
        this.countdown = null;
        this.timeUp = event.timeUp === true;
        return ok(undefined);
      case 'revealed':
        if (this.phase !== 'closed') return fail('close the vote before revealing it');
        this.phase = 'revealed';
        return ok(undefined);
      case 'continued': {
        if (this.phase === 'ended' || conversationOver) return fail('the conversation has ended');
        if (this.phase === 'open') return fail('close the vote first');
        const node = this.node();
        const response = node ? findResponse(node, event.response) : undefined;
        if (!node || !response) return fail(`there is no response '${event.response}' here`);
        this.rounds.push({ node: node.id, tally: this.tally(), chosen: response.id, by: event.by });
        this.actor.send({ type: 'CHOOSE', response: response.id });
        // Practice mode shows feedback first; the room has shown it at the reveal, so move on.
        if (this.actor.getSnapshot().matches({ active: 'feedback' })) this.actor.send({ type: 'CONTINUE' });
        this.newRound();
        this.phase = this.actor.getSnapshot().status === 'done' ? 'ended' : 'idle';
        return ok(undefined);
      }
      case 'back': {
        const steps = snap.context.steps;
        const lastChoice = steps.findLastIndex((s) => 'choose' in s);
        if (lastChoice < 0) return fail('this is the first turn');
        const kept: SessionStep[] = steps.slice(0, lastChoice);
        const replay = replaySession(this.scenario, { mode: 'practice', steps: kept, scenarioHash: this.scenario.hash });
        if (replay.stoppedAt) return fail(replay.stoppedAt.reason);
        this.actor.stop();
        this.actor = replay.actor;
        if (this.actor.getSnapshot().matches({ active: 'feedback' })) this.actor.send({ type: 'CONTINUE' });
        this.rounds = this.rounds.slice(0, -1);
        this.newRound();
        this.phase = 'idle';
        return ok(undefined);
      }
      case 'ended':
        this.closedByHost = true;
        this.phase = 'ended';
        this.countdown = null;
        return ok(undefined);
      case 'discussShown': {
        if (this.phase === 'ended' || conversationOver) return fail('the conversation has ended');
        if (this.node()?.discuss === undefined) return fail('this turn has no discussion prompt');
        this.discussShown = true;
        return ok(undefined);
      }
      case 'hostKeyChanged': {
        const bad = badSecret(event.hostSecret);
        if (bad) return fail(bad);
        if (sameSecret(event.hostSecret, this.remoteSecret) || sameSecret(event.hostSecret, this.ownerSecret)) return fail('the new key is the same as an old one');
        this.remoteSecret = event.hostSecret;
        return ok(undefined);
      }
      case 'counted': {
        if (this.phase !== 'open' && this.phase !== 'closed') return fail('open the vote before entering counts');
        const node = this.node();
        if (!node) return fail('the conversation has ended');
        const tally: Record<string, number> = {};
        for (const [id, n] of Object.entries(event.tally)) {
          const response = findResponse(node, id);
          if (!response) return fail(`there is no response '${id}' here`);
          if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) return fail(`a count must be a whole number from 0 to ${MAX_COUNT}`);
          tally[response.id] = n;
        }
        this.counted = tally;
        return ok(undefined);
      }
    }
  }

  private newRound() {
    this.votes = new Map();
    this.counted = {};
    this.discussShown = false;
    this.countdown = null;
    this.timeUp = false;
  }

  private node() {
    const place = placeOf(this.scenario, this.actor.getSnapshot().context.at);
    return place.kind === 'node' ? place.node : undefined;
  }

  /** Votes per response id of the current node, every response listed; no student ids. */
  tally(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of this.node()?.responses ?? []) counts[r.id] = 0;
    for (const id of this.votes.values()) counts[id] = (counts[id] ?? 0) + 1;
    for (const [id, n] of Object.entries(this.counted)) counts[id] = (counts[id] ?? 0) + n;
    return counts;
  }

  /** One student's vote this round (what their view's myVote says), without building a view. */
  voteOf(studentId: string): string | null {
    return this.votes.get(studentId) ?? null;
  }

  get currentPhase(): Phase {
    return this.phase;
  }

  /** The rounds played so far, for the class report. */
  get history(): readonly Round[] {
    return this.rounds;
  }

  /** The engine's Turn log of the path taken. */
  get turns(): readonly Turn[] {
    return this.actor.getSnapshot().context.turns;
  }

  /** Who has joined, for the facilitator's eyes: never part of a view, so nothing sent with a tally names anyone. */
  roster(): Roster {
    // Asked for on every broadcast to the facilitator (every vote); only a join changes it.
    this.rosterCache ??= this.buildRoster();
    return this.rosterCache;
  }

  private buildRoster(): Roster {
    const named: string[] = [];
    let anonymous = 0;
    for (const s of this.students.values()) {
      if (s.handle === undefined) anonymous++;
      else named.push(s.handle);
    }
    named.sort((a, b) => a.localeCompare(b));
    return { names: named.slice(0, ROSTER_NAMES), moreNames: Math.max(0, named.length - ROSTER_NAMES), anonymous };
  }

  /** The view for the host (tally always shown) or for one student (only their own vote). */
  view(as: { host: true } | { studentId: string } | { projector: true }): RoomView {
    const ctx = this.actor.getSnapshot().context;
    const node = this.node();
    const tally = this.tally();
    const showTally = this.phase === 'revealed' || 'host' in as;
    const lastTurn = ctx.turns.at(-1);
    const view: RoomView = {
      code: this.code,
      scenarioId: this.scenario.id,
      phase: this.phase,
      at: ctx.at,
      line: ctx.line,
      meters: ctx.meters,
      options: (node?.responses ?? []).map((r) => ({ id: r.id, index: r.index, say: r.say })),
      students: this.students.size,
      votes: this.votes.size + Object.values(this.counted).reduce((a, b) => a + b, 0),
      conversationEnded: this.actor.getSnapshot().status === 'done',
      endedByHost: this.closedByHost,
      ...(lastTurn ? { lastTurn } : {}),
      ...(this.phase === 'open' && this.countdown ? { countdown: { ...this.countdown } } : {}),
      ...(this.phase === 'closed' && this.timeUp ? { timeUp: true } : {}),
    };
    if (showTally && node) {
      view.reveal = {
        options: node.responses.map((r) => ({ id: r.id, index: r.index, say: r.say, codes: r.codes, category: categoryOf(r.codes), feedback: r.feedback, votes: tally[r.id] ?? 0 })),
        ...(node.discuss !== undefined ? { discuss: node.discuss } : {}),
      };
    }
    if (node?.discuss !== undefined && (this.discussShown || this.phase === 'revealed')) view.discuss = node.discuss;
    if (this.phase === 'ended') view.played = { history: this.rounds.map((r) => ({ ...r, tally: { ...r.tally } })), turns: [...ctx.turns] };
    if ('studentId' in as) view.myVote = this.votes.get(as.studentId) ?? null;
    return view;
  }

  /** Everything that defines the room's state, as JSON: two rooms in the same state give equal dumps. */
  dump() {
    const ctx = this.actor.getSnapshot().context;
    return {
      code: this.code,
      maxSize: this.maxSize,
      phase: this.phase,
      closedByHost: this.closedByHost,
      students: [...this.students.values()].sort((a, b) => a.id.localeCompare(b.id)),
      votes: [...this.votes.entries()].sort(([a], [b]) => a.localeCompare(b)),
      counted: this.counted,
      discussShown: this.discussShown,
      countdown: this.countdown,
      timeUp: this.timeUp,
      rounds: this.rounds,
      engine: { status: this.actor.getSnapshot().status, value: this.actor.getSnapshot().value, at: ctx.at, meters: ctx.meters, steps: ctx.steps, turns: ctx.turns },
    };
  }

  /** Stops the engine actor; the room is not used after this. */
  close(): void {
    this.actor.stop();
  }
}
