// What the library shows of a scenario before it is opened.
import type { Scenario, ScenarioMeta } from './types.ts';

/** Only what a card shows: the library page carries one per scenario in its first load. */
export interface CatalogEntry extends Omit<ScenarioMeta, 'objectives' | 'client'> {
  client: Omit<ScenarioMeta['client'], 'background'>;
  hash: string;
  nodeCount: number;
}

export function catalogEntry(s: Scenario): CatalogEntry {
  return {
    id: s.id,
    title: s.title,
    language: s.language,
    client: { name: s.client.name, age: s.client.age, situation: s.client.situation, weighing: s.client.weighing, ...(s.client.pronouns ? { pronouns: s.client.pronouns } : {}) },
    difficulty: s.difficulty,
    minutes: s.minutes,
    contentNotes: s.contentNotes,
    hash: s.hash,
    nodeCount: Object.keys(s.nodes).length,
  };
}
