// checkScenario: text in, diagnostics and (when there is no error) a typed, frozen Scenario out.
// It never throws: whatever the input, the caller gets diagnostics.
import { MI_CODES, NOT_CODED, type ResponseCode, type Subtype } from '../coding/codes.ts';
import { parseCondition, type Condition } from '../engine/condition.ts';
import { playChoices } from '../engine/rules.ts';
import { analyzeScenario, type Analysis } from './analyze.ts';
import { compareDiagnostics, type Diagnostic } from './diagnostics.ts';
import { DEFAULT_METER, ScenarioFileSchema, type Outcome, type TalkType } from './format.ts';
import { hashText } from './hash.ts';
import { DiagnosticSink, didYouMean, readYaml, type Path, type SourcePositions } from './readYaml.ts';
import type { Branch, ClientLine, ClientVariant, Ending, MeterDef, Response, Scenario, ScenarioNode, ScenarioTest } from './types.ts';

export interface CheckResult {
  /** Present when there is no error. */
  scenario?: Scenario;
  diagnostics: Diagnostic[];
  analysis?: Analysis;
  errors: number;
  warnings: number;
}

export interface CheckOptions {
  /** Run the scenario's own tests (default true). */
  runTests?: boolean;
}

const SCHEMA = JSON.parse(JSON.stringify(ScenarioFileSchema)) as Parameters<typeof readYaml>[1];

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const entries = (v: unknown): [string, unknown][] => Object.entries(obj(v) ?? {});

export function checkScenario(text: string, options: CheckOptions = {}): CheckResult {
  try {
    return checkUnsafe(text, options);
  } catch (e) {
    // A checker bug must still give the author a message, never a crash.
    const diagnostics: Diagnostic[] = [
      { code: 'E001', severity: 'error', line: 1, column: 1, message: `the checker could not read this file (${(e as Error)?.message ?? String(e)})`, hint: 'Please report this file to the Evoke developers.' },
    ];
    return { diagnostics, errors: 1, warnings: 0 };
  }
}

function checkUnsafe(text: string, options: CheckOptions): CheckResult {
  const read = readYaml(text, SCHEMA);
  const sink = read.sink;
  if (read.unreadable || !obj(read.value)) {
    if (!read.unreadable && sink.errorCount === 0) sink.atOffset('E012', 0, 'the file is empty or is not a set of keys', 'A scenario starts with `format: 1`, `id:`, `title:` ...');
    return finish(sink, undefined, undefined);
  }
  const raw = read.value as Raw;
  const built = buildScenario(raw, sink, read.positions);
  let analysis: Analysis | undefined;
  if (built) {
    analysis = analyzeScenario(built, sink, read.positions);
    if (options.runTests !== false && sink.errorCount === 0) runTests(built, sink);
    reportCoverage(built, analysis, sink);
  }
  const ok = built && sink.errorCount === 0;
  return finish(sink, ok ? deepFreeze(built) : undefined, analysis);
}

