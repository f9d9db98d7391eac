// The condition language of `when:`: what parses, how it groups, what it means, and the errors an
// author sees, with the offset the checker turns into a column.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evaluateCondition, formatCondition, parseCondition, type Condition } from '../../src/core/engine/condition.ts';

function parse(text: string): Condition {
  const r = parseCondition(text);
  if (!r.ok) throw new Error(`'${text}' did not parse: ${r.error.message} at ${r.error.offset}`);
  return r.condition;
}

function holds(text: string, meters: Record<string, number>): boolean {
  return evaluateCondition(parse(text), meters);
}

function errorOf(text: string) {
  const r = parseCondition(text);
  if (r.ok) throw new Error(`'${text}' parsed, but should not`);
  return r.error;
}

describe('comparisons', () => {
  it('parses a meter compared with a whole number', () => {
    expect(parseCondition('rapport >= 3')).toEqual({
      ok: true,
      condition: { type: 'compare', op: '>=', left: { type: 'meter', name: 'rapport' }, right: { type: 'number', value: 3 } },
      meters: ['rapport'],
    });
  });

  it.each([
    ['rapport < 3', 2, true],
    ['rapport < 3', 3, false],
    ['rapport <= 3', 3, true],
    ['rapport <= 3', 4, false],
    ['rapport > 3', 4, true],
    ['rapport > 3', 3, false],
    ['rapport >= 3', 3, true],
    ['rapport >= 3', 2, false],
    ['rapport == 3', 3, true],
    ['rapport == 3', 4, false],
    ['rapport != 3', 4, true],
    ['rapport != 3', 3, false],
  ])('%s with rapport %i is %s', (text, rapport, expected) => {
    expect(holds(text, { rapport })).toBe(expected);
  });

  it('takes a number on the left, two meters, and negative numbers', () => {
    expect(holds('3 <= rapport', { rapport: 3 })).toBe(true);
    expect(holds('3 <= rapport', { rapport: 2 })).toBe(false);
    expect(holds('rapport > discord', { rapport: 2, discord: 1 })).toBe(true);
    expect(holds('rapport > discord', { rapport: 1, discord: 1 })).toBe(false);
    expect(holds('mood > -2', { mood: -1 })).toBe(true);
    expect(holds('mood > -2', { mood: -2 })).toBe(false);
  });

  it('ignores spaces and tabs, and needs none around operators', () => {
    expect(parse('rapport>=3')).toEqual(parse('  rapport \t>=\t 3  '));
  });

  it('lists each meter it names once', () => {
    const r = parseCondition('rapport > 1 and discord < 2 or rapport == 5');
    expect(r.ok && [...r.meters].sort()).toEqual(['discord', 'rapport']);
  });

  it('a meter missing from the values counts as 0, even one named like an Object method', () => {
    expect(holds('trust == 0', {})).toBe(true);
    expect(holds('constructor == 0', {})).toBe(true);
    expect(holds('toString == 0', { rapport: 1 })).toBe(true);
    expect(holds('__proto__ == 0', {})).toBe(true);
  });
});

describe('and, or, not, parentheses', () => {
  it('and binds tighter than or', () => {
    // a or (b and c): true when only a holds; (a or b) and c would be false.
    const text = 'a > 0 or b > 0 and c > 0';
    expect(formatCondition(parse(text))).toBe('(a > 0 or (b > 0 and c > 0))');
    expect(holds(text, { a: 1, b: 0, c: 0 })).toBe(true);
    expect(holds('b > 0 and c > 0 or a > 0', { a: 1, b: 0, c: 0 })).toBe(true);
  });

  it('parentheses override the precedence', () => {
    const text = '(a > 0 or b > 0) and c > 0';
    expect(formatCondition(parse(text))).toBe('((a > 0 or b > 0) and c > 0)');
    expect(holds(text, { a: 1, b: 0, c: 0 })).toBe(false);
    expect(holds(text, { a: 1, b: 0, c: 1 })).toBe(true);
  });

  it('chains of and / or group from the left', () => {
    expect(formatCondition(parse('a > 0 and b > 0 and c > 0'))).toBe('((a > 0 and b > 0) and c > 0)');
    expect(formatCondition(parse('a > 0 or b > 0 or c > 0'))).toBe('((a > 0 or b > 0) or c > 0)');
  });

  it('not applies to the comparison or parenthesis right after it', () => {
    expect(holds('not rapport > 3', { rapport: 2 })).toBe(true);
    expect(holds('not rapport > 3', { rapport: 4 })).toBe(false);
    // not binds tighter than and: (not a) and b.
    expect(formatCondition(parse('not a > 0 and b > 0'))).toBe('(not (a > 0) and b > 0)');
    expect(holds('not a > 0 and b > 0', { a: 0, b: 0 })).toBe(false);
    expect(holds('not (a > 0 and b > 0)', { a: 0, b: 0 })).toBe(true);
    expect(holds('not not a > 0', { a: 1 })).toBe(true);
  });

  it('the example from the authors\' guide', () => {
    const text = 'rapport >= 3 and not (discord > 1)';
    expect(holds(text, { rapport: 3, discord: 1 })).toBe(true);
    expect(holds(text, { rapport: 3, discord: 2 })).toBe(false);
    expect(holds(text, { rapport: 2, discord: 0 })).toBe(false);
  });

  it('redundant parentheses change nothing', () => {
    expect(parse('((rapport > 1))')).toEqual(parse('rapport > 1'));
  });
});

