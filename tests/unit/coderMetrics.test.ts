// The evaluation arithmetic behind `npm run eval:coder`: if these figures were wrong, every
// figure quoted in the README would be too.
import { describe, expect, it } from 'vitest';
import { coarseClass, COARSE_CLASSES } from '../../src/core/freeText/coarse.ts';
import { MI_CODES, type MiCode } from '../../src/core/coding/codes.ts';
import { macroF1, percentile, reportFrom, scores, type Predicted } from '../../src/cli/coderMetrics.ts';
import { parseLabelled, primaryCode } from '../../src/cli/coderData.ts';

const item = (id: string, code: MiCode) => ({ id, context: '', text: id, code });

describe('coarseClass', () => {
  it('maps every one of the eleven codes to one of the five coarse classes', () => {
    expect(MI_CODES.map((c) => coarseClass(c))).toEqual([
      'question', 'question', 'reflection', 'reflection', 'adherent', 'adherent', 'adherent',
      'information', 'information', 'inconsistent', 'inconsistent',
    ]);
    expect(new Set(MI_CODES.map((c) => coarseClass(c)))).toEqual(new Set(COARSE_CLASSES));
    expect(coarseClass('unclear')).toBeNull();
  });
});

describe('scores and macro-F1', () => {
  it('computes precision, recall and F1 per class', () => {
    const s = scores(['a', 'b'] as const, ['a', 'a', 'b', 'b'], ['a', 'b', 'b', null]);
    expect(s[0]).toMatchObject({ label: 'a', support: 2, predicted: 1, precision: 1, recall: 0.5 });
    expect(s[0]!.f1).toBeCloseTo(2 / 3);
    expect(s[1]).toMatchObject({ label: 'b', support: 2, predicted: 2, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(macroF1(s)).toBeCloseTo((2 / 3 + 0.5) / 2);
  });

  it('leaves classes absent from the gold labels out of the macro average', () => {
    const s = scores(['a', 'b', 'c'] as const, ['a', 'b'], ['a', 'b']);
    expect(macroF1(s)).toBe(1);
  });

  it('takes the p99 as the value below which 99% of times fall', () => {
    const sorted = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(sorted, 99)).toBe(198);
    expect(percentile([], 99)).toBe(0);
  });
});

describe('reportFrom', () => {
  const items = [
    item('q1', 'open_question'),
    item('q2', 'closed_question'),
    item('r1', 'simple_reflection'),
    item('p1', 'persuade'),
  ];
  const predicted: Predicted[] = ['open_question', 'open_question', 'complex_reflection', 'unclear'];
  const r = reportFrom(items, predicted, [1, 2, 3, 4]);

  it("counts 'unclear' as wrong and reports coverage beside it", () => {
    expect(r.accuracy).toBe(0.25);
    expect(r.coverage).toBe(0.75);
    expect(r.confusion.persuade.unclear).toBe(1);
  });

  it('scores open versus closed among gold questions only', () => {
    expect(r.openClosed).toEqual({ n: 2, accuracy: 0.5, coded: 2, amongCoded: 0.5 });
  });

  it('scores coarse classes: a reflection of the wrong depth is still a reflection', () => {
    expect(r.coarseAccuracy).toBe(0.75);
    expect(r.perCoarse.find((s) => s.label === 'reflection')!.f1).toBe(1);
  });

  it('times: mean, p99 and max', () => {
    expect(r.timing).toEqual({ meanMs: 2.5, p99Ms: 4, maxMs: 4 });
    expect(r.errors.map((e) => e.id)).toEqual(['q2', 'r1', 'p1']);
  });
});

describe('the labelled data', () => {
  it('reads JSON lines and names the line of a bad one', () => {
    expect(parseLabelled('{"id":"a","context":"c","text":"t","code":"confront","hard":true}\n\n', 'f')).toEqual([
      { id: 'a', context: 'c', text: 't', code: 'confront', hard: true },
    ]);
    expect(() => parseLabelled('{"text":"t","code":"confront"}\n{"text":"t","code":"nope"}', 'f.jsonl')).toThrow(/^f\.jsonl:2: "code" must be one of/);
    expect(() => parseLabelled('{oops', 'f.jsonl')).toThrow(/^f\.jsonl:1: not JSON/);
  });

  it('gives a response coded several ways one head code, or none when there is no clear head', () => {
    expect(primaryCode(['closed_question', 'seeking_collaboration'])).toBe('seeking_collaboration');
    expect(primaryCode(['confront', 'persuade_with_permission'])).toBe('confront');
    expect(primaryCode(['giving_information', 'persuade'])).toBe('persuade');
    expect(primaryCode(['complex_reflection', 'open_question'])).toBeNull();
    expect(primaryCode(['not_coded'])).toBeNull();
    expect(primaryCode(['affirmation'])).toBe('affirmation');
  });
});
