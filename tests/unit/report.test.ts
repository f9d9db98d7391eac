import { describe, expect, it } from 'vitest';
import { categoryOf, type ResponseCode } from '../../src/core/coding/codes.ts';
import { buildReport, MIN_CODED_FOR_LEVELS, topCodes } from '../../src/core/coding/report.ts';
import type { Turn } from '../../src/core/engine/turn.ts';
import { loadScenario, playThrough, SMALL } from './driver.ts';

const small = loadScenario(SMALL);

function turnWith(codes: ResponseCode[], index: number, retracted = false): Turn {
  const offered = { id: String(index), index: 0, say: 'x', codes, category: categoryOf(codes) };
  return {
    index,
    scenarioId: small.id,
    scenarioHash: small.hash,
    nodeId: 'opening',
    client: { say: 'c', talk: 'sustain' },
    offered: [offered],
    chosen: { ...offered, feedback: 'f' },
    metersBefore: { rapport: 2, discord: 1 },
    metersAfter: { rapport: 2, discord: 1 },
    next: 'middle',
    retracted,
  };
}

describe('the session report', () => {
  it('counts only the responses that stood, and lists the retracted ones in the timeline', () => {
    const p = playThrough(small, ['push', 'RETRY', 'reflect', 1]);
    const r = buildReport(small, p.snapshot.context.turns, p.at);
    expect(r.responses).toBe(2);
    expect(r.retracted).toBe(1);
    expect(r.codeCounts.persuade).toBe(0);
    expect(r.codeCounts.simple_reflection).toBe(1);
    expect(r.codeCounts.complex_reflection).toBe(1);
    expect(r.codeCounts.open_question).toBe(1);
    expect(r.reflections).toBe(2);
    expect(r.questions).toBe(1);
    expect(r.timeline).toHaveLength(3);
    expect(r.timeline[0]!.turn.retracted).toBe(true);
    // The push was MI-inconsistent: the MI-consistent response that was available is offered.
    expect(r.timeline[0]!.alternatives.map((a) => a.id)).toEqual(['reflect']);
    expect(r.outcome).toEqual({ endingId: 'one-session', outcome: 'small_step', title: 'One session' });
    expect(r.meterTrajectory).toEqual([{ rapport: 2, discord: 1 }, { rapport: 3, discord: 1 }, { rapport: 4, discord: 1 }]);
  });

  it('shows no MITI level before enough coded responses, and says why', () => {
    const p = playThrough(small, ['reflect', 1]);
    const r = buildReport(small, p.snapshot.context.turns, p.at);
    const rq = r.figures.find((f) => f.id === 'rq')!;
    expect(rq.value).toBe(2);
    expect(rq.level).toBeNull();
    expect(rq.why).toContain(`${MIN_CODED_FOR_LEVELS} coded responses`);
  });

  it('places figures against the MITI fair and good levels once there is enough', () => {
    const codes: ResponseCode[][] = [
      ...Array<ResponseCode[]>(4).fill(['complex_reflection']),
      ...Array<ResponseCode[]>(2).fill(['simple_reflection']),
      ...Array<ResponseCode[]>(2).fill(['open_question']),
      ['closed_question'],
      ['affirmation'],
      ['persuade'],
    ];
    const r = buildReport(small, codes.map((c, i) => turnWith(c, i)), null);
    const by = Object.fromEntries(r.figures.map((f) => [f.id, f]));
    expect(by.rq!.value).toBe(2); // 6 reflections / 3 questions
    expect(by.rq!.level).toBe('good');
    expect(by.rq!.words).toBe('2.0 reflections per question: the good level (fair 1:1, good 2:1).');
    expect(by.pct_cr!.value).toBeCloseTo(66.67);
    expect(by.pct_cr!.level).toBe('good');
    expect(by.pct_open!.value).toBeCloseTo(66.67);
    expect(by.pct_open!.level).toBe('fair');
    expect(by.pct_adherent!.value).toBe(50);
    expect(by.pct_adherent!.level).toBe('below_fair');
    expect(r.adherent).toBe(1);
    expect(r.nonAdherent).toBe(1);
    expect(r.categories).toEqual({ consistent: 9, neutral: 1, inconsistent: 1 });
    expect(topCodes(r.codeCounts, 1)).toEqual([{ code: 'complex_reflection', name: 'Complex reflection', count: 4 }]);
  });

  it('needs five reflections before judging %CR', () => {
    const codes: ResponseCode[][] = [...Array<ResponseCode[]>(10).fill(['open_question']), ['complex_reflection']];
    const r = buildReport(small, codes.map((c, i) => turnWith(c, i)), null);
    const cr = r.figures.find((f) => f.id === 'pct_cr')!;
    expect(cr.level).toBeNull();
    expect(cr.why).toContain('5 reflections');
  });
});

describe('report figures at the edges', () => {
  it('reflections and no questions: R:Q shows the count, never a division by zero', () => {
    const r = buildReport(small, Array.from({ length: 10 }, (_, i) => turnWith(['complex_reflection'], i)), null);
    const rq = r.figures.find((f) => f.id === 'rq')!;
    expect(rq.display).toBe('10 : 0');
    expect(rq.level).toBe('good');
    expect(r.figures.find((f) => f.id === 'pct_open')!.value).toBeNull();
  });

  it('questions and no reflections: R:Q is 0 and %CR has nothing to count', () => {
    const r = buildReport(small, Array.from({ length: 10 }, (_, i) => turnWith(['open_question'], i)), null);
    expect(r.figures.find((f) => f.id === 'rq')!.value).toBe(0);
    expect(r.figures.find((f) => f.id === 'rq')!.level).toBe('below_fair');
    expect(r.figures.find((f) => f.id === 'pct_cr')!.words).toBe('Nothing to count yet.');
  });

  it('a response with several codes counts each code once, and its category follows the worst', () => {
    const r = buildReport(small, [turnWith(['complex_reflection', 'open_question'], 0), turnWith(['giving_information', 'persuade'], 1)], null);
    expect(r.reflections).toBe(1);
    expect(r.questions).toBe(1);
    expect(r.codeCounts.giving_information).toBe(1);
    expect(r.categories).toEqual({ consistent: 1, neutral: 0, inconsistent: 1 });
  });

  it('retracted responses are left out of every figure', () => {
    const r = buildReport(small, [turnWith(['persuade'], 0, true), turnWith(['simple_reflection'], 1)], null);
    expect(r.nonAdherent).toBe(0);
    expect(r.reflections).toBe(1);
    expect(r.retracted).toBe(1);
  });
});
