import { useEffect, useState } from 'react';
import type { Scenario } from '../../core/scenario/types.ts';
import { loadScenario } from '../library/scenarioSources.ts';

/** The library scenario a room plays (rooms play only the shipped library); null until loaded or if missing. */
export function useLibraryScenario(id: string | undefined): { scenario: Scenario | null; error: string | null } {
  const [state, setState] = useState<{ id: string; scenario: Scenario | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    void loadScenario({ source: 'library', id }).then((r) => {
      if (live) setState({ id, scenario: r.ok ? r.scenario : null, error: r.ok ? null : r.message });
    });
    return () => {
      live = false;
    };
  }, [id]);
  return state && state.id === id ? { scenario: state.scenario, error: state.error } : { scenario: null, error: null };
}
