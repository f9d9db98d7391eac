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

/** A labelled line whose gold code is not one of the eleven (e.g. not_coded): kept apart. */
export interface OtherLabelled {
  id: string;
  context: string;
  text: string;
  code: string;
}

/**
 * Parses a labelled JSON-lines file; a malformed line is an error that names its line. Lines
 * whose code is a string outside the eleven go to `others` when it is given, else are an error.
 */
export function parseLabelled(text: string, source: string, others?: OtherLabelled[]): LabelledUtterance[] {
  const items: LabelledUtterance[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${source}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      throw new Error(`${where}: not JSON (${(e as Error).message})`, { cause: e });
    }
    if (typeof value !== 'object' || value === null || typeof (value as Record<string, unknown>).text !== 'string') throw new Error(`${where}: needs a "text" string`);
    const v = { ...(value as Record<string, unknown>) };
    const text = v.text as string;
    // A list of codes (as in the scenarios) is reduced to its head code, as for mined responses.
    const list = Array.isArray(v.code) ? v.code : Array.isArray(v.codes) && v.code === undefined ? v.codes : null;
    if (list) v.code = list.every((c) => typeof c === 'string') ? (primaryCode(list as ResponseCode[]) ?? list.join('+')) : v.code;
    if (others && typeof v.code === 'string' && !isMiCode(v.code)) {
      others.push({ id: typeof v.id === 'string' ? v.id : where, context: typeof v.context === 'string' ? v.context : '', text, code: v.code });
      return;
    }
    if (!isMiCode(v.code)) throw new Error(`${where}: "code" must be one of ${MI_CODES.join(', ')}, not ${JSON.stringify(v.code)}`);
    items.push({
      id: typeof v.id === 'string' ? v.id : where,
      context: typeof v.context === 'string' ? v.context : '',
      text,
      code: v.code,
      hard: v.hard === true || v.hard === 1 || v.hard === 'true' || v.hard === 'yes',
    });
  });
  return items;
}

export function readLabelled(file: string, others?: OtherLabelled[]): LabelledUtterance[] {
  return parseLabelled(readFileSync(file, 'utf8'), file, others);
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

/** Where the coder learns from: each writer's utterances kept apart, so one can be held out. */
const TRAINING_FILES = ['tests/coder-data/train.jsonl', 'tests/coder-data/train-b.jsonl', 'tests/coder-data/train-c.jsonl'] as const;
export const SCENARIO_DIR = 'scenarios';

export interface TrainingSource {
  /** A short name for reports: the file, or the scenarios folder. */
  name: string;
  items: LabelledUtterance[];
}

/** The hand-written files, then the mined scenario responses: the same order on every run. */
export function trainingSources(): TrainingSource[] {
  return [...TRAINING_FILES.map((file) => ({ name: file, items: readLabelled(file) })), { name: `${SCENARIO_DIR}/ (mined)`, items: mineScenarios(SCENARIO_DIR) }];
}
