// Where students' phones reach this server: the server tells its local-network addresses at
// /classroom-info; a static host (or a failed call) falls back to the page's own origin.
import { useEffect, useState } from 'react';

export interface ClassroomInfo {
  addresses: string[];
  port: number | null;
}

/** The app's base address (with any sub-path), without the hash route. */
export function appBase(href = window.location.href): string {
  return href.split('#')[0]!.split('?')[0]!;
}

/** The address a student types or scans: the app base with the join route for the code. */
export function joinUrl(base: string, code: string): string {
  return `${base.endsWith('/') ? base : base + '/'}#/join/${code}`;
}

/**
 * The base a phone can reach. Only when the page was opened as localhost does a LAN address
 * help (a phone cannot reach the teacher's localhost); otherwise the page's own base is right,
 * and keeps a reverse proxy's host name and sub-path.
 */
export function reachableBase(pageBase: string, info: ClassroomInfo | null): string {
  const url = new URL(pageBase);
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  const lan = info?.addresses[0];
  if (!local || !lan) return pageBase;
  url.hostname = lan;
  if (info.port) url.port = String(info.port);
  return url.toString();
}

export function parseClassroomInfo(data: unknown): ClassroomInfo | null {
  if (!data || typeof data !== 'object') return null;
  const o = data as Record<string, unknown>;
  if (!Array.isArray(o.addresses) || !o.addresses.every((a) => typeof a === 'string')) return null;
  return { addresses: o.addresses as string[], port: typeof o.port === 'number' ? o.port : null };
}

/** The join base for this room's panel, starting from the page's own and improved once the server answers. */
export function useJoinBase(): string {
  const [base, setBase] = useState(() => appBase());
  useEffect(() => {
    const controller = new AbortController();
    fetch(new URL('classroom-info', appBase()), { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: unknown) => setBase(reachableBase(appBase(), parseClassroomInfo(data))))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return base;
}
