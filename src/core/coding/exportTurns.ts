// The Turn log as CSV, one row per response (retracted ones included and marked), for hand-in
// and for trainers' own spreadsheets.
import type { Turn } from '../engine/turn.ts';

const COLUMNS = ['turn', 'node', 'client_said', 'client_talk', 'client_cue', 'response', 'response_id', 'codes', 'category', 'retracted', 'client_reply', 'reply_talk', 'meters_before', 'meters_after', 'next'];

export function csvCell(v: string): string {
  // Spreadsheets run cells that start with = + - @ as formulas: prefix them so text stays text.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const meters = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(' ');

export function turnsToCsv(turns: readonly Turn[]): string {
  const rows = turns.map((t, i) =>
    [
      String(i + 1),
      t.nodeId,
      t.client.say,
      t.client.talk,
      t.client.cue ?? '',
      t.chosen.say,
      t.chosen.id,
      t.chosen.codes.join('+'),
      t.chosen.category,
      t.retracted ? 'yes' : 'no',
      t.reply?.say ?? '',
      t.reply?.talk ?? '',
      meters(t.metersBefore),
      meters(t.metersAfter),
      t.next,
    ].map(csvCell).join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
