// Loads a scenario and the trainee's saved place in it, and keeps that place saved on every
// step. Resuming replays the saved choices through the engine (never a stale snapshot).
import { useEffect, useState } from 'react';
import type { Mode } from '../../core/engine/interactionMachine.ts';
import { replaySession, saveSession, startSession, type InteractionActor, type ReplayResult } from '../../core/engine/session.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { loadScenario, type ScenarioRef } from '../library/scenarioSources.ts';
import { clearSession, loadSavedSession, storeSession } from '../storage/sessions.ts';

export type PlayerState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'start'; scenario: Scenario; notice?: string }
  | { kind: 'changed'; scenario: Scenario; replay: ReplayResult }
  | { kind: 'playing'; scenario: Scenario; actor: InteractionActor; startedAt: string };

export function usePlayerSession(ref: ScenarioRef) {
  const [state, setState] = useState<PlayerState>({ kind: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void loadScenario(ref).then((loaded) => {
      if (cancelled) return;
      if (!loaded.ok) return setState({ kind: 'error', message: loaded.message });
      const scenario = loaded.scenario;
      const saved = loadSavedSession(ref);
      if (!saved.ok) {
        clearSession(ref);
        return setState({ kind: 'start', scenario, notice: `Your earlier session could not be resumed (${saved.reason}), so you start afresh.` });
      }
      if (!saved.value || saved.value.scenarioId !== scenario.id) return setState({ kind: 'start', scenario });
      const replay = replaySession(scenario, saved.value);
      if (replay.scenarioChanged || replay.stoppedAt) return setState({ kind: 'changed', scenario, replay });
      setState({ kind: 'playing', scenario, actor: replay.actor, startedAt: saved.value.startedAt });
    });
    return () => {
      cancelled = true;
    };
  }, [ref.source, ref.id]); // eslint-disable-line react-hooks/exhaustive-deps

  // Save after every step: the steps are the session.
  const actor = state.kind === 'playing' ? state.actor : null;
  const startedAt = state.kind === 'playing' ? state.startedAt : '';
  useEffect(() => {
    if (!actor) return;
    let lastSteps = actor.getSnapshot().context.steps;
    storeSession(ref, saveSession(actor.getSnapshot(), startedAt));
    const sub = actor.subscribe((snap) => {
      if (snap.context.steps === lastSteps) return;
      lastSteps = snap.context.steps;
      storeSession(ref, saveSession(snap, startedAt));
    });
    return () => sub.unsubscribe();
  }, [actor, startedAt]); // eslint-disable-line react-hooks/exhaustive-deps

  const start = (scenario: Scenario, mode: Mode) => {
    clearSession(ref);
    setState({ kind: 'playing', scenario, actor: startSession(scenario, mode), startedAt: new Date().toISOString() });
  };
  const continueReplayed = (scenario: Scenario, replay: ReplayResult) => {
    setState({ kind: 'playing', scenario, actor: replay.actor, startedAt: new Date().toISOString() });
  };
  const restart = (scenario: Scenario) => {
    clearSession(ref);
    setState({ kind: 'start', scenario });
  };
  return { state, start, continueReplayed, restart };
}
