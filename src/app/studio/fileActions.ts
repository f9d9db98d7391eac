// Saving and opening scenario files: the File System Access API's save dialog where the browser
// has one, a download otherwise; fetching a file from a web address for the studio.
import { downloadText } from '../report/download.ts';

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

type SavePicker = (options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }) => Promise<{
  createWritable: () => Promise<{ write: (text: string) => Promise<void>; close: () => Promise<void> }>;
}>;

/** Returns 'saved', 'downloaded' or 'cancelled'. */
export async function saveScenarioFile(fileName: string, text: string): Promise<'saved' | 'downloaded' | 'cancelled'> {
  const picker = (window as unknown as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (picker) {
    try {
      const handle = await picker({ suggestedName: fileName, types: [{ description: 'Scenario (YAML)', accept: { 'text/yaml': ['.yaml', '.yml'] } }] });
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      return 'saved';
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') return 'cancelled';
      // A refused picker (permissions, sandbox) still leaves the download.
    }
  }
  downloadText(fileName, text, 'text/yaml');
  return 'downloaded';
}

export function fileNameFor(title: string | null, fallback = 'scenario'): string {
  const base = (title ?? fallback).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || fallback;
  return `${base}.yaml`;
}

export type Fetched = { ok: true; text: string; name: string; url: string } | { ok: false; message: string };

export async function fetchScenario(address: string): Promise<Fetched> {
  let target: URL;
  try {
    target = new URL(address, window.location.href);
    if (target.protocol !== 'https:' && target.protocol !== 'http:') throw new Error('protocol');
  } catch {
    return { ok: false, message: 'The link does not point to a web address.' };
  }
  try {
    const res = await fetch(target.href, { credentials: 'omit' });
    if (!res.ok) return { ok: false, message: `The scenario could not be fetched (the server answered ${res.status}).` };
    const text = await res.text();
    if (text.length > MAX_FILE_BYTES) return { ok: false, message: 'The linked file is larger than 10 MB: that is not a scenario file.' };
    return { ok: true, text, name: decodeURIComponent(target.pathname.split('/').pop() || 'linked.yaml'), url: target.href };
  } catch {
    return { ok: false, message: 'The scenario could not be fetched. The link may be wrong, or its server may not allow other sites to read it.' };
  }
}

/** The link that plays the file at `url` in this app (the existing ?src= flow). */
export function shareLink(url: string): string {
  return `${window.location.origin}${window.location.pathname}?src=${encodeURIComponent(url)}`;
}

export function studioLink(url: string): string {
  return `${window.location.origin}${window.location.pathname}#/studio?src=${encodeURIComponent(url)}`;
}
