// `evoke check`: what an instructor sees on the command line, and the exit status scripts and CI
// rely on (0 clean, 1 errors, 2 bad usage).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/evoke.ts';
import { MAX_FILE_BYTES } from '../../src/core/scenario/readYaml.ts';

const CLEAN = 'tests/fixtures/scenarios/small.yaml';
const TYPO = 'tests/fixtures/diagnostics/E021-go-typo.yaml';
const WARNING = 'tests/fixtures/diagnostics/W001-unreachable-ending.yaml';
const FAILING_TEST = 'tests/fixtures/diagnostics/E031-other-ending.yaml';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe('evoke check, text output', () => {
  it('a clean file: exit 0, a summary and nothing else (infos are not printed)', () => {
    const r = run('check', CLEAN);
    expect(r).toEqual({ status: 0, out: '1 file checked: 0 errors, 0 warnings', err: '' });
  });

  it('an error: exit 1, path:line:col: severity CODE: message, the hint indented below', () => {
    const r = run('check', TYPO);
    expect(r.status).toBe(1);
    expect(r.out).toBe(`${TYPO}:27:17: error E021: go 'dome' does not exist\n    did you mean 'done'?\n1 file checked: 1 error, 0 warnings`);
    expect(r.err).toBe('');
  });

  it('a warning alone: exit 0, the warning printed', () => {
    const r = run('check', WARNING);
    expect(r.status).toBe(0);
    expect(r.out).toBe(`${WARNING}:31:3: warning W001: nothing leads to ending 'orphan'\n1 file checked: 0 errors, 1 warning`);
  });

  it('several files: each diagnostic names its file, one summary, exit 1 if any has an error', () => {
    const r = run('check', CLEAN, TYPO, WARNING);
    expect(r.status).toBe(1);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => /^\S+:\d+:\d+: /.test(l)).map((l) => l.split(':')[0])).toEqual([TYPO, WARNING]);
    expect(lines.at(-1)).toBe('3 files checked: 1 error, 1 warning');
  });

  it("runs the scenario's tests, unless --no-tests", () => {
    const withTests = run('check', FAILING_TEST);
    expect(withTests.status).toBe(1);
    expect(withTests.out).toContain(`${FAILING_TEST}:42:13: error E031: test 1: the choices reach the ending 'done', not 'gone'`);
    expect(run('check', '--no-tests', FAILING_TEST)).toMatchObject({ status: 0, out: '1 file checked: 0 errors, 0 warnings' });
  });

  describe('a file over 10 MB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evoke-cli-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is refused without being read', () => {
      const big = join(dir, 'big.yaml');
      writeFileSync(big, Buffer.alloc(MAX_FILE_BYTES + 1, 0x20));
      const r = run('check', big);
      expect(r.status).toBe(1);
      expect(r.out.split('\n')[0]).toBe(`${big}:1:1: error E002: the file is larger than 10 MB and was not read`);
    });
  });
});

describe('evoke check --format json', () => {
  it('gives the same diagnostics as JSON, with the same exit status', () => {
    const r = run('check', '--format', 'json', CLEAN, TYPO);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.out) as { files: { file: string; errors: number; warnings: number; diagnostics: unknown[] }[] };
    expect(json.files).toEqual([
      { file: CLEAN, diagnostics: [], errors: 0, warnings: 0 },
      {
        file: TYPO,
        diagnostics: [{ code: 'E021', severity: 'error', line: 27, column: 17, message: "go 'dome' does not exist", hint: "did you mean 'done'?" }],
        errors: 1,
        warnings: 0,
      },
    ]);
  });

  it('exit 0 for a clean file', () => {
    const r = run('check', '--format=json', CLEAN);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ files: [{ file: CLEAN, diagnostics: [], errors: 0, warnings: 0 }] });
  });
});

