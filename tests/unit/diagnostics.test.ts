// What an author sees when a scenario file is wrong: each diagnostic code, at its exact line and
// column, from one fixture per case (tests/fixtures/diagnostics, see its README), plus the
// inputs too large, too deep or too strange to keep as files.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkScenario } from '../../src/core/scenario/check.ts';
import { DIAGNOSTICS, type Diagnostic } from '../../src/core/scenario/diagnostics.ts';
import { MAX_FILE_BYTES } from '../../src/core/scenario/readYaml.ts';
import { playChoices } from '../../src/core/engine/rules.ts';

const DIR = 'tests/fixtures/diagnostics';

interface Expectation {
  code: string;
  line: number;
  column: number;
  message?: string;
  hint?: string;
}

const EXPECT_LINE = /^# expect: ([EWI]\d{3}) (\d+):(\d+)(?: message: (.+?))?(?: hint: (.+?))?\s*$/;

function expectationsOf(text: string): Expectation[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('# expect:'))
    .map((l) => {
      const m = EXPECT_LINE.exec(l);
      if (!m) throw new Error(`bad expectation line: ${l}`);
      return { code: m[1]!, line: Number(m[2]), column: Number(m[3]), ...(m[4] ? { message: m[4] } : {}), ...(m[5] ? { hint: m[5] } : {}) };
    });
}

const at = (d: { code: string; line: number; column: number }) => `${d.code} ${d.line}:${d.column}`;

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(`${DIR}/${file}`, 'utf8');
    return { file, text, expected: expectationsOf(text) };
  });

/** A checker bug is reported as E001 with this hint rather than thrown. */
const isCrash = (d: Diagnostic) => d.hint?.includes('report this file') ?? false;

describe('diagnostic fixtures', () => {
  it('every fixture states what it expects', () => {
    expect(fixtures.length).toBeGreaterThan(40);
    for (const f of fixtures) expect(f.expected.length, f.file).toBeGreaterThan(0);
  });

  it('every diagnostic code has a fixture (E002 and deep nesting are generated below)', () => {
    const covered = new Set(fixtures.flatMap((f) => f.expected.map((e) => e.code)));
    const missing = Object.keys(DIAGNOSTICS).filter((c) => c !== 'E002' && !covered.has(c));
    expect(missing).toEqual([]);
  });

  it('every diagnostic code is explained in the authors\' guide', () => {
    const guide = readFileSync('scenarios/README.md', 'utf8');
    for (const code of Object.keys(DIAGNOSTICS)) expect(guide, code).toContain(`### ${code}: `);
  });

  describe.each(fixtures)('$file', ({ text, expected }) => {
    const result = checkScenario(text);
    const listed = new Set(expected.map((e) => e.code));
    // Errors and warnings must be exactly the expected ones; infos only when the fixture names the code.
    const relevant = result.diagnostics.filter((d) => d.severity !== 'info' || listed.has(d.code));

    it('reports exactly the expected codes at the expected line and column', () => {
      expect(relevant.map(at).sort()).toEqual(expected.map(at).sort());
    });

    it('says what is wrong, and hints how to fix it where expected', () => {
      for (const e of expected) {
        const d = relevant.find((x) => at(x) === at(e));
        expect(d, at(e)).toBeDefined();
        expect(d!.severity).toBe(DIAGNOSTICS[e.code as keyof typeof DIAGNOSTICS].severity);
        expect(d!.message.length).toBeGreaterThan(0);
        if (e.message) expect(d!.message).toContain(e.message);
        if (e.hint) expect(d!.hint).toContain(e.hint);
      }
      expect(result.diagnostics.filter(isCrash)).toEqual([]);
    });

    it('gives a scenario only when there is no error', () => {
      const hasError = expected.some((e) => e.code.startsWith('E'));
      expect(result.errors > 0).toBe(hasError);
      expect(result.scenario === undefined).toBe(hasError);
    });
  });
});

describe('E001: where a syntax error is reported', () => {
  it('an unclosed quote is reported where it opened, not at the end of the file', () => {
    const text = ['format: 1', 'id: x', 'title: "Marcus', 'minutes: 5', 'difficulty: beginner', ''].join('\n');
    const r = checkScenario(text);
    expect(r.diagnostics.map(at)).toEqual(['E001 3:8']);
    expect(r.diagnostics[0]!.message).toBe('this quote is never closed');
  });
});

describe('E002: files over 10 MB', () => {
  it('are refused before parsing, at 1:1', () => {
    const r = checkScenario('a'.repeat(MAX_FILE_BYTES + 1));
    expect(r.diagnostics.map(at)).toEqual(['E002 1:1']);
    expect(r.diagnostics[0]!.message).toContain('10 MB');
  });

  it('counts bytes, not characters', () => {
    // Five million and one two-byte characters: under the limit in characters, over it in bytes.
    const r = checkScenario('é'.repeat(MAX_FILE_BYTES / 2 + 1));
    expect(r.diagnostics.map(at)).toEqual(['E002 1:1']);
  });
});

