// Drafts live in this browser's localStorage: one index of drafts and one entry per text. Saved
// a moment after each change and again when the tab is hidden or closed, so nothing is lost.
import { readJson, remove, writeJson } from '../storage/localStore.ts';

export interface DraftInfo {
  id: string;
  name: string;
  updatedAt: string;
  /** The web address the text was opened from, for a share link. */
  sourceUrl?: string;
  /** The name of the local file it was opened from, for saving. */
  fileName?: string;
}

const INDEX_KEY = 'evoke.studio.drafts';
const CURRENT_KEY = 'evoke.studio.current';
const textKey = (id: string) => `evoke.studio.draft.${id}`;

function validIndex(data: unknown): DraftInfo[] | null {
  if (!Array.isArray(data)) return null;
  return data.filter((d): d is DraftInfo => !!d && typeof d === 'object' && typeof d.id === 'string' && typeof d.name === 'string' && typeof d.updatedAt === 'string');
}

/** Newest first. A damaged index reads as empty rather than failing the studio. */
export function listDrafts(): DraftInfo[] {
  const r = readJson(INDEX_KEY, validIndex);
  return (r.ok && r.value ? r.value : []).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

export function loadDraftText(id: string): string | null {
  const r = readJson(textKey(id), (d) => (typeof d === 'string' ? d : null));
  return r.ok ? r.value : null;
}

export function currentDraftId(): string | null {
  const r = readJson(CURRENT_KEY, (d) => (typeof d === 'string' ? d : null));
  return r.ok ? r.value : null;
}

export function setCurrentDraft(id: string): void {
  writeJson(CURRENT_KEY, id);
}

/** Returns false when the browser refused (storage full or disabled). */
export function saveDraft(info: DraftInfo, text: string): boolean {
  if (!writeJson(textKey(info.id), text)) return false;
  const others = listDrafts().filter((d) => d.id !== info.id);
  return writeJson(INDEX_KEY, [info, ...others]);
}

export function deleteDraft(id: string): void {
  remove(textKey(id));
  writeJson(INDEX_KEY, listDrafts().filter((d) => d.id !== id));
}

export function newDraftId(): string {
  return `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The scenario's title as written, to name a draft. */
export function titleOf(text: string): string | null {
  const m = /^title:[ \t]*(.+)$/m.exec(text);
  if (!m) return null;
  const t = m[1]!.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  return t || null;
}