describe('bad usage: exit 2 and a message on stderr', () => {
  it.each<[string, string[], string]>([
    ['no arguments', [], 'evoke check [--format text|json]'],
    ['an unknown command', ['lint', CLEAN], "evoke: unknown command 'lint'"],
    ['a bad --format', ['check', '--format', 'xml', CLEAN], "--format must be text or json, not 'xml'"],
    ['an unknown option', ['check', '--strict', CLEAN], '--strict'],
    ['no file', ['check'], 'name at least one scenario file'],
    ['a missing file', ['check', 'tests/fixtures/no-such-file.yaml'], 'cannot read tests/fixtures/no-such-file.yaml: no such file'],
  ])('%s', (_name, argv, message) => {
    const r = run(...argv);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it('--help is not an error: usage on stdout, exit 0', () => {
    for (const argv of [['--help'], ['help'], ['check', '--help']]) {
      const r = run(...argv);
      expect(r.status).toBe(0);
      expect(r.out).toContain('evoke check [--format text|json]');
    }
  });
});

describe('bin/evoke.mjs', () => {
  it('runs as a real process: exit status 1 and the diagnostic on stdout', () => {
    const p = spawnSync(process.execPath, ['bin/evoke.mjs', 'check', TYPO], { encoding: 'utf8', timeout: 30_000 });
    expect(p.status).toBe(1);
    expect(p.stdout.split('\n')).toContain(`${TYPO}:27:17: error E021: go 'dome' does not exist`);
    expect(p.stdout).toContain('1 file checked: 1 error, 0 warnings');
  });
});

describe('evoke test', () => {
  it("runs a scenario's tests: exit 0 and one line per test", () => {
    const r = run('test', CLEAN);
    expect(r.status).toBe(0);
    expect(r.out.split('\n')).toEqual([
      `ok   ${CLEAN}: test 1 -> one-session`,
      `ok   ${CLEAN}: test 2 -> walked-out`,
      `ok   ${CLEAN}: test 3 -> not-yet`,
      '3 passed, 0 failed',
    ]);
  });

  it('a failing test: exit 1, the reason and the transcript of what the choices did', () => {
    const r = run('test', FAILING_TEST);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^FAIL .*: reached '.*', expected '.*'$/m);
    expect(r.out).toMatch(/^ {4}> 1\. .*\[.*\]$/m);
    expect(r.out).toMatch(/^ {6}meters: .* -> /m);
    expect(r.out.split('\n').at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
  });

  it('bad usage: exit 2 with what to type instead', () => {
    expect(run('test').err).toContain('evoke test scenarios/*.yaml');
    expect(run('test').status).toBe(2);
    expect(run('test', '--bogus', CLEAN).status).toBe(2);
    expect(run('test', 'no/such/file.yaml').status).toBe(2);
  });
});

describe('evoke play', () => {
  async function playWith(answers: string[]) {
    const { playInTerminal } = await import('../../src/cli/play.ts');
    const { scenarioToPlay } = await import('../../src/cli/evoke.ts');
    const out: string[] = [];
    const scenario = scenarioToPlay([CLEAN], { out: (t) => out.push(t), err: (t) => out.push(t) });
    if (typeof scenario === 'number') throw new Error('did not load');
    const status = await playInTerminal(scenario, answers[Symbol.iterator]() as unknown as AsyncIterator<string>, (t) => out.push(t));
    return { status, out: out.join('\n') };
  }

  it('plays to an ending with feedback after each response, and asks again on a wrong key', async () => {
    const r = await playWith(['9', '1', '1']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Type a number from 1 to 2');
    expect(r.out).toContain('-> Simple reflection: MI-consistent');
    expect(r.out).toContain('== One session (small step) ==');
  });

  it('q leaves the conversation', async () => {
    expect((await playWith(['q'])).out).toContain('Left the conversation.');
  });
});

describe('evoke stats', () => {
  it('text: nodes, endings by outcome, paths, coverage, shortest and longest paths; exit 0', () => {
    const r = run('stats', CLEAN);
    expect(r.status).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines.slice(0, 9)).toEqual([
      `${CLEAN}: Test client: a short conversation`,
      'nodes: 2 (4 responses)',
      'unreachable: none',
      'endings: 3: small step 1 (one-session); not yet 1 (not-yet); disengaged 1 (walked-out)',
      'paths to an ending: 7',
      "shortest path: 1 choice to 'walked-out' (choose: [2])",
      "longest path: 2 choices to 'one-session' (choose: [1, 1]), ignoring meters",
      "most MI-adherent path: 2 choices to 'one-session' (choose: [1, 1]): 2 MI-consistent, 0 neutral, 0 MI-inconsistent",
      "least MI-adherent path: 1 choice to 'walked-out' (choose: [2]): 0 MI-consistent, 0 neutral, 1 MI-inconsistent",
    ]);
    expect(lines).toContain('code coverage: 4 of 11 MI codes used');
    expect(lines).toContain('  confront                    0  Con  (never used)');
    expect(lines.slice(-4)).toEqual(['shortest path to each ending:', '  one-session: 2 choices (choose: [1, 1])', '  not-yet: 2 choices (choose: [1, 2])', '  walked-out: 1 choice (choose: [2])']);
  });

  it('lists unreachable nodes and endings', () => {
    expect(run('stats', WARNING).out.split('\n')).toContain('unreachable: orphan');
  });

  it('--format json: the same figures as JSON', () => {
    const r = run('stats', '--format', 'json', CLEAN);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(json).toMatchObject({ file: CLEAN, id: 'small-test', nodes: 2, endings: 3, paths: 7, unreachable: [], shortest: { ending: 'walked-out', choices: [2] } });
    expect((json.codeCounts as Record<string, number>).simple_reflection).toBe(1);
    expect(json.unusedCodes).toContain('confront');
  });

  it('a file with errors: exit 1, the errors on stderr (as evoke check gives them)', () => {
    const r = run('stats', TYPO);
    expect(r.status).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${TYPO}:27:17: error E021: go 'dome' does not exist`);
    expect(r.err).toContain(`fix them first (evoke check ${TYPO})`);
  });

  it("a draft whose own tests fail still has figures (tests are evoke test's job)", () => {
    expect(run('stats', FAILING_TEST).status).toBe(0);
  });
});

describe('evoke graph', () => {
  it('Mermaid by default: nodes, endings, edges labelled by response and code', () => {
    const r = run('graph', CLEAN);
    expect(r.status).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('flowchart TD');
    expect(lines).toContain('  n0["opening · change talk / sustain talk"]:::sustain');
    expect(lines).toContain('  n2(["One session · small step"]):::small_step');
    expect(lines).toContain('  n0 ==>|"1. SR"| n1');
    expect(lines).toContain('  n0 -.->|"2. Pers (if)"| n4');
    expect(lines).toContain('  n1 -->|"2. no code"| n3');
  });

  it('--format dot: a Graphviz digraph', () => {
    const r = run('graph', CLEAN, '--format', 'dot');
    expect(r.status).toBe(0);
    expect(r.out.split('\n')[0]).toBe('digraph "small-test" {');
    expect(r.out).toContain('"opening" -> "middle" [label="1. SR", style=bold];');
    expect(r.out.endsWith('}')).toBe(true);
  });

  it('a file with errors: exit 1 and nothing on stdout, so `> map.dot` gets no garbage', () => {
    const r = run('graph', TYPO);
    expect(r).toMatchObject({ status: 1, out: '' });
  });
});

describe('help and bad usage for stats and graph', () => {
  it.each<[string, string[], string]>([
    ['an unknown graph format', ['graph', '--format', 'svg', CLEAN], "evoke graph: unknown format 'svg': use --format mermaid or --format dot"],
    ['an unknown stats format', ['stats', '--format=xml', CLEAN], "evoke stats: unknown format 'xml': use --format text or --format json"],
    ['--format without a value', ['graph', CLEAN, '--format'], '--format needs a value: use --format mermaid or --format dot'],
    ['an unknown option', ['stats', '--deep', CLEAN], "evoke stats: unknown option '--deep': the options are --format and --help"],
    ['no file', ['graph'], 'evoke graph: name a scenario file, e.g. evoke graph scenarios/marcus-pe.yaml'],
    ['two files', ['stats', CLEAN, WARNING], 'for f in scenarios/*.yaml; do evoke stats "$f"; done'],
    ['a missing file', ['stats', 'no/such.yaml'], 'evoke stats: cannot read no/such.yaml: no such file'],
    ['a mistyped command', ['stat', CLEAN], "evoke: unknown command 'stat': did you mean 'stats'?"],
    ['help on an unknown command', ['help', 'lint'], "evoke help: unknown command 'lint': the commands are check, test, stats, graph, play"],
  ])('%s: exit 2, says what to type instead', (_name, argv, message) => {
    const r = run(...argv);
    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it('--help for evoke and for each command: exit 0, on stdout', () => {
    const all = run('--help');
    for (const usage of ['evoke check [--format text|json] [--no-tests] FILE...', 'evoke test FILE...', 'evoke stats [--format text|json] FILE', 'evoke graph [--format mermaid|dot] FILE', 'evoke play FILE']) {
      expect(all.out).toContain(usage);
    }
    for (const command of ['check', 'test', 'stats', 'graph', 'play']) {
      for (const argv of [[command, '--help'], [command, '-h'], ['help', command]]) {
        const r = run(...argv);
        expect(r.status).toBe(0);
        expect(r.out).toContain(`evoke ${command} `);
        expect(r.out).toContain('e.g. evoke');
        expect(r.out).toContain('Exit status: 0');
      }
    }
  });
});
