// `evoke stats FILE`: the figures of a scenario as text or JSON, and `evoke graph FILE`: its map.
import { CODE_INFO, RESPONSE_CODES } from '../core/coding/codes.ts';
import { GRAPH_FORMATS, graphText } from '../core/scenario/graphExport.ts';
import { pathCountText, scenarioStats, type ScenarioStats } from '../core/scenario/stats.ts';
import type { AdherentPath } from '../core/scenario/adherence.ts';
import type { Scenario } from '../core/scenario/types.ts';
import { loadCheckedScenario, parseFileAndFormat } from './commandArgs.ts';
import type { CliIo } from './evoke.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const choose = (choices: readonly number[]) => `choose: [${choices.join(', ')}]`;

function adherentLine(label: string, p: AdherentPath | undefined): string {
  if (!p) return `${label}: none reaches an ending`;
  return `${label}: ${plural(p.choices.length, 'choice')} to '${p.ending}' (${choose(p.choices)}): ${p.consistent} MI-consistent, ${p.neutral} neutral, ${p.inconsistent} MI-inconsistent`;
}

export function statsText(file: string, scenario: Scenario, s: ScenarioStats): string {
  const lines = [`${file}: ${scenario.title}`];
  lines.push(`nodes: ${s.nodes} (${plural(s.responses, 'response')})`);
  const unreachable = s.unreachable;
  lines.push(unreachable.length ? `unreachable: ${unreachable.join(', ')}` : 'unreachable: none');
  const outcomes = Object.entries(s.endingsByOutcome)
    .filter(([, ids]) => ids.length)
    .map(([o, ids]) => `${o.replace('_', ' ')} ${ids.length} (${ids.join(', ')})`);
  lines.push(`endings: ${s.endings}: ${outcomes.join('; ')}`);
  lines.push(`paths to an ending: ${pathCountText(s)}`);
  lines.push(s.shortest ? `shortest path: ${plural(s.shortest.choices.length, 'choice')} to '${s.shortest.ending}' (${choose(s.shortest.choices)})${s.shortestPlayed ? '' : ', ignoring meters'}` : 'shortest path: no ending can be reached');
  const longest = s.longest === 'unbounded' ? 'unlimited (the talk can loop)' : s.longest ? `${plural(s.longest.choices.length, 'choice')} to '${s.longest.ending}' (${choose(s.longest.choices)}), ignoring meters` : 'no ending can be reached';
  lines.push(`longest path: ${longest}`);
  if (s.adherence.tooLarge) lines.push('most and least MI-adherent paths: too many meter combinations to search');
  else {
    lines.push(adherentLine('most MI-adherent path', s.adherence.most));
    lines.push(adherentLine('least MI-adherent path', s.adherence.least));
  }
  const used = RESPONSE_CODES.filter((c) => c !== 'not_coded').length - s.unusedCodes.length;
  lines.push(`code coverage: ${used} of ${RESPONSE_CODES.length - 1} MI codes used`);
  const width = Math.max(...RESPONSE_CODES.map((c) => c.length));
  for (const c of RESPONSE_CODES) {
    const n = s.codeCounts[c];
    lines.push(`  ${c.padEnd(width)}  ${String(n).padStart(3)}  ${CODE_INFO[c].short}${n === 0 && c !== 'not_coded' ? '  (never used)' : ''}`);
  }
  lines.push(`shortest path to each ending${s.shortestPlayed ? '' : ' (ignoring meters: too many meter combinations to play through)'}:`);
  for (const id of Object.keys(scenario.endings)) {
    const p = s.shortestPaths[id];
    lines.push(`  ${id}: ${p ? `${plural(p.length, 'choice')} (${choose(p)})` : s.shortestPlayed ? 'never reached when played (no choices lead there with the meters)' : 'cannot be reached'}`);
  }
  return lines.join('\n');
}

export function runStats(args: string[], io: CliIo): number {
  const parsed = parseFileAndFormat('stats', args, ['text', 'json'] as const, io);
  if ('exit' in parsed) return parsed.exit;
  const scenario = loadCheckedScenario('stats', parsed.file, io);
  if (typeof scenario === 'number') return scenario;
  const s = scenarioStats(scenario);
  if (parsed.format === 'json') {
    const { codesByNode: _byNode, ...figures } = s;
    io.out(JSON.stringify({ file: parsed.file, id: scenario.id, title: scenario.title, ...figures }, null, 2));
  } else io.out(statsText(parsed.file, scenario, s));
  return 0;
}

export function runGraph(args: string[], io: CliIo): number {
  const parsed = parseFileAndFormat('graph', args, GRAPH_FORMATS, io);
  if ('exit' in parsed) return parsed.exit;
  const scenario = loadCheckedScenario('graph', parsed.file, io);
  if (typeof scenario === 'number') return scenario;
  io.out(graphText(scenario, parsed.format).trimEnd());
  return 0;
}
