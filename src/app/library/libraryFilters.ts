// The trainee's library filters, kept between visits.
import type { CatalogEntry } from '../../core/scenario/catalog.ts';
import { topicsOf } from '../../core/scenario/contentTopics.ts';
import { readJson, writeJson } from '../storage/localStore.ts';

export interface LibraryFilters {
  difficulty: string | null;
  therapy: string | null;
  hiddenNotes: string[];
}

const KEY = 'evoke.libraryFilters.v1';
export const NO_FILTERS: LibraryFilters = { difficulty: null, therapy: null, hiddenNotes: [] };

export function loadFilters(): LibraryFilters {
  const r = readJson(KEY, (d) => {
    if (!d || typeof d !== 'object') return null;
    const o = d as Record<string, unknown>;
    return {
      difficulty: typeof o.difficulty === 'string' ? o.difficulty : null,
      therapy: typeof o.therapy === 'string' ? o.therapy : null,
      hiddenNotes: Array.isArray(o.hiddenNotes) ? o.hiddenNotes.filter((n): n is string => typeof n === 'string') : [],
    };
  });
  return r.ok && r.value ? r.value : NO_FILTERS;
}

export function saveFilters(f: LibraryFilters): void {
  writeJson(KEY, f);
}


export function applyFilters(entries: readonly CatalogEntry[], f: LibraryFilters): CatalogEntry[] {
  const hidden = new Set(f.hiddenNotes);
  return entries.filter(
    (e) =>
      (!f.difficulty || e.difficulty === f.difficulty) &&
      (!f.therapy || e.client.weighing === f.therapy) &&
      !topicsOf(e.contentNotes).some((t) => hidden.has(t)),
  );
}
