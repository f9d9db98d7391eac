// What the library shows of a scenario before it is opened.
import type { Scenario, ScenarioMeta } from './types.ts';

export interface CatalogEntry extends ScenarioMeta {
  hash: string;
  nodeCount: number;
}

export function catalogEntry(s: Scenario): CatalogEntry {
  return {
    id: s.id,
    title: s.title,
    language: s.language,
    client: s.client,
    difficulty: s.difficulty,
    minutes: s.minutes,
    contentNotes: s.contentNotes,
    objectives: s.objectives,
    hash: s.hash,
    nodeCount: Object.keys(s.nodes).length,
  };
}
