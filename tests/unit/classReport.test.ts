// The class report (issue 7): a room played through with the Room API gives the path, the votes
// per turn, the MI-consistent shares and the solo report's figures for the path.
import { describe, expect, it } from 'vitest';
import { buildClassReport, classReportCsv, CLASS_REPORT_COLUMNS } from '../../src/core/classroom/classReport.ts';
import { Room } from '../../src/core/classroom/room.ts';
import { buildReport } from '../../src/core/coding/report.ts';
import { SMALL, loadScenario } from './driver.ts';

const small = loadScenario(SMALL);
const SECRET = 'host-secret-123';
const [A, B, C] = ['student-aaaa', 'student-bbbb', 'student-cccc'];

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function freshRoom(): Room {
  const room = must(Room.create({ scenario: small, hostSecret: SECRET, code: 'ACDEFG' }));
  for (const s of [A, B, C]) must(room.join(s));
  return room;
}

/** Opens, takes the votes, closes and reveals one round. */
function voteRound(room: Room, votes: [string, string][]): void {
  must(room.host(SECRET, 'openVote'));
  for (const [s, r] of votes) must(room.vote(s, r));
  must(room.host(SECRET, 'closeVote'));
  must(room.host(SECRET, 'reveal'));
}

/** Opening: 2 of 3 reflect, the class follows the vote. Middle: the host picks the first response against the vote. */
function playedRoom(): { room: Room; middle: string[] } {
  const room = freshRoom();
  voteRound(room, [
    [A, 'reflect'],
    [B, 'reflect'],
    [C, 'push'],
  ]);
  must(room.host(SECRET, 'continue'));
  const middle = Object.keys(room.tally());
  voteRound(room, [
    [A, middle[0]!],
    [B, middle[1]!],
    [C, middle[1]!],
  ]);
  must(room.host(SECRET, 'continue', middle[0]));
  return { room, middle };
}

describe('buildClassReport', () => {
  it('gives the path taken, the votes per option and who decided', () => {
    const { room, middle } = playedRoom();
    const report = buildClassReport(small, room);
    expect(report.scenarioId).toBe('small-test');
    expect(report.turns).toHaveLength(2);

    const [first, second] = report.turns;
    expect(first).toMatchObject({ turn: 1, node: 'opening', totalVotes: 3, mostVoted: ['reflect'], by: 'votes' });
    expect(first!.client?.say).toBe("My doctor sent me. I'm not sure why.");
    expect(first!.chosen).toMatchObject({ id: 'reflect', codes: ['simple_reflection'], category: 'consistent', votes: 2, chosen: true });
    expect(first!.options.map((o) => [o.id, o.votes, o.category])).toEqual([
      ['reflect', 2, 'consistent'],
      ['push', 1, 'inconsistent'],
    ]);

    expect(second).toMatchObject({ turn: 2, node: 'middle', totalVotes: 3, mostVoted: [middle[1]], by: 'host' });
    expect(second!.chosen).toMatchObject({ id: middle[0], category: 'consistent', votes: 1 });
    expect(report.hostPicks).toBe(1);
    expect(report.outcome).toMatchObject({ endingId: 'one-session' });
  });

  it('never says who voted', () => {
    const report = buildClassReport(small, playedRoom().room);
    const text = JSON.stringify(report) + classReportCsv(report);
    for (const s of [A, B, C]) expect(text).not.toContain(s);
  });

  it('counts the MI-consistent share of the votes and of the path', () => {
    const report = buildClassReport(small, playedRoom().room);
    // Votes: reflect x2 (consistent), push (inconsistent); middle: first x1 (consistent), not_coded x2 (neutral).
    expect(report.votes).toEqual({ consistent: 3, neutral: 2, inconsistent: 1, total: 6, share: 0.5 });
    // Path: reflect and the complex reflection, both consistent.
    expect(report.path).toEqual({ consistent: 2, neutral: 0, inconsistent: 0, total: 2, share: 1 });
  });

  it('reuses the solo report for the figures of the path', () => {
    const { room } = playedRoom();
    const report = buildClassReport(small, room);
    expect(report.report).toEqual(buildReport(small, room.turns, 'one-session'));
    expect(report.report.responses).toBe(2);
    expect(report.report.reflections).toBe(2);
  });

  it('a host pick with no vote counts on the path but adds no votes', () => {
    const room = freshRoom();
    must(room.host(SECRET, 'continue', 'push'));
    const report = buildClassReport(small, room);
    expect(report.turns[0]).toMatchObject({ totalVotes: 0, mostVoted: [], by: 'host', chosen: { id: 'push', category: 'inconsistent' } });
    expect(report.turns[0]!.reply?.say).toBe('Everyone says that.');
    expect(report.votes.share).toBeNull();
    expect(report.path).toMatchObject({ inconsistent: 1, total: 1, share: 0 });
    expect(report.outcome).toMatchObject({ endingId: 'walked-out' });
  });

  it('stops without an outcome before an ending', () => {
    const room = freshRoom();
    must(room.host(SECRET, 'continue', 'reflect'));
    expect(buildClassReport(small, room).outcome).toBeNull();
  });

  it('"back" drops the undone turn from the report', () => {
    const room = freshRoom();
    voteRound(room, [[A, 'push']]);
    must(room.host(SECRET, 'continue'));
    must(room.host(SECRET, 'back'));
    voteRound(room, [[A, 'reflect']]);
    must(room.host(SECRET, 'continue'));
    const report = buildClassReport(small, room);
    expect(report.turns.map((t) => t.chosen.id)).toEqual(['reflect']);
    expect(report.votes.total).toBe(1);
    expect(report.report.responses).toBe(1);
  });

  it('an empty room gives an empty report', () => {
    const report = buildClassReport(small, freshRoom());
    expect(report.turns).toEqual([]);
    expect(report.votes.share).toBeNull();
    expect(report.path.share).toBeNull();
    expect(report.report.responses).toBe(0);
  });

  it('works the same on a room rebuilt from its journal', () => {
    const { room } = playedRoom();
    const rebuilt = must(Room.fromJournal(room.journal, small));
    expect(buildClassReport(small, rebuilt)).toEqual(buildClassReport(small, room));
  });
});

describe('classReportCsv', () => {
  it('writes one row per option per turn', () => {
    const csv = classReportCsv(buildClassReport(small, playedRoom().room));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CLASS_REPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 4);
    expect(lines[1]).toBe(`1,opening,My doctor sent me. I'm not sure why.,1,Coming here was someone else's idea.,simple_reflection,consistent,2,yes,votes`);
    expect(lines[2]).toBe('1,opening,My doctor sent me. I\'m not sure why.,2,You should really do this therapy.,persuade,inconsistent,1,no,');
    expect(lines[3]).toContain('complex_reflection open_question,consistent,1,yes,host');
  });

  it('keeps text as text in spreadsheets', () => {
    const report = buildClassReport(small, playedRoom().room);
    report.turns[0]!.client = { say: '=HYPERLINK("http://x","y")', talk: 'neutral' };
    const csv = classReportCsv(report);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
