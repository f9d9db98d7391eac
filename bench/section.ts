// What every benchmark section gives back: rows for the table and the JSON, and any details
// (raw samples, file sizes) that belong only in the JSON. To add a section, write a module that
// exports a Section and list it in run.ts.

export type Status = 'met' | 'missed' | 'info' | 'pending';

export interface Row {
  /** Rows with the same group are printed under one heading. */
  group?: string;
  metric: string;
  /** The figure, or null when there is none yet (a placeholder). */
  value: number | null;
  /** 'ms', 'x' (a ratio), '/s', 'MB', ... */
  unit: string;
  /** The value as printed; by default the value with its unit. */
  display?: string;
  target?: string;
  status: Status;
  note?: string;
}

export interface SectionOutput {
  rows: Row[];
  details?: Record<string, unknown>;
}

export interface Section {
  id: string;
  title: string;
  run(): Promise<SectionOutput> | SectionOutput;
}

/** A section for something not built yet: its rows are printed as "not built yet", with no figures. */
export function placeholderSection(id: string, title: string, metrics: { metric: string; unit: string; target?: string }[]): Section {
  return {
    id,
    title,
    run: () => ({
      rows: metrics.map((m) => ({ ...m, value: null, display: 'not built yet', status: 'pending' as const })),
    }),
  };
}
