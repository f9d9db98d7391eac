// The scenarios a classroom can play, read once from a folder of YAML files and checked the way
// the app checks them. Rooms name their scenario by id; restored rooms find theirs here.
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { checkScenario } from '../../core/scenario/check.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import type { JournalStore } from './journal.ts';
import { attachClassroom, type Classroom, type ClassroomOptions } from './wsServer.ts';

export function loadScenarioLibrary(dir: string, warn: (m: string) => void = (m) => console.warn(m)): Map<string, Scenario> {
  const byId = new Map<string, Scenario>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()) {
    const r = checkScenario(readFileSync(join(dir, file), 'utf8'), { runTests: false });
    if (!r.scenario) warn(`classroom: ${file} has errors and cannot be played in a room`);
    else if (byId.has(r.scenario.id)) warn(`classroom: ${file} repeats the id '${r.scenario.id}'; the first is used`);
    else byId.set(r.scenario.id, r.scenario);
  }
  return byId;
}

/** Attaches the classroom to a server, with rooms kept in `store` and scenarios from `scenariosDir`. */
export function startClassroom(server: Server, scenariosDir: string, store: JournalStore, opts: Omit<ClassroomOptions, 'store' | 'scenarioById'> = {}): Classroom {
  const library = loadScenarioLibrary(scenariosDir);
  return attachClassroom(server, { ...opts, store, scenarioById: (id) => library.get(id) });
}
