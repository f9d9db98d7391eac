// The classroom room model (issue 7): join codes, joining, votes, host rights, the engine path,
// and rebuilding a room from its journal.
import { describe, expect, it } from 'vitest';
import {
  generateJoinCode,
  isJoinCode,
  JOIN_CODE_ALPHABET,
  normaliseJoinCode,
  Room,
  sanitiseHandle,
  type RoomEvent,
} from '../../src/core/classroom/room.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const SECRET = 'host-secret-123';
const A = 'student-aaaa';
const B = 'student-bbbb';
const C = 'student-cccc';

function room(opts: { maxSize?: number } = {}): Room {
  const r = Room.create({ scenario: small, hostSecret: SECRET, code: 'ACDEFG', ...opts });
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('join codes', () => {
  it('are 6 characters from an alphabet without look-alikes', () => {
    for (const c of '0O1IL') expect(JOIN_CODE_ALPHABET).not.toContain(c);
    for (let i = 0; i < 200; i++) {
      const code = generateJoinCode();
      expect(code).toHaveLength(6);
      expect(isJoinCode(code)).toBe(true);
    }
  });
  it('is drawn from the random bytes given', () => {
    expect(generateJoinCode((n) => new Uint8Array(n))).toBe('333333');
  });
  it('normalises what a student types', () => {
    expect(normaliseJoinCode(' acd-efg ')).toBe('ACDEFG');
    expect(isJoinCode('ACDEF0')).toBe(false);
  });
  it('a random room gets a valid code', () => {
    const r = must(Room.create({ scenario: small, hostSecret: SECRET }));
    expect(isJoinCode(r.code)).toBe(true);
  });
  it('refuses a short host secret', () => {
    expect(Room.create({ scenario: small, hostSecret: 'short' }).ok).toBe(false);
  });
});

describe('joining', () => {
  it('sanitises handles', () => {
    expect(sanitiseHandle('  Ana\u0000  <b>Maria</b>\n ')).toBe('Ana bMaria/b');
    expect(sanitiseHandle('x'.repeat(40))).toHaveLength(24);
    expect(sanitiseHandle('   ')).toBeUndefined();
    expect(sanitiseHandle(undefined)).toBeUndefined();
  });
  it('refuses bad student ids', () => {
    const r = room();
    expect(r.join('short').ok).toBe(false);
    expect(r.join('has spaces in it').ok).toBe(false);
  });
  it('is refused with a clear message when the room is full, but a known student rejoins', () => {
    const r = room({ maxSize: 2 });
    must(r.join(A));
    must(r.join(B, 'Bo'));
    const full = r.join(C);
    expect(full).toEqual({ ok: false, error: expect.stringContaining('full (2 students)') });
    expect(r.join(A).ok).toBe(true);
    expect(r.studentCount).toBe(2);
  });
  it('defaults to 500 students', () => {
    const r = room();
    for (let i = 0; i < 500; i++) must(r.join(`student-${String(i).padStart(4, '0')}`));
    expect(r.join('student-extra').ok).toBe(false);
  });
});

describe('votes', () => {
  it('count once per student, can change while open, and are refused when closed', () => {
    const r = room();
    must(r.join(A));
    must(r.join(B));
    expect(r.vote(A, 'reflect')).toEqual({ ok: false, error: 'the vote is closed' });
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'reflect'));
    must(r.vote(A, 'reflect'));
    must(r.vote(A, 'push'));
    must(r.vote(B, 'reflect'));
    expect(r.tally()).toEqual({ reflect: 1, push: 1 });
    must(r.host(SECRET, 'closeVote'));
    expect(r.vote(A, 'reflect').ok).toBe(false);
    expect(r.tally()).toEqual({ reflect: 1, push: 1 });
  });
  it('refuses unknown responses and students who have not joined', () => {
    const r = room();
    must(r.join(A));
    must(r.host(SECRET, 'openVote'));
    expect(r.vote(A, 'nope').ok).toBe(false);
    expect(r.vote(C, 'reflect').ok).toBe(false);
  });
  it('a student who reconnects keeps their vote', () => {
    const r = room();
    must(r.join(A, 'Ana'));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'push'));
    expect(must(r.join(A, 'Ana'))).toBeNull();
    expect(r.view({ studentId: A }).myVote).toBe('push');
  });
  it('the tally never says who voted for what', () => {
    const r = room();
    must(r.join(A, 'Ana'));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'push'));
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'reveal'));
    for (const v of [r.view({ projector: true }), r.view({ host: true }), r.view({ studentId: B })]) {
      const text = JSON.stringify(v);
      expect(text).not.toContain(A);
      expect(text).not.toContain('Ana');
    }
  });
  it('results are hidden from students and the projector until revealed', () => {
    const r = room();
    must(r.join(A));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'push'));
    expect(r.view({ studentId: A }).reveal).toBeUndefined();
    expect(r.view({ projector: true }).reveal).toBeUndefined();
    expect(r.view({ projector: true }).votes).toBe(1);
    must(r.host(SECRET, 'closeVote'));
    expect(r.view({ projector: true }).reveal).toBeUndefined();
    must(r.host(SECRET, 'reveal'));
    const reveal = r.view({ studentId: A }).reveal!;
    expect(reveal.options.map((o) => [o.id, o.votes, o.category])).toEqual([
      ['reflect', 0, 'consistent'],
      ['push', 1, 'inconsistent'],
    ]);
    expect(reveal.options[1]!.feedback).toBe('The righting reflex.');
  });
});

