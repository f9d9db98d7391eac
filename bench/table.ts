// The printed table: one block per section, rows under their group headings.
import type { Row, Status } from './section.ts';

export interface PrintedSection {
  title: string;
  rows: Row[];
  error?: string;
}

const STATUS: Record<Status, string> = { met: 'met', missed: 'MISSED', info: '', pending: '' };

export function formatValue(row: Row): string {
  if (row.display !== undefined) return row.display;
  if (row.value === null) return '—';
  const n = row.value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  if (row.unit === 'x') return `${n}x`;
  return `${n} ${row.unit}`;
}

export function renderTable(sections: PrintedSection[]): string {
  const all = sections.flatMap((s) => s.rows);
  const w = {
    metric: Math.max(6, ...all.map((r) => r.metric.length + 2)),
    value: Math.max(5, ...all.map((r) => formatValue(r).length)),
    target: Math.max(6, ...all.map((r) => (r.target ?? '').length)),
  };
  const line = (metric: string, value: string, target: string, status: string, note = ''): string =>
    `${metric.padEnd(w.metric)}  ${value.padStart(w.value)}  ${target.padEnd(w.target)}  ${status.padEnd(6)}  ${note}`.trimEnd();
  const out: string[] = [];
  const width = w.metric + w.value + w.target + 14;
  out.push(line('metric', 'value', 'target', 'status', 'note'));
  for (const s of sections) {
    out.push('', `== ${s.title} ${'='.repeat(Math.max(0, width - s.title.length - 4))}`);
    if (s.error) {
      out.push(`  FAILED: ${s.error}`);
      continue;
    }
    let group: string | undefined;
    for (const r of s.rows) {
      if (r.group !== group) {
        group = r.group;
        if (group) out.push(group);
      }
      out.push(line(`${group ? '  ' : ''}${r.metric}`, formatValue(r), r.target ?? '', STATUS[r.status], r.note));
    }
  }
  return out.join('\n');
}
