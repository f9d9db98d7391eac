// Where scenarios come from: the shipped library (precompiled JSON chunks, one per scenario,
// loaded when opened) or a file the trainee opened themselves (checked in the browser; the
// YAML parser is loaded only then).
import { loaders } from 'virtual:evoke-scenarios/loaders';
import type { Diagnostic } from '../../core/scenario/diagnostics.ts';
import type { Scenario } from '../../core/scenario/types.ts';
import { readJson, remove, writeJson } from '../storage/localStore.ts';

export type ScenarioSource = 'library' | 'local';
export interface ScenarioRef {
  source: ScenarioSource;
  id: string;
}

export function playPath(ref: ScenarioRef): string {
  return ref.source === 'library' ? `/play/${ref.id}` : `/play/local/${ref.id}`;
}

interface OpenedFile {
  id: string;
  name: string;
  text: string;
  openedAt: string;
}
const OPENED_KEY = 'evoke.opened.v1';

function parseOpened(data: unknown): OpenedFile[] | null {
  if (!Array.isArray(data)) return null;
  return data.filter(
    (f): f is OpenedFile => !!f && typeof f === 'object' && typeof f.id === 'string' && typeof f.text === 'string' && typeof f.name === 'string',
  );
}

export function openedFiles(): OpenedFile[] {
  const r = readJson(OPENED_KEY, parseOpened);
  return r.ok ? (r.value ?? []) : [];
}

export type CheckOutcome = { ok: true; scenario: Scenario; warnings: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

export async function checkText(text: string): Promise<CheckOutcome> {
  const { checkScenario } = await import('../../core/scenario/check.ts');
  const result = checkScenario(text);
  if (!result.scenario) return { ok: false, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') };
  return { ok: true, scenario: result.scenario, warnings: result.diagnostics.filter((d) => d.severity === 'warning') };
}

/** Checks a trainee's own file and keeps its text, so the conversation survives a reload. */
export async function openScenarioText(text: string, name: string): Promise<CheckOutcome & { ref?: ScenarioRef }> {
  const outcome = await checkText(text);
  if (!outcome.ok) return outcome;
  const files = openedFiles().filter((f) => f.id !== outcome.scenario.id);
  files.unshift({ id: outcome.scenario.id, name, text, openedAt: new Date().toISOString() });
  writeJson(OPENED_KEY, files.slice(0, 10));
  return { ...outcome, ref: { source: 'local', id: outcome.scenario.id } };
}

export function forgetOpened(id: string): void {
  const files = openedFiles().filter((f) => f.id !== id);
  if (files.length) writeJson(OPENED_KEY, files);
  else remove(OPENED_KEY);
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

export async function loadScenario(ref: ScenarioRef): Promise<LoadResult> {
  try {
    if (ref.source === 'library') {
      const load = Object.hasOwn(loaders, ref.id) ? loaders[ref.id] : undefined;
      if (!load) return { ok: false, message: `There is no scenario called '${ref.id}' in the library.` };
      return { ok: true, scenario: await load() };
    }
    const file = openedFiles().find((f) => f.id === ref.id);
    if (!file) return { ok: false, message: 'This scenario was opened from a file that is no longer kept in this browser. Open the file again from the library.' };
    const outcome = await checkText(file.text);
    if (!outcome.ok) return { ok: false, message: `The file '${file.name}' no longer checks clean (${outcome.diagnostics.length} error(s)). Open it again to see them.` };
    return { ok: true, scenario: outcome.scenario };
  } catch {
    return { ok: false, message: 'The scenario could not be loaded. Check your connection and try again.' };
  }
}