describe('host actions', () => {
  it('need the host secret', () => {
    const r = room();
    for (const action of ['openVote', 'closeVote', 'reveal', 'continue', 'back', 'end', 'discuss'] as const) {
      expect(r.host('wrong-secret-123', action)).toEqual({ ok: false, error: 'only the facilitator can do that' });
    }
    expect(r.journal).toHaveLength(1);
  });
  it('continue along the most-voted response runs the engine as in solo mode', () => {
    const r = room();
    must(r.join(A));
    must(r.join(B));
    must(r.join(C));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'reflect'));
    must(r.vote(B, 'reflect'));
    must(r.vote(C, 'push'));
    expect(r.host(SECRET, 'continue').ok).toBe(false); // still open
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'reveal'));
    expect(must(r.host(SECRET, 'continue'))).toEqual({ type: 'continued', response: 'reflect', by: 'votes' });
    const v = r.view({ projector: true });
    expect(v.at).toBe('middle');
    expect(v.phase).toBe('idle');
    expect(v.line.say).toBe("Part of me wants to sleep again.");
    expect(v.meters).toEqual({ rapport: 3, discord: 1 });
    expect(v.lastTurn?.chosen.id).toBe('reflect');
    expect(r.history).toEqual([{ node: 'opening', tally: { reflect: 2, push: 1 }, chosen: 'reflect', by: 'votes' }]);
  });
  it('a tie needs the host to break it', () => {
    const r = room();
    must(r.join(A));
    must(r.join(B));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'reflect'));
    must(r.vote(B, 'push'));
    must(r.host(SECRET, 'closeVote'));
    expect(r.host(SECRET, 'continue')).toEqual({ ok: false, error: 'a tie between reflect, push: pick one of them' });
    expect(r.host(SECRET, 'continue', undefined, 'nope').ok).toBe(false);
    must(r.host(SECRET, 'continue', undefined, 'push'));
    expect(r.view({ host: true }).at).toBe('walked-out');
    expect(r.currentPhase).toBe('ended');
    expect(r.view({ host: true }).conversationEnded).toBe(true);
    expect(r.view({ host: true }).lastTurn?.reply?.say).toBe('Everyone says that.');
  });
  it('no votes means the host must pick', () => {
    const r = room();
    must(r.host(SECRET, 'openVote'));
    must(r.host(SECRET, 'closeVote'));
    expect(r.host(SECRET, 'continue').ok).toBe(false);
  });
  it('the host can continue along a response they pick, go back a turn, and end', () => {
    const r = room();
    must(r.host(SECRET, 'continue', 'reflect'));
    expect(r.view({ host: true }).at).toBe('middle');
    must(r.host(SECRET, 'continue', '2'));
    expect(r.view({ host: true }).at).toBe('not-yet');
    must(r.host(SECRET, 'back'));
    expect(r.view({ host: true }).at).toBe('middle');
    expect(r.view({ host: true }).conversationEnded).toBe(false);
    must(r.host(SECRET, 'back'));
    expect(r.view({ host: true }).at).toBe('opening');
    expect(r.view({ host: true }).meters).toEqual({ rapport: 2, discord: 1 });
    expect(r.host(SECRET, 'back').ok).toBe(false);
    expect(r.turns).toHaveLength(0);
    must(r.host(SECRET, 'end'));
    expect(r.currentPhase).toBe('ended');
    expect(r.host(SECRET, 'openVote').ok).toBe(false);
    expect(r.host(SECRET, 'end').ok).toBe(false);
  });
  it('a vote is held once per turn; going back allows a new one', () => {
    const r = room();
    must(r.host(SECRET, 'openVote'));
    expect(r.host(SECRET, 'openVote').ok).toBe(false);
    expect(r.host(SECRET, 'reveal').ok).toBe(false);
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'continue', 'reflect'));
    must(r.host(SECRET, 'openVote'));
  });
});

