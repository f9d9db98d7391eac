// The class report (issue 7): what a class chose, turn by turn, and how MI-consistent it was.
// Built from a room's rounds (votes per option, never who voted) and the engine's Turn log of the
// path taken; the MITI figures for that path come from the same buildReport as solo practice, so
// the class sees the figures a trainee would for the same conversation.
//
// Usage: `buildClassReport(scenario, room)` with a Room (or anything with `history` and `turns`,
// such as a projector-only session that typed show-of-hands counts), then
// `classReportCsv(report)` for the download.
import { categoryOf, type Category, type ResponseCode } from '../coding/codes.ts';
import { csvCell } from '../coding/exportTurns.ts';
import { buildReport, type Report } from '../coding/report.ts';
import { placeOf } from '../engine/rules.ts';
import { standingTurns, type Turn } from '../engine/turn.ts';
import type { ClientLine, Scenario } from '../scenario/types.ts';
import type { Round } from './room.ts';

/** One option at one turn, with the class's votes for it. */
export interface ClassReportOption {
  id: string;
  /** 0-based position in the node, as in the engine; shown to people as index + 1. */
  index: number;
  say: string;
  codes: ResponseCode[];
  category: Category;
  votes: number;
  /** The response the class went on with. */
  chosen: boolean;
}

/** One turn of the path the class took. */
export interface ClassReportTurn {
  /** 1-based. */
  turn: number;
  node: string;
  /** The client's line as the class saw it; absent only if the Turn log is missing this turn. */
  client?: ClientLine;
  options: ClassReportOption[];
  /** Votes cast at this turn (0 when the facilitator picked without a vote). */
  totalVotes: number;
  /** Ids of the most-voted options (several on a tie; empty when nobody voted). */
  mostVoted: string[];
  chosen: ClassReportOption;
  /** Along the most-voted response, or a response the facilitator picked. */
  by: 'votes' | 'host';
  /** The client's reaction to the chosen response, if the scenario gives one. */
  reply?: ClientLine;
}

/** A share of MI-consistent choices: counts, and `share` from 0 to 1 (null when nothing to count). */
export interface ConsistentShare {
  consistent: number;
  neutral: number;
  inconsistent: number;
  total: number;
  share: number | null;
}

export interface ClassReport {
  scenarioId: string;
  scenarioHash: string;
  scenarioTitle: string;
  turns: ClassReportTurn[];
  /** Over every vote the class cast: how many went to MI-consistent responses. */
  votes: ConsistentShare;
  /** Over the responses the class went on with (the path). */
  path: ConsistentShare;
  /** Turns where the facilitator picked the response rather than following the vote. */
  hostPicks: number;
  /** The MITI figures, timeline and outcome for the path, exactly as in solo practice. */
  report: Report;
  /** How the conversation ended, or null if the session stopped before an ending. */
  outcome: Report['outcome'];
}

/** What the report reads from a room: a Room fits as it is. */
export interface PlayedRoom {
  history: readonly Round[];
  turns: readonly Turn[];
}

function share(counts: Record<Category, number>): ConsistentShare {
  const total = counts.consistent + counts.neutral + counts.inconsistent;
  return { ...counts, total, share: total === 0 ? null : counts.consistent / total };
}

export function buildClassReport(scenario: Scenario, room: PlayedRoom): ClassReport {
  const stood = standingTurns(room.turns);
  const voteCounts: Record<Category, number> = { consistent: 0, neutral: 0, inconsistent: 0 };
  const pathCounts: Record<Category, number> = { consistent: 0, neutral: 0, inconsistent: 0 };
  const turns: ClassReportTurn[] = [];

  room.history.forEach((round, i) => {
    if (round.chosen === null || round.by === null) return;
    // Rounds and standing turns are pushed together by the room (and dropped together by "back").
    const turn = stood[i]?.nodeId === round.node ? stood[i] : undefined;
    const place = placeOf(scenario, round.node);
    const responses = place.kind === 'node' ? place.node.responses : [];
    const options: ClassReportOption[] = responses.map((r) => ({
      id: r.id,
      index: r.index,
      say: r.say,
      codes: r.codes,
      category: categoryOf(r.codes),
      votes: round.tally[r.id] ?? 0,
      chosen: r.id === round.chosen,
    }));
    let chosen = options.find((o) => o.chosen);
    if (!chosen) {
      // A scenario edited since the session: fall back to what the Turn log recorded.
      if (!turn) return;
      const c = turn.chosen;
      chosen = { id: c.id, index: c.index, say: c.say, codes: c.codes, category: c.category, votes: round.tally[c.id] ?? 0, chosen: true };
      options.push(chosen);
    }
    for (const o of options) voteCounts[o.category] += o.votes;
    pathCounts[chosen.category]++;
    const totalVotes = options.reduce((n, o) => n + o.votes, 0);
    const max = Math.max(0, ...options.map((o) => o.votes));
    turns.push({
      turn: turns.length + 1,
      node: round.node,
      ...(turn ? { client: turn.client } : {}),
      options,
      totalVotes,
      mostVoted: max === 0 ? [] : options.filter((o) => o.votes === max).map((o) => o.id),
      chosen,
      by: round.by,
      ...(turn?.reply ? { reply: turn.reply } : {}),
    });
  });

  const last = stood.at(-1);
  const endingId = last && placeOf(scenario, last.next).kind === 'ending' ? last.next : null;
  const report = buildReport(scenario, room.turns, endingId);
  return {
    scenarioId: scenario.id,
    scenarioHash: scenario.hash,
    scenarioTitle: scenario.title,
    turns,
    votes: share(voteCounts),
    path: share(pathCounts),
    hostPicks: turns.filter((t) => t.by === 'host').length,
    report,
    outcome: report.outcome,
  };
}

export const CLASS_REPORT_COLUMNS = ['turn', 'node', 'client_line', 'option_number', 'response', 'codes', 'category', 'votes', 'chosen', 'chosen_by'] as const;

/** One row per option per turn (so every turn's vote split is in the file); formula-safe cells. */
export function classReportCsv(report: ClassReport): string {
  const rows: string[] = [];
  for (const t of report.turns) {
    for (const o of t.options) {
      rows.push(
        [
          String(t.turn),
          t.node,
          t.client?.say ?? '',
          String(o.index + 1),
          o.say,
          o.codes.join(' '),
          o.category,
          String(o.votes),
          o.chosen ? 'yes' : 'no',
          o.chosen ? t.by : '',
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return [CLASS_REPORT_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
