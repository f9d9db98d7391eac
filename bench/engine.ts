// Engine: responses per second through a started interaction actor (practice mode: CHOOSE then
// CONTINUE; assessment mode: CHOOSE), and the time to resume a saved session by replay.
import { checkScenario } from '../src/core/scenario/check.ts';
import type { Scenario } from '../src/core/scenario/types.ts';
import type { Mode } from '../src/core/engine/interactionMachine.ts';
import { initialMeters, placeOf, takeResponse } from '../src/core/engine/rules.ts';
import { replaySession, saveSession, startSession } from '../src/core/engine/session.ts';
import { generateGraph, rng, toYaml } from './generate.ts';
import type { Row, Section } from './section.ts';
import { interleaved, median, round } from './stats.ts';

const NODES = 1000;
const RESPONSES = Number(process.env.BENCH_ENGINE_RESPONSES ?? 10000);
const CHUNK = 1000;
const REPLAY_TURNS = 200;
const REPLAY_PLAN = { warmup: 3, runs: 15 };

/**
 * A script of sessions (lists of response ids) worked out with the engine's own rules: each
 * choice is drawn among the responses that do not end the talk, so a session goes on for as
 * long as the script wants (the generated graph loops back); a session that can only end, ends.
 */
function makeScript(scenario: Scenario, total: number, seed: number): string[][] {
  const r = rng(seed);
  const sessions: string[][] = [];
  let count = 0;
  while (count < total) {
    let meters = initialMeters(scenario);
    let at = scenario.start;
    const session: string[] = [];
    while (count < total) {
      const place = placeOf(scenario, at);
      if (place.kind !== 'node') break;
      const options = place.node.responses.map((response) => takeResponse(scenario, response, meters));
      const going = options.filter((s) => placeOf(scenario, s.next).kind === 'node');
      const pool = going.length > 0 ? going : options;
      const step = pool[Math.floor(r() * pool.length)]!;
      session.push(step.response.id);
      count++;
      meters = step.metersAfter;
      at = step.next;
    }
    sessions.push(session);
  }
  return sessions;
}

/** Plays the script through real actors; returns the time of each chunk of CHUNK responses. */
function play(scenario: Scenario, script: string[][], mode: Mode): { totalMs: number; chunksMs: number[] } {
  const chunksMs: number[] = [];
  let done = 0;
  let chunkStart = performance.now();
  const t0 = chunkStart;
  for (const session of script) {
    const actor = startSession(scenario, mode);
    for (const id of session) {
      actor.send({ type: 'CHOOSE', response: id });
      if (mode === 'practice') actor.send({ type: 'CONTINUE' });
      if (++done % CHUNK === 0) {
        const now = performance.now();
        chunksMs.push(now - chunkStart);
        chunkStart = now;
      }
    }
    const turns = actor.getSnapshot().context.turns.length;
    if (turns !== session.length) throw new Error(`${mode} mode: the actor recorded ${turns} turns of a ${session.length}-response script`);
    actor.stop();
  }
  return { totalMs: performance.now() - t0, chunksMs };
}

export const engineSection: Section = {
  id: 'engine',
  title: 'Engine',
  run() {
    const checked = checkScenario(toYaml(generateGraph(NODES)));
    if (!checked.scenario) throw new Error('the engine scenario does not check clean');
    const scenario = checked.scenario;
    const script = makeScript(scenario, RESPONSES, 7);
    const longest = Math.max(...script.map((s) => s.length));
    const rows: Row[] = [];
    const details: Record<string, unknown> = { scenarioNodes: NODES, responses: RESPONSES, sessions: script.length, longestSession: longest };

    play(scenario, makeScript(scenario, 2000, 3), 'practice'); // warm-up
    play(scenario, makeScript(scenario, 2000, 3), 'assessment');
    const group = `${RESPONSES.toLocaleString('en-US')} scripted responses on the ${NODES.toLocaleString('en-US')}-node scenario (${script.length} session${script.length > 1 ? 's' : ''}, longest ${longest.toLocaleString('en-US')} turns)`;
    for (const mode of ['practice', 'assessment'] as const) {
      const { totalMs, chunksMs } = play(scenario, script, mode);
      const perSecond = (RESPONSES / totalMs) * 1000;
      rows.push({ group, metric: `${mode} mode${mode === 'practice' ? ' (CHOOSE + CONTINUE)' : ' (CHOOSE)'}`, value: Math.round(perSecond), unit: '/s', display: `${Math.round(perSecond).toLocaleString('en-US')} responses/s`, status: 'info' });
      if (chunksMs.length >= 2) {
        const slowdown = chunksMs.at(-1)! / chunksMs[0]!;
        rows.push({ group, metric: `${mode}: last / first ${CHUNK.toLocaleString('en-US')} responses`, value: round(slowdown, 2), unit: 'x', status: 'info', note: '1x = cost per response flat as the session grows' });
      }
      details[mode] = { totalMs, chunksMs };
    }

    // A saved session of REPLAY_TURNS turns, resumed by replay.
    const turns = script.find((s) => s.length >= REPLAY_TURNS) ?? makeScript(scenario, REPLAY_TURNS, 11)[0]!;
    if (turns.length < REPLAY_TURNS) throw new Error(`no scripted session reaches ${REPLAY_TURNS} turns`);
    const live = startSession(scenario, 'practice');
    for (const id of turns.slice(0, REPLAY_TURNS)) {
      live.send({ type: 'CHOOSE', response: id });
      live.send({ type: 'CONTINUE' });
    }
    const saved = saveSession(live.getSnapshot(), new Date(0).toISOString());
    live.stop();
    const samples = interleaved(
      {
        replay: () => {
          const result = replaySession(scenario, saved);
          if (result.replayed !== saved.steps.length || result.stoppedAt) throw new Error(`replay stopped at step ${result.replayed} of ${saved.steps.length}: ${result.stoppedAt?.reason}`);
          if (result.actor.getSnapshot().context.turns.length !== REPLAY_TURNS) throw new Error(`replay rebuilt ${result.actor.getSnapshot().context.turns.length} turns, not ${REPLAY_TURNS}`);
          result.actor.stop();
        },
      },
      REPLAY_PLAN,
    );
    const replayMs = median(samples.replay);
    rows.push({
      group: `Resume a saved session (practice mode, median of ${REPLAY_PLAN.runs})`,
      metric: `replaySession, ${REPLAY_TURNS} turns (${saved.steps.length} saved steps)`,
      value: round(replayMs, 2),
      unit: 'ms',
      status: 'info',
    });
    details.replay = { turns: REPLAY_TURNS, steps: saved.steps.length, samplesMs: samples.replay };
    return { rows, details };
  },
};
