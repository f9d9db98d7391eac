// The MI codes and the category a trainee sees for a response (MI-REFERENCE "Feedback
// categories", after MITI 4.2.1).
import { describe, expect, it } from 'vitest';
import { CATEGORY_INFO, CODE_INFO, MI_CODES, NOT_CODED, RESPONSE_CODES, SUBTYPES, categoryOf, isResponseCode, type ResponseCode } from '../../src/core/coding/codes.ts';

describe('the categories of single codes follow MITI 4.2.1', () => {
  it.each<[ResponseCode, string]>([
    ['open_question', 'consistent'],
    ['simple_reflection', 'consistent'],
    ['complex_reflection', 'consistent'],
    ['affirmation', 'consistent'],
    ['seeking_collaboration', 'consistent'],
    ['emphasizing_autonomy', 'consistent'],
    ['closed_question', 'neutral'],
    ['giving_information', 'neutral'],
    ['persuade_with_permission', 'neutral'],
    ['not_coded', 'neutral'],
    ['persuade', 'inconsistent'],
    ['confront', 'inconsistent'],
  ])('%s is %s', (code, category) => {
    expect(categoryOf([code])).toBe(category);
    expect(CODE_INFO[code].category).toBe(category);
  });
});

describe('categoryOf a list of codes', () => {
  it('any MI-inconsistent code makes the response MI-inconsistent', () => {
    expect(categoryOf(['complex_reflection', 'persuade'])).toBe('inconsistent');
    expect(categoryOf(['persuade', 'complex_reflection'])).toBe('inconsistent');
    expect(categoryOf(['affirmation', 'emphasizing_autonomy', 'confront'])).toBe('inconsistent');
    expect(categoryOf(['giving_information', 'persuade'])).toBe('inconsistent');
  });

  it('otherwise any MI-consistent code makes it MI-consistent', () => {
    expect(categoryOf(['complex_reflection', 'open_question'])).toBe('consistent');
    expect(categoryOf(['giving_information', 'open_question'])).toBe('consistent');
    expect(categoryOf(['closed_question', 'affirmation'])).toBe('consistent');
  });

  it('otherwise it is neutral', () => {
    expect(categoryOf(['giving_information', 'closed_question'])).toBe('neutral');
    expect(categoryOf(['persuade_with_permission', 'giving_information'])).toBe('neutral');
  });

  it('holds for every pair of codes, in either order', () => {
    const rank = { inconsistent: 2, consistent: 1, neutral: 0 } as const;
    for (const a of RESPONSE_CODES) {
      for (const b of RESPONSE_CODES) {
        const expected = rank[CODE_INFO[a].category] >= rank[CODE_INFO[b].category] ? CODE_INFO[a].category : CODE_INFO[b].category;
        expect(categoryOf([a, b]), `${a} + ${b}`).toBe(expected);
      }
    }
  });
});

describe('the code catalogue', () => {
  it('has the eleven MITI codes and not_coded', () => {
    expect(MI_CODES).toHaveLength(11);
    expect(RESPONSE_CODES).toEqual([...MI_CODES, NOT_CODED]);
    expect(Object.keys(CODE_INFO).sort()).toEqual([...RESPONSE_CODES].sort());
  });

  it.each(RESPONSE_CODES.map((c) => [c]))('%s has its code, a name, a short form, a note and an example', (code) => {
    const info = CODE_INFO[code];
    expect(info.code).toBe(code);
    for (const text of [info.name, info.short, info.note, info.example]) expect(text.trim().length).toBeGreaterThan(0);
    expect(info.note).toMatch(/[.!?]$/);
  });

  it('names and short forms are distinct, so trainees can tell codes apart', () => {
    const infos = Object.values(CODE_INFO);
    expect(new Set(infos.map((i) => i.name)).size).toBe(infos.length);
    expect(new Set(infos.map((i) => i.short)).size).toBe(infos.length);
  });

  it('MITI totals: questions, reflections, adherent and non-adherent', () => {
    const byTotal = (total: string | null) => RESPONSE_CODES.filter((c) => CODE_INFO[c].total === total).sort();
    expect(byTotal('question')).toEqual(['closed_question', 'open_question']);
    expect(byTotal('reflection')).toEqual(['complex_reflection', 'simple_reflection']);
    expect(byTotal('adherent')).toEqual(['affirmation', 'emphasizing_autonomy', 'seeking_collaboration']);
    expect(byTotal('non_adherent')).toEqual(['confront', 'persuade']);
  });

  it('every category has a label and an opening line', () => {
    for (const c of ['consistent', 'neutral', 'inconsistent'] as const) {
      expect(CATEGORY_INFO[c].category).toBe(c);
      expect(CATEGORY_INFO[c].label.length).toBeGreaterThan(0);
      expect(CATEGORY_INFO[c].lead.length).toBeGreaterThan(0);
    }
  });

  it('isResponseCode accepts the codes only, not Object properties', () => {
    for (const c of RESPONSE_CODES) expect(isResponseCode(c)).toBe(true);
    for (const c of ['complex_reflect', 'Open_question', '', 'constructor', '__proto__', 'toString']) expect(isResponseCode(c)).toBe(false);
  });

  it('every sub-type names the codes it belongs to', () => {
    for (const [name, sub] of Object.entries(SUBTYPES)) {
      expect(sub.codes.length, name).toBeGreaterThan(0);
      for (const c of sub.codes) expect(isResponseCode(c), `${name}: ${c}`).toBe(true);
    }
  });
});
