// The authors' guide cannot rot: every complete example in it (a ```yaml title="recipe" block)
// checks clean, every diagnostic has an example and a fix, and the commands it names exist.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/evoke.ts';
import { checkScenario } from '../../src/core/scenario/check.ts';
import { DIAGNOSTIC_EXAMPLES } from '../../src/core/scenario/diagnosticExamples.ts';
import { DIAGNOSTICS } from '../../src/core/scenario/diagnostics.ts';

const GUIDE = readFileSync('scenarios/README.md', 'utf8');

/** The recipe blocks, with the guide line each starts on (for the failure message). */
function recipes(markdown: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '```yaml title="recipe"') continue;
    const start = i + 1;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) body.push(lines[i]!);
    out.push({ line: start, text: body.join('\n') + '\n' });
  }
  return out;
}

describe("the guide's recipes", () => {
  const blocks = recipes(GUIDE);

  it('has the walk-through and the four recipes', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    for (const heading of ['## From an empty file to a tested branching scenario', '### A line that varies with the meters', '### A branch that depends on the meters', '### An immediate reply', '### An ending', '## Completion in VS Code']) {
      expect(GUIDE).toContain(heading);
    }
  });

  it.each(recipes(GUIDE).map((b) => [b.line, b.text] as const))('the recipe at line %i checks clean, its tests passing', (_line, text) => {
    const r = checkScenario(text);
    expect(r.diagnostics.filter((d) => d.severity !== 'info').map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    expect(r.scenario).toBeDefined();
  });
});

describe("the guide's diagnostics", () => {
  it('every diagnostic code has an example and a fix', () => {
    for (const code of Object.keys(DIAGNOSTICS) as (keyof typeof DIAGNOSTICS)[]) {
      const ex = DIAGNOSTIC_EXAMPLES[code];
      expect(ex, code).toBeDefined();
      expect(ex!.wrong.length * ex!.right.length * ex!.fix.length, code).toBeGreaterThan(0);
      expect(GUIDE, code).toContain(ex!.fix);
    }
  });
});

describe("the guide's commands", () => {
  it('names evoke stats and evoke graph, and the VS Code schema line', () => {
    expect(GUIDE).toContain('npx evoke stats FILE');
    expect(GUIDE).toContain('--format dot');
    expect(GUIDE).toContain('# yaml-language-server: $schema=../public/scenario.schema.json');
  });

  it('each command it names has --help', () => {
    for (const command of ['check', 'test', 'stats', 'graph', 'play']) {
      expect(GUIDE).toContain(`evoke ${command}`);
      expect(runCli([command, '--help'], { out: () => {}, err: () => {} })).toBe(0);
    }
  });
});