describe('the journal', () => {
  function midVote(): Room {
    const r = room();
    must(r.join(A, 'Ana'));
    must(r.join(B));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'reflect'));
    must(r.vote(B, 'reflect'));
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'continue'));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, '1'));
    must(r.vote(B, '2'));
    must(r.vote(B, '1'));
    return r;
  }
  it('is plain JSON events', () => {
    const r = midVote();
    const copy = JSON.parse(JSON.stringify(r.journal)) as RoomEvent[];
    expect(copy).toEqual(r.journal);
    expect(copy[0]).toMatchObject({ type: 'created', code: 'ACDEFG', scenarioId: 'small-test', maxSize: 500 });
  });
  it('rebuilds the same room, mid-vote', () => {
    const r = midVote();
    const rebuilt = must(Room.fromJournal(JSON.parse(JSON.stringify(r.journal)) as RoomEvent[], small));
    expect(rebuilt.dump()).toEqual(r.dump());
    expect(rebuilt.view({ studentId: B })).toEqual(r.view({ studentId: B }));
    // and the rebuilt room goes on from there
    must(rebuilt.vote(A, '2'));
    must(rebuilt.host(SECRET, 'closeVote'));
    expect(rebuilt.tally()).toEqual({ '1': 1, '2': 1 });
    expect(rebuilt.isHost(SECRET)).toBe(true);
  });
  it('rebuilds after going back and ending', () => {
    const r = midVote();
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'back'));
    must(r.host(SECRET, 'end'));
    const rebuilt = must(Room.fromJournal(r.journal, small));
    expect(rebuilt.dump()).toEqual(r.dump());
  });
  it('refuses a journal that does not fit', () => {
    expect(Room.fromJournal([], small).ok).toBe(false);
    const bad = [...room().journal, { type: 'voted', studentId: A, response: 'reflect' } as RoomEvent];
    expect(Room.fromJournal(bad, small)).toEqual({ ok: false, error: expect.stringContaining('journal entry 2') });
    expect(Room.fromJournal([{ ...room().journal[0]!, scenarioId: 'other' } as RoomEvent], small).ok).toBe(false);
  });
});

describe('the discussion prompt (host shows it)', () => {
  const withDiscuss = structuredClone(small);
  withDiscuss.nodes.opening!.discuss = 'Why might Sam fold his arms here?';
  function discussRoom(): Room {
    return must(Room.create({ scenario: withDiscuss, hostSecret: SECRET, code: 'ACDEFG' }));
  }
  it('is hidden from students until the host shows it or reveals the vote', () => {
    const r = discussRoom();
    must(r.join(A));
    expect(r.view({ studentId: A }).discuss).toBeUndefined();
    expect(r.host('wrong-secret-123', 'discuss').ok).toBe(false);
    expect(must(r.host(SECRET, 'discuss'))).toEqual({ type: 'discussShown' });
    expect(r.view({ studentId: A }).discuss).toBe('Why might Sam fold his arms here?');
    expect(r.view({ projector: true }).discuss).toBe('Why might Sam fold his arms here?');
  });
  it('is shown at the reveal without the host asking, and cleared on the next turn', () => {
    const r = discussRoom();
    must(r.host(SECRET, 'openVote'));
    must(r.host(SECRET, 'closeVote'));
    expect(r.view({ projector: true }).discuss).toBeUndefined();
    must(r.host(SECRET, 'reveal'));
    expect(r.view({ projector: true }).discuss).toBe('Why might Sam fold his arms here?');
    must(r.host(SECRET, 'continue', 'reflect'));
    expect(r.view({ projector: true }).discuss).toBeUndefined();
  });
  it('is refused where the node has none, and after the end', () => {
    const r = room();
    expect(r.host(SECRET, 'discuss')).toEqual({ ok: false, error: 'this turn has no discussion prompt' });
    const d = discussRoom();
    must(d.host(SECRET, 'end'));
    expect(d.host(SECRET, 'discuss').ok).toBe(false);
  });
  it('survives a rebuild from the journal', () => {
    const r = discussRoom();
    must(r.host(SECRET, 'discuss'));
    const again = must(Room.fromJournal(r.journal, withDiscuss));
    expect(again.dump()).toEqual(r.dump());
    expect(again.view({ projector: true }).discuss).toBe('Why might Sam fold his arms here?');
  });
});