describe('errors point at the offending character', () => {
  it.each([
    ['rapport = 3', 8, "'=' is not a comparison: write '==' to test equality"],
    ['rapport > 1 && discord < 2', 12, "write 'and' / 'or' instead of '&'"],
    ['rapport > 1 || discord < 2', 12, "write 'and' / 'or' instead of '|'"],
    ['rapport > 1 + 2', 12, "unexpected character '+'"],
    ['rapport >= 1.5', 12, "unexpected character '.'"],
    ['rapport > "3"', 10, `unexpected character '"'`],
    ['rapport ≥ 3', 8, "unexpected character '≥'"],
    ['rapport > 1; process.exit()', 11, "unexpected character ';'"],
  ])('%s: offset %i', (text, offset, message) => {
    expect(errorOf(text)).toEqual({ offset, message });
  });

  it('an unclosed parenthesis is reported at the end, naming where it opened', () => {
    const e = errorOf('(rapport > 1 or discord < 2');
    expect(e.offset).toBe('(rapport > 1 or discord < 2'.length);
    expect(e.message).toBe("expected ')' to close the '(' at column 1, found the end of the condition");
    expect(errorOf('rapport > 1 and (discord < 2').message).toContain("'(' at column 17");
  });

  it('a stray closing parenthesis or a missing and/or', () => {
    expect(errorOf('rapport > 1)')).toEqual({ offset: 11, message: "unexpected ')': join comparisons with 'and' or 'or'" });
    expect(errorOf('rapport > 1 discord < 2')).toEqual({ offset: 12, message: "unexpected 'discord': join comparisons with 'and' or 'or'" });
  });

  it('a missing comparison or operand', () => {
    expect(errorOf('rapport')).toEqual({ offset: 7, message: "expected a comparison (< <= > >= == !=) after the meter 'rapport', found the end of the condition" });
    expect(errorOf('rapport >')).toEqual({ offset: 9, message: 'expected a meter name or a number, found the end of the condition' });
    expect(errorOf('> 3')).toEqual({ offset: 0, message: "expected a meter name or a number, found '>'" });
    expect(errorOf('')).toMatchObject({ offset: 0 });
    expect(errorOf('rapport > 1 and')).toMatchObject({ offset: 15 });
  });

  it('keywords are not meter names, and there are no functions', () => {
    expect(errorOf('and > 1')).toEqual({ offset: 0, message: "expected a meter name or a number, found 'and'" });
    expect(errorOf('max(rapport) > 1')).toMatchObject({ offset: 3, message: expect.stringContaining("after the meter 'max', found '('") });
    expect(errorOf('max(rapport, 3) > 1')).toEqual({ offset: 11, message: "unexpected character ','" });
  });

  it('keywords are lower case; AND is a name', () => {
    expect(errorOf('rapport > 1 AND discord < 2')).toMatchObject({ offset: 12 });
  });

  it('refuses very long or very deeply nested conditions without overflowing the stack', () => {
    expect(errorOf(`rapport > 1${' and rapport > 1'.repeat(40)}`).message).toContain('at most 500 characters');
    expect(errorOf(`${'('.repeat(40)}rapport > 1${')'.repeat(40)}`).message).toBe('the condition is nested too deeply');
    expect(errorOf(`${'not '.repeat(100)}rapport > 1`).message).toBe('the condition is nested too deeply');
  });
});

describe('conditions are never run as code', () => {
  afterEach(() => vi.restoreAllMocks());

  it('parsing and evaluating call neither eval nor Function', () => {
    const evalSpy = vi.spyOn(globalThis, 'eval');
    const functionSpy = vi.spyOn(globalThis, 'Function');
    for (const text of ['rapport >= 3 and not (discord > 1)', 'a > 0 or b > 0 and c > 0', 'x != -1']) {
      evaluateCondition(parse(text), { rapport: 3, discord: 0, a: 1, b: 0, c: 1, x: 2 });
    }
    for (const text of ['constructor.constructor("return process")()', 'rapport > 1; alert(1)', '`${1}` > 0', 'globalThis.x = 1']) {
      expect(parseCondition(text).ok).toBe(false);
    }
    expect(evalSpy).not.toHaveBeenCalled();
    expect(functionSpy).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>).x).toBeUndefined();
  });

  it('the source contains no eval or Function constructor', () => {
    const source = readFileSync('src/core/engine/condition.ts', 'utf8').replace(/\/\/.*$/gm, '');
    expect(source).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
  });
});
