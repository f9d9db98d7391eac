// The figures `evoke stats` prints and the studio's analysis shows: one computation, two views.
import { MI_CODES, RESPONSE_CODES, type ResponseCode } from '../coding/codes.ts';
import { adherentPaths, shortestPlayedPaths, type AdherentPaths } from './adherence.ts';
import { analyzeScenario, type Analysis } from './analyze.ts';
import { OUTCOMES, type Outcome } from './format.ts';
import { countSimplePaths, longestPath, scenarioEdges, type LongestPath, type SimplePathCount } from './graph.ts';
import type { Scenario } from './types.ts';

/** Simple paths are counted one by one up to this many. */
export const SIMPLE_PATH_CAP = 10_000;

export interface ScenarioStats {
  nodes: number;
  responses: number;
  endings: number;
  endingsByOutcome: Record<Outcome, string[]>;
  reachable: string[];
  unreachable: string[];
  /** All paths from the start to an ending; 'unbounded' when the talk can loop. */
  paths: number | 'unbounded';
  /** Paths that repeat no node (what is worth counting when there are loops). */
  simplePaths: SimplePathCount;
  /** How many responses carry each code. */
  codeCounts: Record<ResponseCode, number>;
  unusedCodes: string[];
  /**
   * The fewest choices to each ending, played with the meters (so a test can use them as they
   * are); ignoring meters when the scenario has too many meter combinations to play through.
   */
  shortestPaths: Record<string, number[]>;
  shortestPlayed: boolean;
  shortest: { ending: string; choices: number[] } | null;
  longest: LongestPath | 'unbounded' | null;
  adherence: AdherentPaths;
  codesByNode: Record<string, ResponseCode[]>;
}

export function scenarioStats(scenario: Scenario, analysis: Analysis = analyzeScenario(scenario)): ScenarioStats {
  const edges = scenarioEdges(scenario);
  const endingsByOutcome = Object.fromEntries(OUTCOMES.map((o) => [o, [] as string[]])) as Record<Outcome, string[]>;
  for (const e of Object.values(scenario.endings)) endingsByOutcome[e.outcome].push(e.id);
  const codeCounts = Object.fromEntries(RESPONSE_CODES.map((c) => [c, 0])) as Record<ResponseCode, number>;
  let responses = 0;
  for (const node of Object.values(scenario.nodes)) {
    for (const r of node.responses) {
      responses++;
      for (const c of r.codes) codeCounts[c]++;
    }
  }
  const played = shortestPlayedPaths(scenario);
  const shortestPaths = played ?? analysis.shortestPaths;
  let shortest: ScenarioStats['shortest'] = null;
  for (const [ending, choices] of Object.entries(shortestPaths)) {
    if (!shortest || choices.length < shortest.choices.length) shortest = { ending, choices };
  }
  return {
    nodes: Object.keys(scenario.nodes).length,
    responses,
    endings: Object.keys(scenario.endings).length,
    endingsByOutcome,
    reachable: analysis.reachable,
    unreachable: analysis.unreachable,
    paths: analysis.pathCount,
    simplePaths: countSimplePaths(scenario, SIMPLE_PATH_CAP, edges),
    codeCounts,
    unusedCodes: MI_CODES.filter((c) => codeCounts[c] === 0),
    shortestPaths,
    shortestPlayed: played !== undefined,
    shortest,
    longest: longestPath(scenario, edges),
    adherence: adherentPaths(scenario),
    codesByNode: analysis.codesByNode,
  };
}

/** "12", "more than 10,000", "no end: loops" ... in words an instructor reads. */
export function pathCountText(stats: Pick<ScenarioStats, 'paths' | 'simplePaths'>): string {
  if (stats.paths !== 'unbounded') return stats.paths >= Number.MAX_SAFE_INTEGER ? `more than ${Number.MAX_SAFE_INTEGER.toLocaleString('en')}` : stats.paths.toLocaleString('en');
  const { count, exact } = stats.simplePaths;
  const simple = exact ? count.toLocaleString('en') : count >= SIMPLE_PATH_CAP ? `${count.toLocaleString('en')} or more` : 'too many to count';
  return `unlimited (the talk can loop); ${simple} without repeating a node`;
}
