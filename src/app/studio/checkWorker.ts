// Checks scenario text off the main thread: parsing a large file takes long enough that typing
// must never wait for it. One message in (id, text), one out (id, result, the file's names).
import { parse } from 'yaml';
import { checkScenario } from '../../core/scenario/check.ts';
import { keepScenarioWhenOnlyTestsFail } from '../../core/scenario/scenarioTests.ts';
import type { CheckRequest, CheckResponse } from './checkProtocol.ts';

function namesOf(text: string, fromScenario: CheckResponse['names'] | null): CheckResponse['names'] {
  if (fromScenario) return fromScenario;
  // A file with errors still names its nodes and meters for completion, when it parses at all.
  try {
    const raw = parse(text, { maxAliasCount: 100 }) as Record<string, unknown> | null;
    const keys = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
    return { nodes: keys(raw?.nodes), endings: keys(raw?.endings), meters: keys(raw?.meters) };
  } catch {
    return null;
  }
}

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const { id, text } = e.data;
  const result = keepScenarioWhenOnlyTestsFail(text, checkScenario(text));
  const s = result.scenario;
  const names = namesOf(text, s ? { nodes: Object.keys(s.nodes), endings: Object.keys(s.endings), meters: s.meters.map((m) => m.id) } : null);
  const reply: CheckResponse = { id, result, names };
  self.postMessage(reply);
};
