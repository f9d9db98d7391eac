// score(Turn log) -> Report. Computed from the Turn log alone, so the player, the history, the
// classroom and exports all agree. Figures follow MITI 4.2.1 (R:Q, %CR, adherent totals) and the
// older MITI 3.1.1 figures trainers still teach (% open questions, % MI-adherent).
import type { TalkType } from '../scenario/format.ts';
import type { Meters, Scenario } from '../scenario/types.ts';
import { standingTurns, type Turn } from '../engine/turn.ts';
import { CODE_INFO, MI_CODES, RESPONSE_CODES, type Category, type ResponseCode } from './codes.ts';

/** Below these, MITI levels are not shown: they come from coding ~20-minute real conversations. */
export const MIN_CODED_FOR_LEVELS = 10;
export const MIN_REFLECTIONS_FOR_CR = 5;

export type Level = 'below_fair' | 'fair' | 'good';

export interface Figure {
  id: 'rq' | 'pct_cr' | 'pct_open' | 'pct_adherent';
  label: string;
  value: number | null;
  /** How the value reads: "2.0 : 1", "45%". */
  display: string;
  fair: number;
  good: number;
  source: 'MITI 4.2.1' | 'MITI 3.1.1';
  /** Null when there is too little to judge (the reason is in `why`). */
  level: Level | null;
  why?: string;
  /** In plain words, e.g. "2 reflections per question: the good level". */
  words: string;
}

export interface TimelineEntry {
  turn: Turn;
  /** MI-consistent responses that were offered, when the chosen one was MI-inconsistent. */
  alternatives: Turn['offered'];
  meterChanges: { meter: string; label: string; before: number; after: number }[];
}

export interface Report {
  scenarioId: string;
  scenarioHash: string;
  responses: number;
  retracted: number;
  codeCounts: Record<ResponseCode, number>;
  reflections: number;
  complexReflections: number;
  questions: number;
  openQuestions: number;
  adherent: number;
  nonAdherent: number;
  categories: Record<Category, number>;
  /** Responses the trainee typed (counted above with the coder's codes), and how many of those they said the coder got wrong. */
  typed: number;
  typedDisputed: number;
  figures: Figure[];
  /** The client's talk over the conversation, in order (lines, replies, last words). */
  clientTalk: { turn: number; talk: TalkType }[];
  talkCounts: Record<TalkType, number>;
  /** Meters at the start and after each response that stood. */
  meterTrajectory: Meters[];
  timeline: TimelineEntry[];
  outcome: { endingId: string; outcome: string; title: string } | null;
}

const pct = (n: number, d: number) => (d === 0 ? null : (100 * n) / d);

function level(value: number, fair: number, good: number): Level {
  return value >= good ? 'good' : value >= fair ? 'fair' : 'below_fair';
}

const LEVEL_WORDS: Record<Level, string> = { good: 'the good level', fair: 'the fair level', below_fair: 'below the fair level' };

/** What the report needs of the scenario: meter names and the ending (absent for a forgotten file). */
export type ReportScenario = Pick<Scenario, 'id' | 'hash' | 'meters' | 'endings'>;

