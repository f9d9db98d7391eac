// The condition language of scenario files: `rapport >= 3 and not (discord > 1)`.
// Parsed into a tree by recursive descent and evaluated by walking it: author text is never
// handed to eval or new Function.
//
//   expr   := and ('or' and)*
//   and    := unary ('and' unary)*
//   unary  := 'not' unary | '(' expr ')' | compare
//   compare:= term op term          op: < <= > >= == !=
//   term   := meter name | whole number (optionally negative)

export type Operand = { type: 'meter'; name: string } | { type: 'number'; value: number };
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type Condition =
  | { type: 'compare'; op: CompareOp; left: Operand; right: Operand }
  | { type: 'and' | 'or'; left: Condition; right: Condition }
  | { type: 'not'; arg: Condition };

export interface ConditionError {
  message: string;
  /** 0-based offset in the condition text. */
  offset: number;
}

export type ParseResult = { ok: true; condition: Condition; meters: string[] } | { ok: false; error: ConditionError };

type Token =
  | { kind: 'name'; text: string; at: number }
  | { kind: 'number'; value: number; at: number }
  | { kind: 'op'; text: CompareOp; at: number }
  | { kind: 'paren'; text: '(' | ')'; at: number }
  | { kind: 'end'; at: number };

const MAX_LENGTH = 500;
const MAX_DEPTH = 32;

class ConditionSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const op = /^(<=|>=|==|!=|<|>)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[1] as CompareOp, at: i });
      i += op[1]!.length;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: 'paren', text: ch, at: i });
      i++;
      continue;
    }
    const num = /^-?[0-9]+/.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]), at: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], at: i });
      i += name[0].length;
      continue;
    }
    if (ch === '=') throw new ConditionSyntaxError("'=' is not a comparison: write '==' to test equality", i);
    if (ch === '&' || ch === '|') throw new ConditionSyntaxError(`write 'and' / 'or' instead of '${ch}'`, i);
    throw new ConditionSyntaxError(`unexpected character '${ch}'`, i);
  }
  tokens.push({ kind: 'end', at: text.length });
  return tokens;
}

const KEYWORDS = new Set(['and', 'or', 'not']);

function describe(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'the end of the condition';
    case 'number':
      return `'${t.value}'`;
    default:
      return `'${t.text}'`;
  }
}

export function parseCondition(text: string): ParseResult {
  if (text.length > MAX_LENGTH) return { ok: false, error: { message: `a condition may be at most ${MAX_LENGTH} characters`, offset: 0 } };
  try {
    const tokens = tokenize(text);
    let pos = 0;
    const meters = new Set<string>();
    const peek = () => tokens[pos]!;
    const next = () => tokens[pos++]!;
    const isWord = (t: Token, word: string) => t.kind === 'name' && t.text === word;

    const term = (): Operand => {
      const t = next();
      if (t.kind === 'number') return { type: 'number', value: t.value };
      if (t.kind === 'name' && !KEYWORDS.has(t.text)) {
        meters.add(t.text);
        return { type: 'meter', name: t.text };
      }
      throw new ConditionSyntaxError(`expected a meter name or a number, found ${describe(t)}`, t.at);
    };
    const compare = (): Condition => {
      const left = term();
      const t = next();
      if (t.kind !== 'op') {
        throw new ConditionSyntaxError(`expected a comparison (< <= > >= == !=) after the ${left.type === 'meter' ? `meter '${left.name}'` : 'number'}, found ${describe(t)}`, t.at);
      }
      return { type: 'compare', op: t.text, left, right: term() };
    };
    const unary = (depth: number): Condition => {
      if (depth > MAX_DEPTH) throw new ConditionSyntaxError('the condition is nested too deeply', peek().at);
      const t = peek();
      if (isWord(t, 'not')) {
        next();
        return { type: 'not', arg: unary(depth + 1) };
      }
      if (t.kind === 'paren' && t.text === '(') {
        next();
        const inner = or(depth + 1);
        const close = next();
        if (close.kind !== 'paren' || close.text !== ')') throw new ConditionSyntaxError(`expected ')' to close the '(' at column ${t.at + 1}, found ${describe(close)}`, close.at);
        return inner;
      }
      return compare();
    };
    const and = (depth: number): Condition => {
      let left = unary(depth);
      while (isWord(peek(), 'and')) {
        next();
        left = { type: 'and', left, right: unary(depth) };
      }
      return left;
    };
    const or = (depth: number): Condition => {
      let left = and(depth);
      while (isWord(peek(), 'or')) {
        next();
        left = { type: 'or', left, right: and(depth) };
      }
      return left;
    };

    const condition = or(0);
    const end = peek();
    if (end.kind !== 'end') throw new ConditionSyntaxError(`unexpected ${describe(end)}: join comparisons with 'and' or 'or'`, end.at);
    return { ok: true, condition, meters: [...meters] };
  } catch (e) {
    if (e instanceof ConditionSyntaxError) return { ok: false, error: { message: e.message, offset: e.offset } };
    throw e;
  }
}

function operand(o: Operand, meters: Readonly<Record<string, number>>): number {
  // Own keys only: a condition naming `constructor` must not read Object.prototype.
  return o.type === 'number' ? o.value : Object.hasOwn(meters, o.name) ? meters[o.name]! : 0;
}

export function evaluateCondition(c: Condition, meters: Readonly<Record<string, number>>): boolean {
  switch (c.type) {
    case 'and':
      return evaluateCondition(c.left, meters) && evaluateCondition(c.right, meters);
    case 'or':
      return evaluateCondition(c.left, meters) || evaluateCondition(c.right, meters);
    case 'not':
      return !evaluateCondition(c.arg, meters);
    case 'compare': {
      const a = operand(c.left, meters);
      const b = operand(c.right, meters);
      switch (c.op) {
        case '<':
          return a < b;
        case '<=':
          return a <= b;
        case '>':
          return a > b;
        case '>=':
          return a >= b;
        case '==':
          return a === b;
        case '!=':
          return a !== b;
      }
    }
  }
}

/** The condition written back as text, for feedback and the studio. */
export function formatCondition(c: Condition): string {
  const op = (o: Operand) => (o.type === 'number' ? String(o.value) : o.name);
  switch (c.type) {
    case 'compare':
      return `${op(c.left)} ${c.op} ${op(c.right)}`;
    case 'not':
      return `not (${formatCondition(c.arg)})`;
    default:
      return `(${formatCondition(c.left)} ${c.type} ${formatCondition(c.right)})`;
  }
}

export function metersOf(c: Condition, into: Set<string> = new Set()): Set<string> {
  switch (c.type) {
    case 'compare':
      for (const o of [c.left, c.right]) if (o.type === 'meter') into.add(o.name);
      return into;
    case 'not':
      return metersOf(c.arg, into);
    default:
      metersOf(c.left, into);
      return metersOf(c.right, into);
  }
}
