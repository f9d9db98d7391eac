// `evoke code`: JSON lines in, one JSON line out per input line, a bad line answered with an
// error in its place (never a crash), and exit statuses scripts can rely on.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codeLine, runCode } from '../../src/cli/code.ts';
import { runCli } from '../../src/cli/evoke.ts';
import type { CodeUtterance } from '../../src/core/freeText/types.ts';

// A double, so these tests are about the command and not the coder's judgement.
const double: CodeUtterance = (text, context, hints) => ({
  code: text.endsWith('?') ? 'open_question' : 'simple_reflection',
  confidence: 0.87654,
  cues: [`context: ${context ?? 'none'}`, `keywords: ${hints?.keywords.join(',') ?? 'none'}`],
});

async function* linesOf(lines: string[]) {
  yield* lines;
}

async function run(args: string[], lines: string[], coder: CodeUtterance = double) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCode(args, linesOf(lines), { out: (t) => out.push(t), err: (t) => err.push(t) }, coder);
  return { status, out, err };
}

describe('evoke code', () => {
  it('writes one JSON line per input line, in order, with the confidence rounded', async () => {
    const r = await run([], ['{"text":"What brings you here?"}', '{"text":"You are tired.","context":"I am so tired.","keywords":["tired"]}']);
    expect(r.status).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.map((l) => JSON.parse(l))).toEqual([
      { code: 'open_question', confidence: 0.877, cues: ['context: none', 'keywords: none'] },
      { code: 'simple_reflection', confidence: 0.877, cues: ['context: I am so tired.', 'keywords: tired'] },
    ]);
  });

  it('answers a bad line with an error on that line, carries on, and exits 1', async () => {
    const r = await run([], [
      '{"text":"fine"}',
      'not json',
      '',
      '[1,2]',
      '{"context":"no text"}',
      '{"text":"x","context":5}',
      '{"text":"x","keywords":"tired"}',
      `{"text":"${'a'.repeat(2001)}"}`,
      '{"text":"still fine?"}',
    ]);
    expect(r.status).toBe(1);
    expect(r.out).toHaveLength(9);
    const parsed = r.out.map((l) => JSON.parse(l) as { code?: string; error?: string });
    expect(parsed[0]!.code).toBe('simple_reflection');
    expect(parsed.slice(1, 8).map((p) => p.error)).toEqual([
      'not a JSON object: each line must be like {"text": "...", "context": "..."}',
      'empty line',
      'not a JSON object: each line must be like {"text": "...", "context": "..."}',
      '"text" is missing or not a string',
      '"context" must be a string',
      '"keywords" must be a list of strings',
      '"text" is longer than 2000 characters (or "context" than 10000)',
    ]);
    expect(parsed[8]!.code).toBe('open_question');
  });

  it('turns a coder that throws into an error line, not a crash', () => {
    const throwing: CodeUtterance = () => {
      throw new Error('boom');
    };
    expect(JSON.parse(codeLine('{"text":"x"}', throwing))).toEqual({ error: 'the coder failed on this line: boom' });
  });

  it('prints its help with --help (exit 0) and refuses files and unknown options (exit 2)', async () => {
    const help = await run(['--help'], []);
    expect(help.status).toBe(0);
    expect(help.out.join("\n")).toMatch(/^Usage:\n {2}evoke code\n/);
    expect(help.out.join('\n')).toContain('{"code": ..., "confidence": ..., "cues": [...]}');
    const file = await run(['mine.jsonl'], []);
    expect(file.status).toBe(2);
    expect(file.err.join('\n')).toContain("it takes no file 'mine.jsonl'");
    expect((await run(['--fast'], [])).err.join('\n')).toContain("it takes no option '--fast'");
  });

  it('is listed in evoke --help, and runCli answers its help and usage errors', () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
    expect(runCli(['--help'], io)).toBe(0);
    expect(out.join('\n')).toContain('evoke code');
    expect(runCli(['code', '--help'], io)).toBe(0);
    expect(runCli(['help', 'code'], io)).toBe(0);
    expect(runCli(['code', 'x.jsonl'], io)).toBe(2);
    expect(err.join('\n')).toContain("evoke code: it takes no file 'x.jsonl'");
  });

  it('with no input lines writes nothing and exits 0', async () => {
    expect(await run([], [])).toEqual({ status: 0, out: [], err: [] });
  });
});

describe('evoke code, the real command', () => {
  it('codes lines from standard input with the shipped coder', { timeout: 30000 }, () => {
    const input = [
      JSON.stringify({ text: 'What worries you most about starting?', context: "I don't know if I can do this." }),
      'oops',
      JSON.stringify({ text: 'You really need to start this therapy before things get worse.' }),
    ].join('\n');
    const r = spawnSync(process.execPath, ['bin/evoke.mjs', 'code'], { input, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ code: 'open_question' });
    expect(lines[0]!.confidence).toBeGreaterThan(0);
    expect(lines[0]!.cues).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(lines[1]).toHaveProperty('error');
    expect(lines[2]).toMatchObject({ code: 'persuade' });
  });

  it('evoke code --help exits 0', { timeout: 30000 }, () => {
    const r = spawnSync(process.execPath, ['bin/evoke.mjs', 'code', '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('evoke code');
  });
});
