// The student's phone (issue 7): a vote tapped offline is kept and sent on reconnect only while
// the same vote is still open, otherwise the student is told; typed codes get a clear message.
import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '../../src/core/classroom/protocol.ts';
import type { RoomView } from '../../src/core/classroom/room.ts';
import type { RoomClientState } from '../../src/app/classroom/roomSocket.ts';
import { checkTypedCode } from '../../src/app/classroom/student/joinMemory.ts';
import { announcement, stageOf, studentError } from '../../src/app/classroom/student/studentPhase.ts';
import { NOT_COUNTED, VoteOutbox, type VoteChannel } from '../../src/app/classroom/student/voteOutbox.ts';

function view(patch: Partial<RoomView> = {}): RoomView {
  return {
    code: 'ACD346',
    scenarioId: 's',
    phase: 'open',
    at: 'n1',
    line: { say: 'Hello.', talk: 'neutral' },
    meters: {},
    options: [
      { id: 'a', index: 0, say: 'A' },
      { id: 'b', index: 1, say: 'B' },
    ],
    students: 2,
    votes: 0,
    conversationEnded: false,
    endedByHost: false,
    myVote: null,
    ...patch,
  };
}

/** A RoomSocket stand-in: the test sets its state and reads what was sent. */
class FakeChannel implements VoteChannel {
  sent: ClientMessage[] = [];
  state: RoomClientState = { status: 'open', view: view() };
  private listeners = new Set<() => void>();
  send(message: ClientMessage): boolean {
    if (this.state.status !== 'open') return false;
    this.sent.push(message);
    return true;
  }
  subscribe(l: () => void) {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  getSnapshot() {
    return this.state;
  }
  set(patch: Partial<RoomClientState>) {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

function setup() {
  const channel = new FakeChannel();
  const outbox = new VoteOutbox();
  outbox.attach(channel);
  return { channel, outbox };
}

describe('VoteOutbox', () => {
  it('sends a vote at once and clears it when the server shows it', () => {
    const { channel, outbox } = setup();
    outbox.vote('a');
    expect(channel.sent).toEqual([{ type: 'vote', response: 'a' }]);
    expect(outbox.getSnapshot().pending).toMatchObject({ response: 'a', sent: true });
    channel.set({ view: view({ myVote: 'a', votes: 1 }) });
    expect(outbox.getSnapshot()).toEqual({ pending: null, notice: null });
  });

  it('keeps a tap made offline and sends it once a fresh view shows the vote still open', () => {
    const { channel, outbox } = setup();
    channel.set({ status: 'reconnecting' });
    outbox.vote('b');
    expect(channel.sent).toEqual([]);
    expect(outbox.getSnapshot().pending).toMatchObject({ response: 'b', sent: false });
    // Connected again, but the view is still the one from before the drop: wait.
    channel.set({ status: 'open' });
    expect(channel.sent).toEqual([]);
    channel.set({ view: view({ votes: 1 }) });
    expect(channel.sent).toEqual([{ type: 'vote', response: 'b' }]);
    channel.set({ view: view({ votes: 2, myVote: 'b' }) });
    expect(outbox.getSnapshot()).toEqual({ pending: null, notice: null });
  });

  it('drops a tap made offline when the vote closed meanwhile, and says so', () => {
    const { channel, outbox } = setup();
    channel.set({ status: 'reconnecting' });
    outbox.vote('a');
    channel.set({ status: 'open' });
    channel.set({ view: view({ phase: 'closed' }) });
    expect(channel.sent).toEqual([]);
    expect(outbox.getSnapshot()).toEqual({ pending: null, notice: NOT_COUNTED });
  });

  it('resends a vote that went out just as the link died, if the server does not have it', () => {
    const { channel, outbox } = setup();
    outbox.vote('a');
    channel.set({ status: 'reconnecting' });
    expect(outbox.getSnapshot().pending?.sent).toBe(false);
    channel.set({ status: 'open' });
    channel.set({ view: view({ myVote: null }) });
    expect(channel.sent).toEqual([
      { type: 'vote', response: 'a' },
      { type: 'vote', response: 'a' },
    ]);
  });

  it('drops the tap when the server refuses it as too late', () => {
    const { channel, outbox } = setup();
    outbox.vote('a');
    channel.set({ error: 'the vote is closed' });
    expect(outbox.getSnapshot()).toEqual({ pending: null, notice: NOT_COUNTED });
  });

  it('ignores taps when no vote is open or the option is unknown', () => {
    const { channel, outbox } = setup();
    outbox.vote('zzz');
    channel.set({ view: view({ phase: 'closed' }) });
    outbox.vote('a');
    expect(channel.sent).toEqual([]);
    expect(outbox.getSnapshot().pending).toBeNull();
  });
});

describe('typed join codes', () => {
  it('accepts lower case, spaces and dashes', () => {
    expect(checkTypedCode(' acd-346 ')).toEqual({ ok: true, code: 'ACD346' });
  });
  it('names a look-alike character that codes never use', () => {
    const r = checkTypedCode('AC0346');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/never use 0/);
  });
  it('says how long a code is', () => {
    const r = checkTypedCode('ACD');
    if (!r.ok) expect(r.message).toMatch(/6 characters; this one has 3/);
    expect(checkTypedCode('').ok).toBe(false);
  });
});

describe('what the phone says', () => {
  it('gives each phase its own announcement', () => {
    expect(stageOf(view({ phase: 'idle' }))).toBe('waiting');
    expect(announcement(view(), 'open', 'Marcus')).toMatch(/^The vote is open\. Marcus says: “Hello\.”/);
    expect(announcement(view({ phase: 'closed' }), 'open', 'Marcus')).toMatch(/closed/);
    expect(announcement(view({ phase: 'idle', discuss: 'Why?' }), 'open', 'Marcus')).toMatch(/A question for discussion is shown\.$/);
    expect(announcement(view({ phase: 'ended', endedByHost: true }), 'open', 'Marcus')).toMatch(/session has ended/);
    expect(announcement(view(), 'reconnecting', 'Marcus')).toBe('Connection lost. Reconnecting…');
  });
  it('puts server refusals in a student’s words', () => {
    expect(studentError('no room has the code ABCDEF')).toMatch(/^No room has the code ABCDEF\. Check the code/);
    expect(studentError('this room is full (500 students): ask the facilitator to raise the limit')).toMatch(/^This room is full/);
  });
});