describe('typed show-of-hands counts (projector-only mode)', () => {
  it('count as votes and decide the most voted', () => {
    const r = room();
    must(r.host(SECRET, 'openVote'));
    expect(must(r.count(SECRET, { reflect: 7, push: 3 }))).toEqual({ type: 'counted', tally: { reflect: 7, push: 3 } });
    expect(r.tally()).toEqual({ reflect: 7, push: 3 });
    expect(r.view({ host: true }).votes).toBe(10);
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'reveal'));
    expect(r.view({ projector: true }).reveal?.options.map((o) => o.votes)).toEqual([7, 3]);
    must(r.host(SECRET, 'continue'));
    expect(r.history).toEqual([{ node: 'opening', tally: { reflect: 7, push: 3 }, chosen: 'reflect', by: 'votes' }]);
    expect(Object.values(r.tally()).every((n) => n === 0)).toBe(true);
  });
  it('a new count replaces the last; the next turn starts from nothing', () => {
    const r = room();
    must(r.host(SECRET, 'openVote'));
    must(r.count(SECRET, { reflect: 7 }));
    must(r.count(SECRET, { reflect: 1, push: 2 }));
    expect(r.tally()).toEqual({ reflect: 1, push: 2 });
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'continue'));
    expect(Object.values(r.tally()).every((n) => n === 0)).toBe(true);
    expect(r.view({ host: true }).votes).toBe(0);
  });
  it('are refused outside a vote, for unknown responses, for bad numbers, and without the secret', () => {
    const r = room();
    expect(r.count(SECRET, { reflect: 1 })).toEqual({ ok: false, error: 'open the vote before entering counts' });
    must(r.host(SECRET, 'openVote'));
    expect(r.count('wrong-secret-123', { reflect: 1 }).ok).toBe(false);
    expect(r.count(SECRET, { nope: 1 })).toEqual({ ok: false, error: "there is no response 'nope' here" });
    for (const n of [-1, 1.5, Number.NaN, 100_001]) expect(r.count(SECRET, { reflect: n }).ok).toBe(false);
    expect(r.journal).toHaveLength(2);
  });
  it('going back clears the count; the journal rebuilds the same room', () => {
    const r = room();
    must(r.host(SECRET, 'openVote'));
    must(r.count(SECRET, { reflect: 4, push: 4 }));
    must(r.host(SECRET, 'closeVote'));
    expect(r.host(SECRET, 'continue').ok).toBe(false); // a tie
    must(r.host(SECRET, 'continue', undefined, 'push'));
    must(r.host(SECRET, 'back'));
    expect(Object.values(r.tally()).every((n) => n === 0)).toBe(true);
    const again = must(Room.fromJournal(r.journal, small));
    expect(again.dump()).toEqual(r.dump());
  });
});

describe('the played record for the class report', () => {
  it('is in every view once the session is over, never before, and names no student', () => {
    const r = room();
    must(r.join(A));
    must(r.host(SECRET, 'openVote'));
    must(r.vote(A, 'reflect'));
    must(r.host(SECRET, 'closeVote'));
    must(r.host(SECRET, 'continue'));
    expect(r.view({ host: true }).played).toBeUndefined();
    must(r.host(SECRET, 'end'));
    const played = r.view({ studentId: A }).played;
    expect(played?.history).toEqual([{ node: 'opening', tally: { reflect: 1, push: 0 }, chosen: 'reflect', by: 'votes' }]);
    expect(played?.turns).toHaveLength(1);
    expect(JSON.stringify(played)).not.toContain(A);
  });
});