function finish(sink: DiagnosticSink, scenario: Scenario | undefined, analysis: Analysis | undefined): CheckResult {
  const diagnostics = dedupe(sink.list).sort(compareDiagnostics);
  return {
    ...(scenario ? { scenario } : {}),
    ...(analysis ? { analysis } : {}),
    diagnostics,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const k = `${d.code}:${d.line}:${d.column}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Normalises the file into a Scenario, reporting what the schema alone cannot see. */
function buildScenario(raw: Raw, sink: DiagnosticSink, pos: SourcePositions): Scenario | undefined {
  const client = obj(raw.client);
  const meters = buildMeters(raw.meters, sink);
  const meterIds = new Set(meters.map((m) => m.id));
  const endingIds = new Set(Object.keys(obj(raw.endings) ?? {}));
  const nodeIds = new Set(Object.keys(obj(raw.nodes) ?? {}));
  const allIds = new Set([...nodeIds, ...endingIds]);

  for (const id of endingIds) {
    if (nodeIds.has(id)) sink.at('E020', ['endings', id], `'${id}' is both a node and an ending`, 'Nodes and endings share one set of ids: rename one of them.', 'key');
  }

  const condition = (text: unknown, path: Path): Condition | undefined => {
    if (typeof text !== 'string') return undefined;
    const parsed = parseCondition(text);
    if (!parsed.ok) {
      sink.atOffset('E025', pos.contentOffsetOf(path) + parsed.error.offset, `condition '${text}': ${parsed.error.message}`, 'Conditions use meter names, whole numbers, < <= > >= == !=, and, or, not, parentheses: e.g. rapport >= 3 and discord < 2');
      return undefined;
    }
    for (const m of parsed.meters) {
      if (!meterIds.has(m)) {
        sink.atOffset('E023', pos.contentOffsetOf(path) + text.indexOf(m), `condition names '${m}', which is not a declared meter`, didYouMean(m, meterIds) ?? `Declared meters: ${[...meterIds].join(', ') || 'none'}.`);
        return undefined;
      }
    }
    return parsed.condition;
  };

  const reference = (id: unknown, path: Path, what: string): void => {
    if (typeof id === 'string' && !allIds.has(id)) {
      sink.at('E021', path, `${what} '${id}' does not exist`, didYouMean(id, allIds) ?? 'Name a node or an ending of this scenario.');
    }
  };

  const line = (say: unknown, talk: unknown, cue: unknown): ClientLine | undefined => {
    if (typeof say !== 'string' || typeof talk !== 'string') return undefined;
    return { say, talk: talk as TalkType, ...(typeof cue === 'string' ? { cue } : {}) };
  };

  const buildResponse = (r: Raw, path: Path, index: number): Response | undefined => {
    const codesRaw = r.code;
    const codes = (Array.isArray(codesRaw) ? codesRaw : codesRaw === undefined ? [] : [codesRaw]).filter((c): c is ResponseCode => typeof c === 'string');
    if (codes.includes(NOT_CODED) && codes.length > 1) {
      sink.at('E027', [...path, 'code'], "'not_coded' cannot be combined with other codes", 'A response either carries MI codes or none.');
    }
    // MITI 4.2.1: persuasion with and without permission in one turn is coded with permission.
    if (codes.includes('persuade') && codes.includes('persuade_with_permission')) {
      sink.at('E027', [...path, 'code'], "'persuade' and 'persuade_with_permission' in one turn count as 'persuade_with_permission' alone", 'Keep only persuade_with_permission, or split the turn if the permission was not real.');
    }
    const effects: Record<string, number> = {};
    for (const [meter, delta] of entries(r.effects)) {
      if (!meterIds.has(meter)) {
        sink.at('E023', [...path, 'effects', meter], `'${meter}' is not a declared meter`, didYouMean(meter, meterIds) ?? `Declared meters: ${[...meterIds].join(', ') || 'none'}.`, 'key');
      } else if (typeof delta === 'number') effects[meter] = delta;
    }
    const next = buildNext(r.next, [...path, 'next']);
    const reply = obj(r.reply);
    // A response whose other keys have errors (already reported) still leads somewhere: it stays
    // in the graph, so that a typo in its feedback does not also report 'no way out'.
    if (!next) return undefined;
    const replyLine = reply ? line(reply.say, reply.talk, reply.cue) : undefined;
    return {
      id: str(r.id) ?? String(index + 1),
      index,
      say: str(r.say) ?? '',
      codes,
      ...(typeof r.subtype === 'string' ? { subtype: r.subtype as Subtype } : {}),
      feedback: str(r.feedback) ?? '',
      effects,
      ...(replyLine ? { reply: replyLine } : {}),
      next,
    };
  };

  const buildNext = (next: unknown, path: Path): Branch[] | undefined => {
    if (typeof next === 'string') {
      reference(next, path, 'next');
      return [{ go: next }];
    }
    if (!Array.isArray(next)) return undefined;
    const branches: Branch[] = [];
    next.forEach((b: unknown, i) => {
      const branch = obj(b);
      if (!branch) return;
      const last = i === next.length - 1;
      reference(branch.go, [...path, i, 'go'], 'go');
      const when = condition(branch.when, [...path, i, 'when']);
      if (last && branch.when !== undefined) {
        sink.at('E026', [...path, i], 'the last branch has a condition, so sometimes no branch applies', "Add a last branch without 'when', e.g. `- go: some-node`.");
      }
      if (typeof branch.go === 'string') branches.push({ go: branch.go, ...(when ? { when } : {}) });
    });
    return branches.length === next.length ? branches : undefined;
  };

  const nodes: Record<string, ScenarioNode> = {};
  for (const [id, value] of entries(raw.nodes)) {
    const n = obj(value);
    if (!n) continue;
    const path: Path = ['nodes', id];
    let client: ClientVariant[] = [];
    if (typeof n.client === 'string') {
      if (typeof n.talk !== 'string') sink.at('E011', path, `node '${id}' has no 'talk' for its client line`, 'Add talk: change, sustain, neutral or discord.', 'key');
      const l = line(n.client, n.talk ?? 'neutral', n.cue);
      if (l) client = [l];
    } else if (Array.isArray(n.client)) {
      n.client.forEach((v: unknown, i) => {
        const variant = obj(v);
        if (!variant) return;
        const vp: Path = [...path, 'client', i];
        const when = condition(variant.when, [...vp, 'when']);
        if (i === (n.client as unknown[]).length - 1 && variant.when !== undefined) {
          sink.at('E026', vp, 'the last client line variant has a condition, so sometimes no line applies', "Give the last variant no 'when': it is the line shown otherwise.");
        }
        const l = line(variant.say, variant.talk, variant.cue ?? n.cue);
        if (l) client.push({ ...l, ...(when ? { when } : {}) });
      });
    }
    const responses: Response[] = [];
    const responseIds = new Map<string, number>();
    arr(n.responses).forEach((r, i) => {
      const rr = obj(r);
      if (!rr) return;
      if (typeof rr.id === 'string') {
        if (responseIds.has(rr.id)) sink.at('E020', [...path, 'responses', i, 'id'], `response id '${rr.id}' is used twice in node '${id}'`);
        responseIds.set(rr.id, i);
      }
      const built = buildResponse(rr, [...path, 'responses', i], i);
      if (built) responses.push(built);
    });
    const fallback = str(n.fallback);
    if (fallback !== undefined && !responseIds.has(fallback)) {
      const hint = didYouMean(fallback, new Set(responseIds.keys())) ?? (responseIds.size ? `Response ids of '${id}': ${[...responseIds.keys()].join(', ')}.` : `Give one of the responses of '${id}' an id and name it here.`);
      sink.at('E032', [...path, 'fallback'], `fallback '${fallback}' is not the id of a response of node '${id}'`, hint);
    }
    const feelings = arr(n.feelings).filter((f): f is string => typeof f === 'string');
    const said = client.map((c) => c.say.toLowerCase()).join(' ');
    feelings.forEach((feeling, i) => {
      if (wordIn(feeling.toLowerCase(), said)) {
        sink.at('W003', [...path, 'feelings', i], `the client already names '${feeling}' at this node`, 'Giving back a feeling the client named is a simple reflection; list only feelings they show but have not put into words.');
      }
    });
    nodes[id] = {
      kind: 'node',
      id,
      client,
      responses,
      ...(typeof n.discuss === 'string' ? { discuss: n.discuss } : {}),
      hints: arr(n.hints).filter((h): h is string => typeof h === 'string'),
      // Only when given, so that scenarios without them keep their hash (saved sessions resume).
      ...(feelings.length ? { feelings } : {}),
      ...(fallback !== undefined ? { fallback } : {}),
    };
  }

  const endings: Record<string, Ending> = {};
  for (const [id, value] of entries(raw.endings)) {
    const e = obj(value);
    // Kept with errors in its keys (already reported), so that it still counts as an ending.
    if (!e) continue;
    if (typeof e.client === 'string' && typeof e.talk !== 'string') {
      sink.at('E011', ['endings', id], `ending '${id}' has client words but no 'talk'`, 'Add talk: change, sustain, neutral or discord.', 'key');
    }
    const last = typeof e.client === 'string' ? line(e.client, e.talk ?? 'neutral', e.cue) : undefined;
    endings[id] = {
      kind: 'ending',
      id,
      outcome: (str(e.outcome) ?? 'not_yet') as Outcome,
      title: str(e.title) ?? '',
      ...(last ? { client: last } : {}),
      debrief: str(e.debrief) ?? '',
      learning: arr(e.learning).filter((l): l is string => typeof l === 'string'),
    };
  }

  if (typeof raw.start === 'string') {
    if (!nodeIds.has(raw.start)) {
      sink.at('E021', ['start'], endingIds.has(raw.start) ? `start '${raw.start}' is an ending: the conversation must start at a node` : `start '${raw.start}' does not exist`, didYouMean(raw.start, nodeIds) ?? 'Name the first node.');
    }
  }

  const tests: ScenarioTest[] = arr(raw.tests).flatMap((t, i) => {
    const test = obj(t);
    if (!test) return [];
    reference(test.expect, ['tests', i, 'expect'], 'expected ending');
    if (typeof test.expect === 'string' && nodeIds.has(test.expect) && !endingIds.has(test.expect)) {
      sink.at('E021', ['tests', i, 'expect'], `'${test.expect}' is a node, not an ending`, didYouMean(test.expect, endingIds) ?? 'A test expects the ending its choices reach.');
    }
    const choose = arr(test.choose).filter((c): c is number | string => typeof c === 'number' || typeof c === 'string');
    if (typeof test.expect !== 'string') return [];
    return [{ name: str(test.name) ?? `test ${i + 1}`, choose, expect: test.expect }];
  });

  if (!client || typeof raw.id !== 'string' || typeof raw.title !== 'string' || typeof raw.start !== 'string') return undefined;
  const body = {
    format: 1 as const,
    id: raw.id,
    title: raw.title,
    language: str(raw.language) ?? 'en',
    client: {
      name: str(client.name) ?? '',
      age: typeof client.age === 'number' ? client.age : 0,
      ...(typeof client.pronouns === 'string' ? { pronouns: client.pronouns } : {}),
      situation: str(client.situation) ?? '',
      weighing: str(client.weighing) ?? '',
      ...(typeof client.background === 'string' ? { background: client.background } : {}),
    },
    difficulty: (str(raw.difficulty) ?? 'beginner') as Scenario['difficulty'],
    minutes: typeof raw.minutes === 'number' ? raw.minutes : 10,
    contentNotes: arr(raw.content_notes).filter((c): c is string => typeof c === 'string'),
    objectives: arr(raw.objectives).filter((c): c is string => typeof c === 'string'),
    meters,
    start: raw.start,
    nodes,
    endings,
    tests,
  };
  return { ...body, hash: hashText(JSON.stringify(body)) };
}

function buildMeters(rawMeters: unknown, sink: DiagnosticSink): MeterDef[] {
  const meters: MeterDef[] = [];
  for (const [id, value] of entries(rawMeters)) {
    const full = obj(value);
    const start = typeof value === 'number' ? value : typeof full?.start === 'number' ? full.start : undefined;
    if (start === undefined) continue;
    const min = typeof full?.min === 'number' ? full.min : DEFAULT_METER.min;
    const max = typeof full?.max === 'number' ? full.max : DEFAULT_METER.max;
    if (min >= max) {
      sink.at('E024', ['meters', id], `meter '${id}': min (${min}) must be below max (${max})`);
      continue;
    }
    if (start < min || start > max) {
      sink.at('E024', typeof value === 'number' ? ['meters', id] : ['meters', id, 'start'], `meter '${id}' starts at ${start}, outside its range ${min} to ${max}`, typeof value === 'number' ? 'Meters range from 0 to 5 unless you give min and max: { start: 7, min: 0, max: 10 }.' : undefined);
      continue;
    }
    meters.push({
      id,
      start,
      min,
      max,
      label: str(full?.label) ?? id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, ' '),
      ...(typeof full?.description === 'string' ? { description: full.description } : {}),
      higherIs: full?.higher_is === 'worse' ? 'worse' : 'better',
    });
  }
  return meters;
}

function runTests(scenario: Scenario, sink: DiagnosticSink): void {
  scenario.tests.forEach((test, i) => {
    const result = playChoices(scenario, test.choose);
    if (!result.ok) {
      sink.at('E030', ['tests', i, 'choose', result.stepIndex], `${test.name}: step ${result.stepIndex + 1} cannot be taken: ${result.reason}`, `The choices so far led through: ${result.path.join(' → ')}.`);
      return;
    }
    if (result.ending !== test.expect) {
      const where = result.ending ? `reach the ending '${result.ending}'` : `stop at node '${result.at}' before any ending`;
      sink.at('E031', ['tests', i, 'expect'], `${test.name}: the choices ${where}, not '${test.expect}'`, `Path: ${result.path.join(' → ')}; meters at the end: ${Object.entries(result.meters).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
    }
  });
}

function reportCoverage(scenario: Scenario, analysis: Analysis, sink: DiagnosticSink): void {
  if (scenario.tests.length === 0) sink.at('I001', ['nodes'], 'this scenario has no tests', `A first test could be: choose: [${(analysis.shortestPaths[Object.keys(scenario.endings)[0] ?? ''] ?? []).join(', ')}]`, 'key');
  const used = new Set(Object.values(scenario.nodes).flatMap((n) => n.responses.flatMap((r) => r.codes)));
  const unused = MI_CODES.filter((c) => !used.has(c));
  if (unused.length) sink.at('I002', ['nodes'], `codes no response uses: ${unused.join(', ')}`, undefined, 'key');
  const tested = new Set(scenario.tests.map((t) => t.expect));
  for (const id of Object.keys(scenario.endings)) {
    if (!tested.has(id) && scenario.tests.length > 0) sink.at('I003', ['endings', id], `no test reaches ending '${id}'`, analysis.shortestPaths[id] ? `e.g. choose: [${analysis.shortestPaths[id].join(', ')}]` : undefined, 'key');
  }
}

/** Whether a word or phrase occurs in the text as whole words. */
function wordIn(phrase: string, text: string): boolean {
  const escaped = phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return escaped !== '' && new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