export function buildReport(scenario: ReportScenario, turns: readonly Turn[], endingId: string | null): Report {
  const stood = standingTurns(turns);
  const codeCounts = Object.fromEntries(RESPONSE_CODES.map((c) => [c, 0])) as Record<ResponseCode, number>;
  const categories: Record<Category, number> = { consistent: 0, neutral: 0, inconsistent: 0 };
  for (const t of stood) {
    for (const c of t.chosen.codes) codeCounts[c]++;
    categories[t.chosen.category]++;
  }
  const simple = codeCounts.simple_reflection;
  const complex = codeCounts.complex_reflection;
  const reflections = simple + complex;
  const open = codeCounts.open_question;
  const questions = open + codeCounts.closed_question;
  const adherent = codeCounts.affirmation + codeCounts.seeking_collaboration + codeCounts.emphasizing_autonomy;
  const nonAdherent = codeCounts.persuade + codeCounts.confront;
  const coded = MI_CODES.reduce((n, c) => n + codeCounts[c], 0);

  const enough = coded >= MIN_CODED_FOR_LEVELS;
  const tooFew = `shown after ${MIN_CODED_FOR_LEVELS} coded responses (this session has ${coded})`;
  const figure = (f: Omit<Figure, 'level' | 'words' | 'why'>, minimumMet: boolean, why: string, words: (l: Level) => string): Figure => {
    if (f.value === null) return { ...f, level: null, why: 'nothing to count yet', words: 'Nothing to count yet.' };
    if (!minimumMet) return { ...f, level: null, why, words: `${f.display}; levels are ${why}.` };
    const l = level(f.value, f.fair, f.good);
    return { ...f, level: l, words: words(l) };
  };
  const rq = questions === 0 ? (reflections > 0 ? Infinity : null) : reflections / questions;
  const pctCR = pct(complex, reflections);
  const pctOpen = pct(open, questions);
  const pctAdherent = pct(adherent, adherent + nonAdherent);
  const fmtPct = (v: number | null) => (v === null ? '—' : `${Math.round(v)}%`);

  const figures: Figure[] = [
    figure(
      { id: 'rq', label: 'Reflections per question (R:Q)', value: rq, display: rq === null ? '—' : rq === Infinity ? `${reflections} : 0` : `${rq.toFixed(1)} : 1`, fair: 1, good: 2, source: 'MITI 4.2.1' },
      enough,
      tooFew,
      (l) => `${rq === Infinity ? 'Reflections and no questions' : `${rq!.toFixed(1)} reflections per question`}: ${LEVEL_WORDS[l]} (fair 1:1, good 2:1).`,
    ),
    figure(
      { id: 'pct_cr', label: 'Complex reflections (%CR)', value: pctCR, display: fmtPct(pctCR), fair: 40, good: 50, source: 'MITI 4.2.1' },
      enough && reflections >= MIN_REFLECTIONS_FOR_CR,
      enough ? `shown after ${MIN_REFLECTIONS_FOR_CR} reflections (this session has ${reflections})` : tooFew,
      (l) => `${fmtPct(pctCR)} of your reflections were complex: ${LEVEL_WORDS[l]} (fair 40%, good 50%).`,
    ),
    figure(
      { id: 'pct_open', label: 'Open questions', value: pctOpen, display: fmtPct(pctOpen), fair: 50, good: 70, source: 'MITI 3.1.1' },
      enough,
      tooFew,
      (l) => `${fmtPct(pctOpen)} of your questions were open: ${LEVEL_WORDS[l]} (fair 50%, good 70%).`,
    ),
    figure(
      { id: 'pct_adherent', label: 'MI-adherent share', value: pctAdherent, display: fmtPct(pctAdherent), fair: 90, good: 100, source: 'MITI 3.1.1' },
      enough,
      tooFew,
      (l) => `${adherent} MI-adherent and ${nonAdherent} non-adherent responses (${fmtPct(pctAdherent)}): ${LEVEL_WORDS[l]} (fair 90%, good 100%).`,
    ),
  ];

  const clientTalk: Report['clientTalk'] = [];
  stood.forEach((t, i) => {
    clientTalk.push({ turn: i, talk: t.client.talk });
    if (t.reply) clientTalk.push({ turn: i, talk: t.reply.talk });
  });
  const ending = endingId && Object.hasOwn(scenario.endings, endingId) ? scenario.endings[endingId]! : null;
  if (ending?.client) clientTalk.push({ turn: stood.length, talk: ending.client.talk });
  const talkCounts: Record<TalkType, number> = { change: 0, sustain: 0, neutral: 0, discord: 0 };
  for (const c of clientTalk) talkCounts[c.talk]++;

  const start = Object.fromEntries(scenario.meters.map((m) => [m.id, m.start]));
  const meterTrajectory = [stood[0]?.metersBefore ?? start, ...stood.map((t) => t.metersAfter)];

  const timeline: TimelineEntry[] = turns.map((t) => ({
    turn: t,
    alternatives: t.chosen.category === 'inconsistent' ? t.offered.filter((o) => o.category === 'consistent') : [],
    meterChanges: scenario.meters
      .filter((m) => t.metersBefore[m.id] !== t.metersAfter[m.id])
      .map((m) => ({ meter: m.id, label: m.label, before: t.metersBefore[m.id]!, after: t.metersAfter[m.id]! })),
  }));

  return {
    scenarioId: scenario.id,
    scenarioHash: scenario.hash,
    responses: stood.length,
    retracted: turns.length - stood.length,
    codeCounts,
    reflections,
    complexReflections: complex,
    questions,
    openQuestions: open,
    adherent,
    nonAdherent,
    categories,
    typed: stood.filter((t) => t.typed).length,
    typedDisputed: stood.filter((t) => t.typed?.intended && t.typed.intended !== t.typed.code).length,
    figures,
    clientTalk,
    talkCounts,
    meterTrajectory,
    timeline,
    outcome: ending ? { endingId: ending.id, outcome: ending.outcome, title: ending.title } : null,
  };
}

/** The codes a trainee used most, for "which codes you lean on". */
export function topCodes(counts: Record<ResponseCode, number>, n = 3): { code: ResponseCode; name: string; count: number }[] {
  return RESPONSE_CODES.filter((c) => counts[c] > 0)
    .sort((a, b) => counts[b] - counts[a])
    .slice(0, n)
    .map((c) => ({ code: c, name: CODE_INFO[c].name, count: counts[c] }));
}
