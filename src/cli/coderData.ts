// The coder's labelled data: the JSON-lines files under tests/coder-data and the responses of the
// shipped scenarios (each authored response with the client line it answers is a labelled
// example, reviewed blind; see scenarios/REVIEW.md).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MI_CODES, type MiCode, type ResponseCode } from '../core/coding/codes.ts';
import { checkScenario } from '../core/scenario/check.ts';

export interface LabelledUtterance {
  id: string;
  context: string;
  text: string;
  code: MiCode;
  hard?: boolean;
}

export function isMiCode(value: unknown): value is MiCode {
  return typeof value === 'string' && (MI_CODES as readonly string[]).includes(value);
}

/** Parses a labelled JSON-lines file; a malformed line is an error that names its line. */
export function parseLabelled(text: string, source: string): LabelledUtterance[] {
  const items: LabelledUtterance[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message})`);
    }
    const v = value as Record<string, unknown>;
    if (typeof v !== 'object' || v === null || typeof v.text !== 'string') throw new Error(`${where}: needs a "text" string`);
    if (!isMiCode(v.code)) throw new Error(`${where}: "code" must be one of ${MI_CODES.join(', ')}, not ${JSON.stringify(v.code)}`);
    items.push({
      id: typeof v.id === 'string' ? v.id : where,
      context: typeof v.context === 'string' ? v.context : '',
      text: v.text,
      code: v.code,
      hard: v.hard === true,
    });
  });
  return items;
}

export function readLabelled(file: string): LabelledUtterance[] {
  return parseLabelled(readFileSync(file, 'utf8'), file);
}

/**
 * The one code a single-label coder should give a response the author coded with several.
 * MI-inconsistent codes dominate (a turn with any is MI-inconsistent); a permission question is
 * seeking collaboration before it is a closed question. Mixes with no clear head (a reflection
 * followed by a question, information followed by autonomy) are left out rather than guessed.
 */
export function primaryCode(codes: readonly ResponseCode[]): MiCode | null {
  const set = new Set(codes.filter((c) => c !== 'not_coded'));
  if (set.size === 0) return null;
  if (set.size === 1) return [...set][0] as MiCode;
  if (set.has('confront')) return 'confront';
  if (set.has('persuade')) return 'persuade';
  if (set.has('persuade_with_permission')) return 'persuade_with_permission';
  if (set.has('seeking_collaboration') && ![...set].some((c) => c.endsWith('reflection'))) return 'seeking_collaboration';
  return null;
}

/** Every response of the scenarios in a folder that has a clear single code. */
export function mineScenarios(dir: string): LabelledUtterance[] {
  const items: LabelledUtterance[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const result = checkScenario(readFileSync(join(dir, file), 'utf8'), { runTests: false });
    if (!result.scenario) continue;
    for (const node of Object.values(result.scenario.nodes)) {
      const context = (node.client.find((v) => !v.when) ?? node.client[0])?.say ?? '';
      for (const r of node.responses) {
        const code = primaryCode(r.codes);
        if (code) items.push({ id: `${file.replace(/\.yaml$/, '')}/${node.id}/${r.id}`, context, text: r.say, code });
      }
    }
  }
  return items;
}