describe('E003: nesting too deep', () => {
  it('ten thousand nested flow lists are refused at the level past 64', () => {
    const text = `format: 1\nid: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const r = checkScenario(text);
    // Line 2 is one level; `id: ` is four characters, so the 64th '[' is at column 68.
    expect(r.diagnostics.map(at)).toEqual(['E003 2:68']);
  });

  it('a hundred indented levels are refused on the 65th level (line numbers count from 1)', () => {
    const text = 'format: 1\n' + Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}a:\n`).join('');
    const r = checkScenario(text);
    expect(r.diagnostics.map(at)).toEqual(['E003 66:129']);
  });

  it('nested flow maps `{a: {a: ...}}` count as levels', () => {
    const text = `format: 1\nx: ${'{a: '.repeat(5_000)}1${'}'.repeat(5_000)}\n`;
    const r = checkScenario(text);
    expect(r.diagnostics.map(at)).toEqual(['E003 2:256']);
  });

  it('brackets inside quotes or comments are not nesting', () => {
    const clean = readFileSync('tests/fixtures/scenarios/small.yaml', 'utf8');
    const quoted = clean.replace('title: "Test client: a short conversation"', `title: "${'['.repeat(70)}"`);
    const commented = clean.replace('minutes: 5', `minutes: 5 # ${'{'.repeat(70)}`);
    expect(quoted).not.toBe(clean);
    expect(commented).not.toBe(clean);
    for (const text of [quoted, commented]) expect(checkScenario(text).errors).toBe(0);
  });

  it('an alias or two, as an author might use them, are read like the text they stand for', () => {
    const text = readFileSync('tests/fixtures/scenarios/small.yaml', 'utf8')
      .replace('content_notes: [workplace fire (referred to)]', 'content_notes: &notes [workplace fire (referred to)]\nobjectives: *notes')
      .replace('        feedback: Both.', '        feedback: &both Both.')
      .replace('        feedback: Nothing.', '        feedback: *both');
    const r = checkScenario(text);
    expect(r.errors).toBe(0);
    expect(r.scenario!.objectives).toEqual(['workplace fire (referred to)']);
    expect(r.scenario!.nodes.middle!.responses.map((x) => x.feedback)).toEqual(['Both.', 'Both.']);
  });

  it('an alias bomb shaped like a scenario is refused quickly', () => {
    const start = performance.now();
    const r = checkScenario(readFileSync(`${DIR}/E003-billion-laughs.yaml`, 'utf8'));
    expect(r.diagnostics.map(at)).toEqual(['E003 1:1']);
    // Before aliases were resolved once, this took over a minute; the budget is generous for a loaded CI machine.
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('a classic billion-laughs file under unknown keys is never expanded: quick errors, no hang', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = checkScenario(levels.join('\n'));
    expect(r.errors).toBeGreaterThan(0);
    expect(r.diagnostics.filter(isCrash)).toEqual([]);
  });
});

describe('prototype keys', () => {
  const fixture = (name: string) => readFileSync(`${DIR}/${name}.yaml`, 'utf8');

  it('__proto__ and constructor keys are reported and pollute nothing', () => {
    for (const name of ['proto-top-level', 'proto-node-id', 'proto-meter-and-effect', 'constructor-key', 'constructor-reference']) {
      const r = checkScenario(fixture(name));
      expect(r.errors, name).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  });

  it('a node may be called `constructor`, and leads where it says', () => {
    const text = readFileSync('tests/fixtures/scenarios/small.yaml', 'utf8').replaceAll('middle', 'constructor');
    const r = checkScenario(text);
    expect(r.errors).toBe(0);
    expect(Object.keys(r.scenario!.nodes)).toContain('constructor');
    const played = playChoices(r.scenario!, ['reflect', 2]);
    expect(played).toMatchObject({ ok: true, ending: 'not-yet', path: ['opening', 'constructor', 'not-yet'] });
  });
});

describe('the checker never throws', () => {
  const nasty: [string, string][] = [
    ['empty', ''],
    ['only spaces and newlines', '  \n\n \n'],
    ['NUL bytes', '\0\0\0'],
    ['a byte-order mark', '\uFEFF'],
    ['a lone surrogate', 'format: 1\nid: \ud800'],
    ['a document marker', '---'],
    ['an end marker', '...'],
    ['unclosed brackets', '[[[['],
    ['unclosed braces', '{{{'],
    ['a closing bracket', ']'],
    ['a lone double quote', '"'],
    ["a lone single quote", "'"],
    ['null', 'null'],
    ['a number', '42'],
    ['a list of lists', '- - -'],
    ['question marks', '? ? ?'],
    ['colons', ': :'],
    ['a self-referencing alias', '&a [*a]'],
    ['an alias to nothing', '*nothing'],
    ['a map that contains itself', 'format: 1\nnodes: &n { a: *n }'],
    ['a binary tag', '!!binary AAAA'],
    ['a set tag', '!!set { a, b }'],
    ['a YAML directive', '%YAML 1.1\n---\nformat: 1'],
    ['a bad directive', '%FOO\n---\n'],
    ['CRLF line ends', 'format: 1\r\nid: x\r\n'],
    ['format as text', 'format: "1"'],
    ['format as a float', 'format: 1.0'],
    ['a huge number', 'format: 1\nminutes: 99999999999999999999999'],
    ['infinity', 'format: 1\nminutes: .inf'],
    ['not a number', 'format: 1\nminutes: .nan'],
    ['a long line', 'x'.repeat(200_000)],
    ['many tabs', 'format: 1\n' + '\t'.repeat(1_000)],
    ['a flow map as the whole file', '{format: 1, id: x, nodes: {a: {responses: [{next: [{go: a}]}]}}}'],
    ['responses that are numbers', 'format: 1\nnodes:\n  a:\n    client: hi\n    responses: [1, 2, 3]'],
    ['bytes 0 to 255', Array.from({ length: 256 }, (_, i) => String.fromCharCode(i)).join('')],
  ];

  it.each(nasty)('%s', (_name, text) => {
    const r = checkScenario(text);
    expect(r.errors).toBeGreaterThan(0);
    expect(r.scenario).toBeUndefined();
    expect(r.diagnostics.filter(isCrash)).toEqual([]);
    for (const d of r.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
  });
});
